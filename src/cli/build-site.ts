/**
 * What `npm run build` runs when it has something to do (src/cli/build.ts): imported
 * only then, so that a build with nothing to do never loads the pipeline.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { prepareBuild } from '../build/build.ts';
import { openCaches } from '../build/caches.ts';
import type { BuildOptions } from '../build/options.ts';
import { formatProblem, hasErrors } from '../content/problems.ts';
import { stopOnBrokenLinks } from '../publish/link-check.ts';
import { type PageOutput, startPageOutput } from '../publish/output-threads.ts';
import { publishAtomically } from '../publish/publish.ts';
import type { UpToDate } from '../publish/up-to-date.ts';
import { bodyLinkAsWritten } from '../render/body-links.ts';
import { planPages, render } from '../render/render.ts';
import { startSearchIndex } from '../search/search-index.ts';

export interface BuildResult {
  ok: boolean;
  outDir: string;
  pages: number;
}

export interface BuildPlace {
  out: string;
  /** quiet: problems only; progress (the default): a line per stage, with counts and times; verbose: every file Eleventy writes too. */
  verbosity: 'quiet' | 'progress' | 'verbose';
  outDir: string;
  staging: string;
}

/** The build, once `npm run build` found something to do: content → site → photos → render → search → publish. */
export async function buildSite(rootDir: string, options: BuildOptions, values: BuildPlace, upToDate: UpToDate): Promise<BuildResult> {
  // Started first, so that its start-up overlaps loading the content.
  const output = startPageOutput(values.staging, options);
  try {
    return await buildWith(rootDir, options, values, upToDate, output);
  } finally {
    await output.stop();
  }
}

async function buildWith(rootDir: string, options: BuildOptions, values: BuildPlace, upToDate: UpToDate, output: PageOutput): Promise<BuildResult> {
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
    // Body links as written in the pages: those into the site relative to the page (src/render/body-links.ts).
    const written = new Map(prepared.content.links.map((l) => [`${l.url} ${bodyLinkAsWritten(l.href, l.url, options)}`, `${l.file}:${l.line}`]));
    const links = stopOnBrokenLinks(checked, (page, url) => written.get(`${page} ${url}`));
    say(`Links: ${links.links} on ${links.pages} pages resolve`);
    const search = await searchIndex.write(staging);
    const counts = search.languages.map((l) => `${l} ${search.pagesByLanguage[l]}`).join(', ');
    say(
      `Search index: ${counts || 'no pages'} (${search.pages} articles in ${search.parts} parts: ${search.indexed} indexed, ${search.reused} from the cache)`,
    );
  });
  const pages = build.articles.length;
  // An edition without stories has empty feeds, dated by the build's "now" itself.
  if (ok)
    upToDate.record(
      prepared.content.articles,
      options.render.editions.some((code) => !build.pages.articles.some((a) => a.edition === code)),
    );
  if (ok) say(`Published ${pages} articles to ${path.relative(rootDir, outDir) || '.'}/ in ${seconds(started)}`);
  return { ok, outDir, pages };
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
