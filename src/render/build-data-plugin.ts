/**
 * Eleventy plugin: hands the loaded, validated content to the templates as the global
 * `masthead` (typed as SiteData), and watches the content folder in the dev server.
 * Loading (src/content/load-site.ts) happens once per build; the production CLI loads first (to
 * report every problem before rendering) and primes this module with the result.
 */
import path from 'node:path';
import type UserConfig from '@11ty/eleventy/UserConfig';
import { readBuildOptions } from '../build/options.ts';
import { ContentError, formatProblem, hasErrors } from '../content/problems.ts';
import { loadAllNow } from '../build/on-first-use.ts';
import { preparePhotos } from '../photos/prepare.ts';
import { changedPages } from '../site/changed-pages.ts';
import { loadSite, saveDateTexts } from '../content/load-site.ts';
import type { SiteData } from '../site/derive.ts';

let primed: SiteData | undefined;

export function primeSite(site: SiteData | undefined): void {
  primed = site;
}

/** Whether a template under layouts/ changed since the process started (survives config reloads). */
let layoutsEdited = false;

export function contentData(config: UserConfig): void {
  const rootDir = process.cwd();
  const options = readBuildOptions();
  const contentDir = path.relative(rootDir, path.resolve(rootDir, options.contentDir)) || '.';
  config.addWatchTarget(`./${contentDir}/**/*`);

  // The files that triggered a dev-server rebuild: when all are content, only the pages
  // whose inputs changed are rendered again (src/site/changed-pages.ts).
  let changed: string[] | undefined;
  let previous: SiteData | undefined;
  const layoutsRoot = path.resolve(rootDir, 'layouts') + path.sep;
  config.on('eleventy.beforeWatch', (files: string[]) => {
    changed = files.map((f) => path.resolve(rootDir, f));
    if (changed.some((f) => f.startsWith(layoutsRoot))) layoutsEdited = true;
  });

  // A full dev-server build writes the article and listing pages the way production
  // builds do (src/render/direct-pages.ts): several times faster than Eleventy's pagination and
  // without holding every page in memory. Not once a layout was edited: the page writer
  // imported the templates for the first build, and only Eleventy re-imports edited ones.
  // It is loaded on that first build only, so `npm run check` never loads the layouts.
  const serving = ['serve', 'watch'].includes(process.env.ELEVENTY_RUN_MODE ?? '');
  let writeAfterBuild: SiteData | undefined;
  config.on('eleventy.after', async ({ directories }: { directories: { output: string } }) => {
    const site = writeAfterBuild;
    writeAfterBuild = undefined;
    if (site) {
      const started = performance.now();
      const { writeDirectPages } = await import('./direct-pages.ts');
      const pages = await writeDirectPages(site, directories.output);
      console.log(`[masthead] Wrote ${pages} article and listing pages in ${((performance.now() - started) / 1000).toFixed(2)} seconds`);
    }
    saveDateTexts();
    // Stories from the caches needed none of the validation libraries; the editor's first save will.
    if (serving) setTimeout(loadAllNow, 0).unref();
  });

  config.addGlobalData('masthead', async () => {
    if (primed) return primed;
    // Dev server and plain `eleventy` runs: load now. Unchanged files come from the loader's
    // cache; when only stories were edited, the others are not even looked at.
    const contentRoot = path.resolve(rootDir, options.contentDir) + path.sep;
    const onlyContent = changed !== undefined && changed.length > 0 && changed.every((f) => f.startsWith(contentRoot));
    const onlyStories = previous !== undefined && onlyContent && changed!.every((f) => f.endsWith('.md'));
    const { site, problems } = loadSite(rootDir, readBuildOptions(), onlyStories ? { changedStories: new Set(changed) } : {});
    if (site) problems.push(...(await preparePhotos(site, rootDir)).problems);
    for (const p of problems.filter((p) => p.severity === 'warning')) console.warn(formatProblem(p));
    if (!site || hasErrors(problems)) {
      previous = undefined;
      throw new ContentError(problems);
    }
    let result = site;
    if (previous && onlyContent) result = Object.freeze({ ...site, pages: changedPages(previous, site) });
    else if (serving && !layoutsEdited) result = writeAfterBuild = (await import('./direct-pages.ts')).withPagesWrittenDirectly(site);
    previous = site;
    changed = undefined;
    return result;
  });
}
