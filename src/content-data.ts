/**
 * Eleventy plugin: hands the loaded, validated content to the templates as the global
 * `masthead` (typed as SiteData), and watches the content folder in the dev server.
 * Loading happens once per build; the production CLI loads first (to report every
 * problem before rendering) and primes this module with the result.
 */
import path from 'node:path';
import type UserConfig from '@11ty/eleventy/UserConfig';
import type { Article, ArticleFacts } from './article.ts';
import { ArticleCache, loaderFingerprint } from './article-cache.ts';
import { BodyCache } from './body-cache.ts';
import { readBuildOptions, type BuildOptions } from './build-options.ts';
import { checkArticles, type ArticleLink } from './content-check.ts';
import { loadContent, loadFacts } from './content-loader.ts';
import { keepDateTexts } from './dates.ts';
import { CacheFile, v8Codec } from './cache-file.ts';
import { ContentError, formatProblem, hasErrors, type ContentProblem } from './content-problems.ts';
import { loadAllNow } from './on-first-use.ts';
import { preparePhotos } from './photos.ts';
import { changedPages } from './incremental.ts';
import { buildSiteData, type SiteData } from './site-data.ts';

let primed: SiteData | undefined;

export function primeSite(site: SiteData | undefined): void {
  primed = site;
}

export interface LoadedSite {
  /** Undefined when the content has errors. */
  site: SiteData | undefined;
  problems: ContentProblem[];
  /** Every article that loaded without problems, drafts and embargoed ones included. */
  articles: Article[];
  /** The folder that problem and article paths are relative to. */
  root: string;
  /** Links in article bodies, with file and line (to report a broken one where it was written). */
  links: ArticleLink[];
}

interface ContentCaches {
  bodies: BodyCache;
  articles: ArticleCache;
  /** Formatted dates (src/dates.ts), written as pages are rendered: saved by `saveDateTexts`. */
  dates: CacheFile<string>;
}

let caches: ContentCaches | undefined;
let cachesSaved = false;

/**
 * Rendered bodies, validated articles and formatted dates kept across builds in
 * `.cache/bodies/` (MASTHEAD_BODY_CACHE), one of each per process.
 */
function contentCachesFor(rootDir: string): ContentCaches {
  if (!caches) {
    const dir = process.env.MASTHEAD_BODY_CACHE ?? path.join(rootDir, '.cache', 'bodies');
    // The loader's fingerprint covers what decides a date's text too: the editions' code and Node's ICU and zone data.
    const fingerprint = loaderFingerprint();
    caches = { bodies: new BodyCache(dir), articles: new ArticleCache(dir, fingerprint), dates: new CacheFile<string>(dir, 'dates', fingerprint, v8Codec()) };
    keepDateTexts(caches.dates);
  }
  return caches;
}

/** Writes the dates formatted since the caches were loaded; call once the pages are rendered. */
export function saveDateTexts(): void {
  caches?.dates.save();
}

/**
 * Where the content is read from: the boundary no file may be read outside of is the
 * repository, or, for a content folder kept elsewhere (benchmarks, test fixtures), the
 * folder that holds it.
 */
function contentRoots(rootDir: string, options: BuildOptions): { boundary: string; contentDir: string } {
  const contentAbs = path.resolve(rootDir, options.contentDir);
  const inside = !path.relative(rootDir, contentAbs).startsWith('..');
  const boundary = inside ? rootDir : path.dirname(contentAbs);
  return { boundary, contentDir: path.relative(boundary, contentAbs) };
}

/** Loads the site's content for the build and the dev server, and checks it across stories. */
export function loadSite(rootDir: string, options: BuildOptions, { changedStories }: { changedStories?: ReadonlySet<string> } = {}): LoadedSite {
  const { boundary, contentDir } = contentRoots(rootDir, options);
  const { bodies, articles: articleCache } = contentCachesFor(rootDir);
  const { articles, problems, links } = loadContent({ rootDir: boundary, contentDir, bodies, articles: articleCache, ...(changedStories ? { changedStories } : {}) });
  // The dev server re-reads only changed files (kept in memory), so it writes the caches once.
  if (options.mode === 'production' || !cachesSaved) {
    bodies.save();
    articleCache.save();
  }
  cachesSaved = true;
  // Links between stories: the same verdict in the build, the dev server and `npm run check`.
  problems.push(...checkArticles(articles, links, options, { incomplete: hasErrors(problems) }));
  if (hasErrors(problems)) return { site: undefined, problems, articles, root: boundary, links };
  return { site: buildSiteData(articles, options), problems, articles, root: boundary, links };
}

/**
 * For `npm run check`, which renders nothing: every story's facts, and every problem the
 * build would report before rendering (the same loader and checks across stories).
 */
export function loadSiteFacts(rootDir: string, options: BuildOptions): Omit<LoadedSite, 'site' | 'articles'> & { articles: ArticleFacts[] } {
  const { boundary, contentDir } = contentRoots(rootDir, options);
  const { articles: articleCache } = contentCachesFor(rootDir);
  const { articles, problems, links } = loadFacts({ rootDir: boundary, contentDir, articles: articleCache });
  articleCache.save();
  problems.push(...checkArticles(articles, links, options, { incomplete: hasErrors(problems) }));
  return { problems, articles, root: boundary, links };
}

/** Whether a template under layouts/ changed since the process started (survives config reloads). */
let layoutsEdited = false;

export function contentData(config: UserConfig): void {
  const rootDir = process.cwd();
  const options = readBuildOptions();
  const contentDir = path.relative(rootDir, path.resolve(rootDir, options.contentDir)) || '.';
  config.addWatchTarget(`./${contentDir}/**/*`);

  // The files that triggered a dev-server rebuild: when all are content, only the pages
  // whose inputs changed are rendered again (src/incremental.ts).
  let changed: string[] | undefined;
  let previous: SiteData | undefined;
  const layoutsRoot = path.resolve(rootDir, 'layouts') + path.sep;
  config.on('eleventy.beforeWatch', (files: string[]) => {
    changed = files.map((f) => path.resolve(rootDir, f));
    if (changed.some((f) => f.startsWith(layoutsRoot))) layoutsEdited = true;
  });

  // A full dev-server build writes the article and listing pages the way production
  // builds do (src/page-writer.ts): several times faster than Eleventy's pagination and
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
      const { writeDirectPages } = await import('./page-writer.ts');
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
    else if (serving && !layoutsEdited) result = writeAfterBuild = (await import('./page-writer.ts')).withPagesWrittenDirectly(site);
    previous = site;
    changed = undefined;
    return result;
  });
}
