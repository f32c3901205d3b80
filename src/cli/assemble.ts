/**
 * `npm run assemble`: merges edition shards into one site and writes the cross-edition
 * files (root page, root 404, sitemap index, robots.txt, _redirects, _headers).
 *
 *   npm run build -- --edition en --out _site-en     (one job per edition, in parallel)
 *   npm run assemble -- --from _site-en --from _site-ru --from _site-fa --out _site
 *
 * Pass the same --now, --pathprefix, --base-url and --page-size as the shards. The
 * result equals a monolithic `npm run build` byte for byte (tests/sharded-build.test.ts).
 * Like the build, it works in a staging folder and swaps only when the merged site's
 * links all resolve.
 */
import { cpSync, existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { prepareBuild } from '../build/build.ts';
import { openCaches } from '../build/caches.ts';
import { readBuildOptions } from '../build/options.ts';
import { formatProblem } from '../content/problems.ts';
import { editionCodes } from '../editions/registry.ts';
import { verifyBuiltLinks } from '../publish/link-check.ts';
import { BuildStopped, publishAtomically, recoverOutput, removePublishLeftovers, stagingDirFor } from '../publish/publish.ts';
import { publishMedia, writeAssets, writeHostFiles } from '../publish/site-files.ts';
import { renderWithEleventy } from '../render/render.ts';
import { applyBuildFlags, buildFlagHelp, buildFlags } from './build-flags.ts';
import { helpText } from './help.ts';

const flags = { ...buildFlags, from: { type: 'string', multiple: true } } as const;
const USAGE = helpText('npm run assemble -- [--from] DIR [[--from] DIR …] [options]', flags, {
  ...buildFlagHelp,
  from: ['DIR', 'a shard built with `npm run build -- --edition CODE --out DIR` (or list the folders without --from)'],
});

/** Copies a shard into the staging folder; the same path in two shards must hold the same bytes. */
function mergeShard(from: string, into: string): void {
  cpSync(from, into, {
    recursive: true,
    filter: (source, target) => {
      if (!existsSync(target) || statSync(source).isDirectory()) return true;
      if (!readFileSync(source).equals(readFileSync(target))) {
        throw new BuildStopped(`Shards disagree about ${path.relative(into, target)}: was every shard built from the same content and flags?`);
      }
      return false;
    },
  });
}

export async function assemble(argv: string[], rootDir = process.cwd()): Promise<boolean> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: flags,
    allowPositionals: true,
    strict: true,
  });
  // Shard folders may be named with --from or simply listed (`shards/site-*`).
  const from = [...(values.from ?? []), ...positionals];
  if (values.help || !from.length) {
    console.log(USAGE);
    return Boolean(values.help);
  }
  applyBuildFlags(values);
  process.env.MASTHEAD_SHARED = 'only';
  delete process.env.MASTHEAD_EDITIONS;
  const options = readBuildOptions();

  const caches = openCaches(rootDir);
  const { build, problems } = await prepareBuild({ rootDir, options, caches, fingerprintAssets: true });
  for (const p of problems) console.error(formatProblem(p));
  if (!build) {
    console.error(`\nAssemble stopped: problems in the content. Nothing was published; ${values.out}/ is unchanged.`);
    return false;
  }

  const outDir = path.resolve(rootDir, values.out);
  const staging = stagingDirFor(outDir);
  recoverOutput(outDir);
  removePublishLeftovers(outDir);
  const shards = from.map((d) => path.resolve(rootDir, d));
  return publishAtomically(outDir, staging, async () => {
    for (const shard of shards) {
      if (!existsSync(shard))
        throw new BuildStopped(`Shard ${shard} does not exist: build it with npm run build -- --edition … --out ${path.relative(rootDir, shard)}`);
      // A shard's output is a link to its site folder (src/publish/publish.ts): copied from where it leads.
      mergeShard(realpathSync(shard), staging);
    }
    // Shards are copied first, so _headers (written last) sees the merged top level.
    await renderWithEleventy(build, rootDir, staging, !values.verbose);
    writeAssets(build, staging);
    publishMedia(build, staging);
    writeHostFiles(build, staging, rootDir);
    const links = verifyBuiltLinks(staging, { ...options, render: { editions: editionCodes, shared: true } });
    if (!values.quiet) console.log(`Assembled ${shards.length} shards; ${links.links} links on ${links.pages} pages resolve.`);
  });
}

/** The command line: exit code 0 when the assembled site was published. */
export async function run(argv: string[]): Promise<number> {
  try {
    return (await assemble(argv)) ? 0 : 1;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 1;
  }
}
