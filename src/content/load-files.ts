/**
 * Reading the content folder: every article file once, validated against the contract,
 * its body rendered, normalised into an `Article`, with every problem found, in one
 * pass, taking what the caches hold for untouched files (src/content/load-article.ts).
 * Eleventy never reads the Markdown itself (see docs/adr/001-content-loader.md).
 */
import { readdirSync, readlinkSync, realpathSync, type Stats, statSync } from 'node:fs';
import path from 'node:path';
import { editionCodes, editions, isEditionCode } from '../editions/registry.ts';
import type { Article, ArticleFacts } from './article.ts';
import type { ArticleCache } from './article-cache.ts';
import type { BodyCache } from './body-cache.ts';
import { type ArticleLink, fieldLineFinder, reportAliasCollisions, reportDuplicateUrls, reportTranslationClashes } from './cross-checks.ts';
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
 * Every `.md` file below the content folder, and what is wrong with the links among
 * them. A walk of our own: `fs.globSync`, recursive `readdirSync` and tinyglobby are
 * several times slower on the check's hot path (ADR 018); only symbolic links cost a
 * system call more. A link is followed when it stays inside the repository (`rootDir`),
 * to a file or a folder; a link out of it, a dangling link and a loop are errors naming
 * the link: content is never dropped silently.
 */
export function listContentFiles(rootDir: string, contentDir = 'content'): { files: string[]; problems: ContentProblem[] } {
  const files: string[] = [];
  const problems: ContentProblem[] = [];
  const realRoot = realpathSync(rootDir);
  const report = (absolute: string, message: string) => problems.push({ file: pathBelow(rootDir, absolute), severity: 'error', message });
  const insideRoot = (real: string) => real === realRoot || real.startsWith(realRoot + path.sep);
  /** The real paths of the folders being walked, outermost first, to tell a loop. */
  const ancestors: string[] = [];
  const walk = (dir: string, realDir: string) => {
    ancestors.push(realDir);
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      // `dir` is normalised and a name holds no separator: the same path as path.join.
      const absolute = `${dir}${path.sep}${entry.name}`;
      if (entry.name.startsWith('.')) continue;
      if (entry.isDirectory()) walk(absolute, `${realDir}${path.sep}${entry.name}`);
      else if (entry.isFile()) {
        if (entry.name.endsWith('.md')) files.push(absolute);
      } else if (entry.isSymbolicLink()) followLink(absolute, entry.name);
    }
    ancestors.pop();
  };
  const followLink = (absolute: string, name: string) => {
    let real: string;
    let stat: Stats;
    try {
      real = realpathSync(absolute);
      stat = statSync(real);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const target = readlinkOrUndefined(absolute);
      if (code === 'ELOOP')
        report(
          absolute,
          `is a symbolic link that leads back to itself (a loop${target ? ` through ${target}` : ''}): replace it with the file or folder it should be`,
        );
      else if (code === 'ENOENT')
        report(absolute, `is a symbolic link to ${target ?? 'a path'} that does not exist: restore what it points to, or delete the link`);
      else report(absolute, `is a symbolic link that cannot be followed (${code ?? String(error)}): replace it with the file or folder itself`);
      return;
    }
    const isArticle = name.endsWith('.md') && stat.isFile();
    if (!stat.isDirectory() && !isArticle) return;
    if (!insideRoot(real)) {
      // A photo linked from outside is the photo check's to report; an article or a folder is refused here.
      report(absolute, `links to a ${stat.isDirectory() ? 'folder' : 'file'} outside the repository (${real}): commit the content itself, not a link to it`);
      return;
    }
    if (isArticle) {
      files.push(absolute);
      return;
    }
    if (ancestors.includes(real)) {
      report(absolute, `is a symbolic link to a folder that holds it (${pathBelow(rootDir, real)}/), a loop: delete the link`);
      return;
    }
    walk(absolute, real);
  };
  const top = path.join(rootDir, contentDir);
  const realTop = realpathSync(top);
  walk(top, realTop);
  // Sorted so that problems, URLs and output are the same on every machine.
  return { files: files.sort(), problems };
}

function readlinkOrUndefined(file: string): string | undefined {
  try {
    return readlinkSync(file);
  } catch {
    return undefined;
  }
}

/** Every `.md` file below the content folder (src/content/load-files.ts: listContentFiles). */
export function listArticleFiles(rootDir: string, contentDir = 'content'): string[] {
  return listContentFiles(rootDir, contentDir).files;
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

  const { files, problems: listing } = listContentFiles(rootDir, contentDir);
  problems.push(...listing);
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
  reportAliasCollisions(articles, problems, fieldLineFinder(rootDir));
  reportTranslationClashes(articles, problems);
  return { articles, problems, links };
}
