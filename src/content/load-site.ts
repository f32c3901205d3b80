/**
 * Loading the site's content, with the caches kept across builds: for the build, the
 * dev server (through the Eleventy plugin in src/render/build-data-plugin.ts) and `npm run check`.
 */
import path from 'node:path';
import type { Article, ArticleFacts } from './article.ts';
import { ArticleCache, loaderFingerprint } from './article-cache.ts';
import { BodyCache } from './body-cache.ts';
import type { BuildOptions } from '../build/options.ts';
import { CacheFile, v8Codec } from '../build/cache-file.ts';
import { checkArticles, type ArticleLink } from './cross-checks.ts';
import { loadContent, loadFacts } from './load.ts';
import { hasErrors, type ContentProblem } from './problems.ts';
import { keepDateTexts } from '../editions/dates.ts';
import { buildSiteData, type SiteData } from '../site/derive.ts';

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
  /** Formatted dates (src/editions/dates.ts), written as pages are rendered: saved by `saveDateTexts`. */
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
