/**
 * The content stage: every article of the content folder read, validated against the
 * editors' contract, normalised, and checked across stories (links between stories,
 * duplicate URLs, aliases, translation keys), with every problem found in one pass; and
 * the editions' reach settings (src/editions/reach.ts), which a build prints too. The
 * build, the dev server and `npm run check` all start here, with the same checks, so
 * they always agree.
 */
import path from 'node:path';
import type { BuildCaches } from '../build/caches.ts';
import type { BuildOptions } from '../build/options.ts';
import { reachProblems } from '../editions/reach.ts';
import type { Article, ArticleFacts } from './article.ts';
import { type ArticleLink, checkArticles } from './cross-checks.ts';
import { loadArticleFacts, loadArticleFiles } from './load-files.ts';
import { type ContentProblem, hasErrors } from './problems.ts';

export interface LoadedContent<A extends ArticleFacts = Article> {
  /** Every article that loaded without problems, drafts and embargoed ones included. */
  articles: A[];
  problems: ContentProblem[];
  /** The folder that problem and article paths are relative to. */
  root: string;
  /** Links in article bodies, with file and line (to report a broken one where it was written). */
  links: ArticleLink[];
}

/**
 * Where the content is read from: the boundary no file may be read outside of is the
 * repository, or, for a content folder kept elsewhere (benchmarks, test fixtures), the
 * folder that holds it.
 */
export function contentRoots(rootDir: string, options: Pick<BuildOptions, 'contentDir'>): { boundary: string; contentDir: string } {
  const contentAbs = path.resolve(rootDir, options.contentDir);
  const inside = !path.relative(rootDir, contentAbs).startsWith('..');
  const boundary = inside ? rootDir : path.dirname(contentAbs);
  return { boundary, contentDir: path.relative(boundary, contentAbs) };
}

export interface LoadInput {
  rootDir: string;
  options: BuildOptions;
  caches: BuildCaches;
  /** The story files the dev server's watcher says changed since its previous load (src/content/load-files.ts). */
  changedStories?: ReadonlySet<string>;
}

/** Every story, whole: for the build and the dev server. The caller saves the caches. */
export function loadContent({ rootDir, options, caches, changedStories }: LoadInput): LoadedContent {
  const { boundary, contentDir } = contentRoots(rootDir, options);
  const { articles, problems, links } = loadArticleFiles({
    rootDir: boundary,
    contentDir,
    bodies: caches.bodies,
    articles: caches.articles,
    loaded: caches.loaded,
    ...(changedStories ? { changedStories } : {}),
  });
  problems.push(...checkArticles(articles, links, options, { incomplete: hasErrors(problems) }), ...reachProblems(rootDir, options));
  return { articles, problems, root: boundary, links };
}

/**
 * For `npm run check`, which renders nothing: every story's facts, and every problem the
 * build would report before rendering (the same loader and checks across stories).
 */
export function loadContentFacts({ rootDir, options, caches }: LoadInput): LoadedContent<ArticleFacts> {
  const { boundary, contentDir } = contentRoots(rootDir, options);
  const { articles, problems, links } = loadArticleFacts({ rootDir: boundary, contentDir, articles: caches.articles });
  caches.articles.save();
  problems.push(...checkArticles(articles, links, options, { incomplete: hasErrors(problems) }), ...reachProblems(rootDir, options));
  return { articles, problems, root: boundary, links };
}
