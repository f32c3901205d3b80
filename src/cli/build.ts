/**
 * `npm run build`: the production build.
 *
 *   npm run build -- [--now 2026-11-27T12:00Z] [--edition ru] [--pathprefix /news/]
 *                    [--base-url https://news.example] [--content content] [--out _site]
 *
 * Content is loaded and validated first: every problem is printed and the build stops
 * before rendering anything. The site is rendered into a staging folder beside the
 * output and swapped in only when everything succeeded, so a failed build leaves the
 * previously published `_site/` exactly as it was. A build that finds nothing changed
 * since the one that made the output folder leaves it as it is (src/publish/up-to-date.ts).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { contentCacheDir } from '../build/cache-dirs.ts';
import { describeFileSystemError } from '../build/fs-errors.ts';
import { readBuildOptions } from '../build/options.ts';
import { recoverOutput, removePublishLeftovers, stagingDirFor } from '../publish/publish.ts';
import { checkUpToDate } from '../publish/up-to-date.ts';
import { explainedMessage } from '../render/page-errors.ts';
import { applyBuildFlags, buildFlagHelp, buildFlags } from './build-flags.ts';
import type { BuildResult } from './build-site.ts';
import { helpText } from './help.ts';

const flags = { ...buildFlags, edition: { type: 'string', multiple: true } } as const;
const USAGE = helpText('npm run build -- [options]', flags, {
  ...buildFlagHelp,
  edition: ['CODE', 'build only this edition (repeat for several); `npm run assemble` merges such shards'],
});

export async function build(argv: string[], rootDir = process.cwd()): Promise<BuildResult> {
  const { values } = parseArgs({ args: argv, options: flags, strict: true });
  if (values.help) {
    console.log(USAGE);
    return { ok: true, outDir: '', pages: 0 };
  }
  const env = process.env;
  applyBuildFlags(values, env);
  if (values.edition) env.MASTHEAD_EDITIONS = values.edition.join(',');
  const options = readBuildOptions(env);
  const outDir = path.resolve(rootDir, values.out);
  const staging = stagingDirFor(outDir);
  // A site a killed build moved aside goes back first; then what killed builds left is removed (src/publish/publish.ts).
  recoverOutput(outDir);
  removePublishLeftovers(outDir);
  const upToDate = checkUpToDate({ rootDir, cacheDir: contentCacheDir(rootDir, env), outDir, options, argv });
  if (upToDate.upToDate) {
    if (!values.quiet)
      console.log(`Nothing changed since the last build (code, options, content and ${values.out}/ as they were): ${values.out}/ is up to date.`);
    return { ok: true, outDir: values.out, pages: 0 };
  }
  const verbosity = values.quiet ? 'quiet' : values.verbose ? 'verbose' : 'progress';
  const { buildSite } = await import('./build-site.ts');
  return buildSite(rootDir, options, { out: values.out, verbosity, outDir, staging }, upToDate);
}

/** The command line: exit code 0 when the site was published, 1 when not. */
export async function run(argv: string[]): Promise<number> {
  try {
    return (await build(argv)).ok ? 0 : 1;
  } catch (error) {
    const disk = describeFileSystemError(error);
    if (disk) {
      console.error(`npm run build: ${disk}.\nNothing was published.`);
      return 1;
    }
    const usage = (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') || /MASTHEAD_|--/.test(String((error as Error).message));
    const explained = explainedMessage(error);
    console.error(
      usage || explained !== undefined || !(error instanceof Error)
        ? (explained ?? String(error instanceof Error ? error.message : error))
        : (error.stack ?? error.message),
    );
    if (usage) console.error(USAGE);
    return 1;
  }
}
