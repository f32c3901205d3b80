/**
 * The render stage of a production build: every page of the Build into the staging
 * folder. Eleventy renders the templates of layouts/pages/ (front pages, feeds,
 * sitemaps, redirects…) with the Build as its global data; the article and listing
 * pages — nearly every file — are rendered by the same templates' `render` and written
 * by the page writer on the output threads (ADR 012). Then the files beside the pages
 * (assets, photo renditions, `_headers`), and every page is handed to the link check.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Eleventy } from '@11ty/eleventy';
import type UserConfig from '@11ty/eleventy/UserConfig';
import type { Build } from '../build/build.ts';
import { listSiteFiles } from '../publish/link-check.ts';
import type { PageOutput } from '../publish/output-threads.ts';
import { publishMedia, writeAssets, writeHostFiles } from '../publish/site-files.ts';
import { directPageFiles, withPagesWrittenDirectly, writeDirectPages } from './direct-pages.ts';

/** What Eleventy wrote: each page's file and content. */
export interface WrittenPage {
  outputPath: string;
  content: string;
}

/** Which pages go which way: the Build as Eleventy gets it, and the files the page writer writes. */
export interface PagePlan {
  build: Build;
  forEleventy: Build;
  directFiles: string[];
}

export function planPages(build: Build): PagePlan {
  const forEleventy = withPagesWrittenDirectly(build);
  return { build, forEleventy, directFiles: directPageFiles(forEleventy) };
}

/** Renders the templates in layouts/ into `outDir`, the Build handed to them as `masthead`. */
export async function renderWithEleventy(build: Build, rootDir: string, outDir: string, quiet: boolean): Promise<WrittenPage[]> {
  const eleventy = new Eleventy(path.join(rootDir, 'layouts'), outDir, {
    configPath: path.join(rootDir, '.eleventy.ts'),
    // Runs before the configuration file's plugins, which then leave `masthead` as it is (src/render/build-data-plugin.ts).
    config: (config: UserConfig) => config.addGlobalData('masthead', build),
    quietMode: quiet,
    pathPrefix: build.options.pathPrefix,
  });
  // Quiet means Eleventy's summary line too: the build prints its own progress (src/cli/build.ts); errors are thrown all the same.
  if (quiet) {
    eleventy.disableLogger();
    await eleventy.init();
    // Eleventy's timing notes ("[11ty] Benchmark … (Configuration) …") go to stderr whenever the machine is slow:
    // the groups made while the configuration loaded keep the verbosity of that moment, so they are told again.
    const groups = (eleventy as unknown as { bench: { getAll(): Record<string, { setIsVerbose(v: boolean): void }> } }).bench.getAll();
    for (const group of Object.values(groups)) group.setIsVerbose(false);
  }
  const [, pages] = (await eleventy.write()) as unknown as [unknown, { outputPath: string | false; content: string }[]];
  return pages.filter((p): p is WrittenPage => typeof p.outputPath === 'string');
}

/** Every page and file of the plan into `outDir`, each page link-checked by `output`; gives the number of pages the page writer wrote. */
export async function render(
  plan: PagePlan,
  { rootDir, outDir, output, quiet }: { rootDir: string; outDir: string; output: PageOutput; quiet: boolean },
): Promise<number> {
  const relative = (file: string) => path.relative(outDir, file).split(path.sep).join('/');
  const eleventyPages = await renderWithEleventy(plan.forEleventy, rootDir, outDir, quiet);
  writeAssets(plan.build, outDir);
  publishMedia(plan.build, outDir);
  writeHostFiles(plan.build, outDir, rootDir);
  // Every page is link-checked as it is rendered, on the page output threads: Eleventy's
  // from its results, the direct ones as they are written. Nothing is read back from disk.
  output.addFiles(eleventyPages.map((p) => relative(p.outputPath)));
  output.addFiles(plan.directFiles);
  for (const dir of ['assets', 'media']) {
    if (existsSync(path.join(outDir, dir))) output.addFiles(listSiteFiles(path.join(outDir, dir)).map((f) => `${dir}/${f}`));
  }
  for (const p of eleventyPages) if (p.outputPath.endsWith('.html')) await output.check(relative(p.outputPath), p.content);
  return writeDirectPages(plan.forEleventy, outDir, output);
}
