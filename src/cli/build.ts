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
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Eleventy } from '@11ty/eleventy';
import { readBuildOptions, type BuildOptions } from '../build/options.ts';
import { applyBuildFlags, buildFlagHelp, buildFlags } from './build-flags.ts';
import { helpText } from './help.ts';
import { primeSite } from '../render/build-data-plugin.ts';
import { loadSite, saveDateTexts } from '../content/load-site.ts';
import { formatProblem } from '../content/problems.ts';
import { directPageFiles, withPagesWrittenDirectly, writeDirectPages } from '../render/direct-pages.ts';
import { listSiteFiles, stopOnBrokenLinks } from '../publish/link-check.ts';
import { startPageOutput, type PageOutput } from '../publish/output-threads.ts';
import { preparePhotos } from '../photos/prepare.ts';
import { publishAtomically, stagingDirFor } from '../publish/swap.ts';
import { searchCacheDir } from '../search/search-cache.ts';
import { startSearchIndex } from '../search/search-index.ts';
import { href } from '../site/urls.ts';

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
  // Started first, so that its start-up overlaps loading the content.
  const output = startPageOutput(staging, options);
  try {
    return await buildSite(rootDir, options, { out: values.out, quiet: values.quiet === true, outDir, staging }, output);
  } finally {
    await output.stop();
  }
}

interface BuildPlace {
  out: string;
  quiet: boolean;
  outDir: string;
  staging: string;
}

async function buildSite(rootDir: string, options: BuildOptions, values: BuildPlace, output: PageOutput): Promise<BuildResult> {
  const { outDir, staging } = values;
  const { site, problems, links: bodyLinks } = loadSite(rootDir, options);
  for (const p of problems) console.error(formatProblem(p));
  if (!site) {
    const count = problems.filter((p) => p.severity === 'error').length;
    console.error(`\nBuild stopped: ${count} problem${count === 1 ? '' : 's'} in the content. Nothing was published; ${values.out}/ is unchanged.`);
    return { ok: false, outDir: values.out, pages: 0 };
  }
  const photos = await preparePhotos(site, rootDir);
  for (const p of photos.problems) console.error(formatProblem(p));
  const photoErrors = photos.problems.filter((p) => p.severity === 'error').length;
  if (photoErrors) {
    console.error(`\nBuild stopped: ${photoErrors} problem${photoErrors === 1 ? '' : 's'} with photos. Nothing was published; ${values.out}/ is unchanged.`);
    return { ok: false, outDir: values.out, pages: 0 };
  }
  if (!values.quiet) console.log(`Photos: ${photos.encoded} renditions encoded, ${photos.reused} reused from ${path.relative(rootDir, photos.cacheDir) || '.'}/`);
  // Eleventy renders everything but the article and listing pages, written directly (ADR 012).
  const primed = withPagesWrittenDirectly(site);
  primeSite(primed);

  const ok = await publishAtomically(outDir, staging, async () => {
    // Every page is link-checked as it is rendered, on the page output threads: Eleventy's
    // from its results, the direct ones as they are written. Nothing is read back from disk.
    const relative = (file: string) => path.relative(staging, file).split(path.sep).join('/');
    // First, so that a thread makes them while this one starts the search index and runs Eleventy.
    output.makeFolders(directPageFiles(primed));
    // Pagefind indexes in its own process while Eleventy renders.
    const searchIndex = await startSearchIndex(site, searchCacheDir(rootDir));
    const eleventyPages = await renderWithEleventy(rootDir, staging, options, values.quiet);
    output.addFiles(eleventyPages.map((p) => relative(p.outputPath)));
    output.addFiles(directPageFiles(primed));
    for (const dir of ['assets', 'media']) {
      if (existsSync(path.join(staging, dir))) output.addFiles(listSiteFiles(path.join(staging, dir)).map((f) => `${dir}/${f}`));
    }
    const started = performance.now();
    for (const p of eleventyPages) if (p.outputPath.endsWith('.html')) await output.check(relative(p.outputPath), p.content);
    // After Eleventy: the stylesheet's fingerprinted name is known once its run began.
    const direct = await writeDirectPages(primed, staging, output);
    const { written: writtenCount, links: checked } = await output.finish();
    if (writtenCount !== direct) throw new Error(`${direct} pages were rendered but ${writtenCount} written`);
    saveDateTexts();
    if (!values.quiet) console.log(`Article and listing pages: ${direct} written; every page link-checked (${seconds(started)})`);
    // A page with a link into the site that leads nowhere is never published (ADR 010).
    // Body links as written in the pages: root-relative ones under the path prefix (src/render/body-links.ts).
    const asWritten = (h: string) => (/^\/(?![/\\])/.test(h) ? href(options, h) : h);
    const written = new Map(bodyLinks.map((l) => [`${l.url} ${asWritten(l.href)}`, `${l.file}:${l.line}`]));
    const links = stopOnBrokenLinks(checked, (page, url) => written.get(`${page} ${url}`));
    if (!values.quiet) console.log(`Links: ${links.links} on ${links.pages} pages resolve`);
    const search = await searchIndex.write(staging);
    if (!values.quiet) {
      const counts = search.languages.map((l) => `${l} ${search.pagesByLanguage[l]}`).join(', ');
      console.log(`Search index: ${counts || 'no pages'} (${search.pages} articles; ${search.reused} of ${options.render.editions.length} editions unchanged, from the cache)`);
    }
  });
  const pages = site.articles.length;
  if (ok && !values.quiet) console.log(`Published ${pages} articles to ${path.relative(rootDir, outDir) || '.'}/`);
  return { ok, outDir, pages };
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/** What Eleventy wrote: each page's file and content. */
export interface WrittenPage {
  outputPath: string;
  content: string;
}

/** Renders the templates in layouts/ into `outDir` with the site already primed. */
export async function renderWithEleventy(rootDir: string, outDir: string, options: BuildOptions, quiet: boolean): Promise<WrittenPage[]> {
  const eleventy = new Eleventy(path.join(rootDir, 'layouts'), outDir, {
    configPath: path.join(rootDir, '.eleventy.ts'),
    quietMode: quiet,
    pathPrefix: options.pathPrefix,
  });
  const [, pages] = (await eleventy.write()) as unknown as [unknown, { outputPath: string | false; content: string }[]];
  return pages.filter((p): p is WrittenPage => typeof p.outputPath === 'string');
}

/** The command line: exit code 0 when the site was published, 1 when not. */
export async function run(argv: string[]): Promise<number> {
  try {
    return (await build(argv)).ok ? 0 : 1;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    console.error(USAGE);
    return 1;
  }
}
