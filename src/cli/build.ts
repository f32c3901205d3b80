/**
 * `npm run build`: the production build.
 *
 *   npm run build -- [--now 2026-11-27T12:00Z] [--edition ru] [--pathprefix /news/]
 *                    [--base-url https://news.example] [--content content] [--out _site]
 *
 * Content is loaded and validated first: every problem is printed and the build stops
 * before rendering anything. The site is rendered into a staging folder beside the
 * output and swapped in only when everything succeeded, so a failed build leaves the
 * previously published `_site/` exactly as it was.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { prepareBuild } from '../build/build.ts';
import { openCaches } from '../build/caches.ts';
import { describeFileSystemError } from '../build/fs-errors.ts';
import { type BuildOptions, readBuildOptions } from '../build/options.ts';
import { formatProblem, hasErrors } from '../content/problems.ts';
import { stopOnBrokenLinks } from '../publish/link-check.ts';
import { type PageOutput, startPageOutput } from '../publish/output-threads.ts';
import { publishAtomically, recoverOutput, removePublishLeftovers, stagingDirFor } from '../publish/publish.ts';
import { explainedMessage } from '../render/page-errors.ts';
import { planPages, render } from '../render/render.ts';
import { startSearchIndex } from '../search/search-index.ts';
import { href } from '../site/urls.ts';
import { applyBuildFlags, buildFlagHelp, buildFlags } from './build-flags.ts';
import { helpText } from './help.ts';

const flags = { ...buildFlags, edition: { type: 'string', multiple: true } } as const;
const USAGE = helpText('npm run build -- [options]', flags, {
  ...buildFlagHelp,
  edition: ['CODE', 'build only this edition (repeat for several); `npm run assemble` merges such shards'],
});

export interface BuildResult {
  ok: boolean;
  outDir: string;
  pages: number;
}

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
  // Started first, so that its start-up overlaps loading the content.
  const output = startPageOutput(staging, options);
  try {
    const verbosity = values.quiet ? 'quiet' : values.verbose ? 'verbose' : 'progress';
    return await buildSite(rootDir, options, { out: values.out, verbosity, outDir, staging }, output);
  } finally {
    await output.stop();
  }
}

interface BuildPlace {
  out: string;
  /** quiet: problems only; progress (the default): a line per stage, with counts and times; verbose: every file Eleventy writes too. */
  verbosity: 'quiet' | 'progress' | 'verbose';
  outDir: string;
  staging: string;
}

async function buildSite(rootDir: string, options: BuildOptions, values: BuildPlace, output: PageOutput): Promise<BuildResult> {
  const { outDir, staging } = values;
  const quiet = values.verbosity === 'quiet';
  const say = (line: string) => {
    if (!quiet) console.log(line);
  };
  const started = performance.now();
  const caches = openCaches(rootDir);
  const removed = caches.removeLeftovers();
  if (removed.length && values.verbosity === 'verbose') say(`Removed what killed builds left in the caches: ${removed.join(', ')}`);
  const prepared = await prepareBuild({ rootDir, options, caches, fingerprintAssets: true });
  for (const p of prepared.problems) console.error(formatProblem(p));
  const { build } = prepared;
  if (!build) {
    const inContent = hasErrors(prepared.content.problems);
    const count = (inContent ? prepared.content.problems : prepared.photos.problems).filter((p) => p.severity === 'error').length;
    console.error(
      `\nBuild stopped: ${count} problem${count === 1 ? '' : 's'} ${inContent ? 'in the content' : 'with photos'}. Nothing was published; ${values.out}/ is unchanged.`,
    );
    return { ok: false, outDir: values.out, pages: 0 };
  }
  const editionCount = new Set(prepared.content.articles.map((a) => a.edition)).size;
  say(
    `Content: ${prepared.content.articles.length} stories in ${editionCount} edition${editionCount === 1 ? '' : 's'} checked; ${build.articles.length} published (${seconds(started)})`,
  );
  const { encoded, reused } = prepared.photos;
  say(`Photos: ${encoded} renditions encoded, ${reused} reused from ${path.relative(rootDir, caches.images.dir) || '.'}/`);
  // What the last build encoded, beside the cache, for whoever keeps the cache between CI runs (and the tests).
  await writeFile(path.join(caches.images.dir, 'last-build.json'), `${JSON.stringify({ encoded, reused })}\n`).catch(() => {});
  const plan = planPages(build);

  const ok = await publishAtomically(outDir, staging, async () => {
    // First, so that a thread makes them while this one starts the search index and runs Eleventy.
    output.makeFolders(plan.directFiles);
    // Pagefind indexes in its own process while the pages are rendered.
    const searchIndex = await startSearchIndex(build, caches.searchDir);
    const direct = await render(plan, { rootDir, outDir: staging, output, quiet: values.verbosity !== 'verbose' });
    const { written: writtenCount, links: checked } = await output.finish();
    if (writtenCount !== direct) throw new Error(`${direct} pages were rendered but ${writtenCount} written`);
    caches.saveDates();
    say(`Pages: ${direct} articles and listings, with the front pages, feeds and sitemaps, written and link-checked (${seconds(started)})`);
    // A page with a link into the site that leads nowhere is never published (ADR 010).
    // Body links as written in the pages: root-relative ones under the path prefix (src/render/body-links.ts).
    const asWritten = (h: string) => (/^\/(?![/\\])/.test(h) ? href(options, h) : h);
    const written = new Map(prepared.content.links.map((l) => [`${l.url} ${asWritten(l.href)}`, `${l.file}:${l.line}`]));
    const links = stopOnBrokenLinks(checked, (page, url) => written.get(`${page} ${url}`));
    say(`Links: ${links.links} on ${links.pages} pages resolve`);
    const search = await searchIndex.write(staging);
    const counts = search.languages.map((l) => `${l} ${search.pagesByLanguage[l]}`).join(', ');
    say(
      `Search index: ${counts || 'no pages'} (${search.pages} articles; ${search.reused} of ${options.render.editions.length} editions unchanged, from the cache)`,
    );
  });
  const pages = build.articles.length;
  if (ok) say(`Published ${pages} articles to ${path.relative(rootDir, outDir) || '.'}/ in ${seconds(started)}`);
  return { ok, outDir, pages };
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

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
