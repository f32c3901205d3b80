/**
 * Reading the content folder: every article file once, validated against the contract,
 * its body rendered, normalised into an `Article`, with every problem found, in one
 * pass, taking what the caches hold for untouched files (src/content/load-article.ts).
 * Eleventy never reads the Markdown itself (see docs/adr/001-content-loader.md).
 */
import { readdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { editionCodes, editions, isEditionCode } from '../editions/registry.ts';
import type { Article, ArticleFacts } from './article.ts';
import type { ArticleCache } from './article-cache.ts';
import type { BodyCache } from './body-cache.ts';
import { type ArticleLink, reportAliasCollisions, reportDuplicateUrls, reportTranslationClashes } from './cross-checks.ts';
import { type ArticleInput, type LoadedFiles, loadArticle, loadArticleFacts as loadOneArticleFacts } from './load-article.ts';
import { pathBelow } from './path-below.ts';
import { photoChecksForOneLoad, photoStampsForOneLoad } from './photo-checks.ts';
import type { ContentProblem } from './problems.ts';

export interface LoadOptions {
  /** Repository root; no file outside it is ever read. */
  rootDir: string;
  /** Content folder relative to rootDir. */
  contentDir?: string;
  /** Rendered bodies kept across builds (src/content/body-cache.ts); none: render every body. */
  bodies?: BodyCache;
  /** Validated articles kept across builds (src/content/article-cache.ts); none: validate every file. */
  articles?: ArticleCache;
  /**
   * The story files the dev server's watcher says changed since the previous load: every
   * other file this process loaded before is taken as it was, without a stat (at 20,000
   * stories, the stats were the largest part of a one-story rebuild). Ignored unless each
   * of them is among the files listed, so a path written differently never hides an edit.
   */
  changedStories?: ReadonlySet<string>;
  /** What this process loaded before (the dev server); none: read every file as a new process does. */
  loaded?: LoadedFiles;
}

export interface LoadedContent<A extends ArticleFacts = Article> {
  articles: A[];
  problems: ContentProblem[];
  /** Links written in the bodies of the loaded articles, for the checks across articles (src/content/cross-checks.ts). */
  links: ArticleLink[];
}

/**
 * Every `.md` file below the content folder (links to directories are not followed). A
 * walk of our own: `fs.globSync`, recursive `readdirSync` and tinyglobby are several
 * times slower on the check's hot path (ADR 018).
 */
export function listArticleFiles(rootDir: string, contentDir = 'content'): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      // `dir` is normalised and a name holds no separator: the same path as path.join.
      const absolute = `${dir}${path.sep}${entry.name}`;
      if (entry.isDirectory()) walk(absolute);
      else if (entry.name.endsWith('.md') && !entry.name.startsWith('.') && (entry.isFile() || entry.isSymbolicLink())) files.push(absolute);
    }
  };
  walk(path.join(rootDir, contentDir));
  // Sorted so that problems, URLs and output are the same on every machine.
  return files.sort();
}

/** Every article, whole: for the build and the dev server. */
export function loadArticleFiles(options: LoadOptions): LoadedContent {
  return loadEach(options, loadArticle);
}

/**
 * Every article's facts, for `npm run check`, which renders nothing: the same files,
 * problems and checks across stories as loadArticleFiles, without reading what only pages
 * show (src/content/article-cache.ts).
 */
export function loadArticleFacts(options: LoadOptions): LoadedContent<ArticleFacts> {
  return loadEach(options, loadOneArticleFacts);
}

function loadEach<A extends ArticleFacts>(options: LoadOptions, load: (input: ArticleInput) => A | undefined): LoadedContent<A> {
  const rootDir = path.resolve(options.rootDir);
  const contentDir = options.contentDir ?? 'content';
  const problems: ContentProblem[] = [];
  const articles: A[] = [];
  const links: ArticleLink[] = [];
  const realRoot = realpathSync(rootDir);
  const photoChecks = photoChecksForOneLoad();
  const photoStamp = photoStampsForOneLoad();

  const files = listArticleFiles(rootDir, contentDir);
  const listed = new Set(files);
  const changed = options.changedStories;
  const trusted = changed && [...changed].every((f) => listed.has(f)) ? (f: string) => !changed.has(f) : () => false;

  const contentRoot = path.join(rootDir, contentDir);
  for (const absolute of files) {
    const file = pathBelow(rootDir, absolute);
    const below = pathBelow(contentRoot, absolute);
    const slash = below.indexOf('/');
    const code = slash > 0 ? below.slice(0, slash) : '';
    if (!isEditionCode(code)) {
      problems.push({
        file,
        severity: 'error',
        message: `is not inside an edition folder: articles live in ${editionCodes.map((c) => `${contentDir}/${c}/`).join(', ')}`,
      });
      continue;
    }
    const article = load({
      absolute,
      file,
      edition: editions[code],
      rootDir,
      realRoot,
      problems,
      links,
      bodies: options.bodies,
      cache: options.articles,
      unchanged: trusted(absolute),
      photoChecks,
      photoStamp,
      loaded: options.loaded,
    });
    if (article) articles.push(article);
  }

  reportDuplicateUrls(articles, problems);
  reportAliasCollisions(articles, problems);
  reportTranslationClashes(articles, problems);
  return { articles, problems, links };
}
