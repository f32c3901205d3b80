/**
 * The content loader: reads every article once, validates it against the contract,
 * renders its body and returns normalised `Article`s plus every problem found, in one
 * pass. The build, `npm run check` and the dev server all start here; Eleventy never
 * reads the Markdown itself (see docs/adr/001-content-loader.md).
 */
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { reportAliasCollisions } from './aliases.ts';
import type { Article } from './article.ts';
import { articleKey, type ArticleCache, type CachedArticle } from './article-cache.ts';
import { findLine, parseSource } from './article-file.ts';
import type { BodyCache } from './body-cache.ts';
import type { ArticleLink } from './content-check.ts';
import type { ContentProblem } from './content-problems.ts';
import type { Edition } from './editions/edition.ts';
import { editionCodes, editions, isEditionCode } from './editions/registry.ts';
import { checkFrontmatter, type Report } from './frontmatter-checks.ts';
import type { LinkEnv } from './markdown/collect-links.ts';
import { normalise } from './normalise-article.ts';
import { checkPhoto } from './photo-source.ts';
import { reportTranslationClashes } from './translations.ts';

export interface LoadOptions {
  /** Repository root; no file outside it is ever read. */
  rootDir: string;
  /** Content folder relative to rootDir. */
  contentDir?: string;
  /** Rendered bodies kept across builds (src/body-cache.ts); none: render every body. */
  bodies?: BodyCache;
  /** Validated articles kept across builds (src/article-cache.ts); none: validate every file. */
  articles?: ArticleCache;
  /**
   * For `npm run check`, which renders nothing: articles served by the article cache get
   * an empty `bodyHtml` instead of their body, and the body cache is never read.
   */
  withoutBodies?: boolean;
}

export interface LoadedContent {
  articles: Article[];
  problems: ContentProblem[];
  /** Links written in the bodies of the loaded articles, for the checks across articles (src/content-check.ts). */
  links: ArticleLink[];
}

const toPosix = (p: string) => p.split(path.sep).join('/');

export function listArticleFiles(rootDir: string, contentDir = 'content'): string[] {
  const base = path.join(rootDir, contentDir);
  const entries = readdirSync(base, { recursive: true, withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    if (!entry.name.endsWith('.md') || entry.name.startsWith('.')) continue;
    if (!entry.isFile() && !entry.isSymbolicLink()) continue;
    files.push(path.join(entry.parentPath, entry.name));
  }
  // Sorted so that problems, URLs and output are the same on every machine.
  return files.sort();
}

export function loadContent(options: LoadOptions): LoadedContent {
  const rootDir = path.resolve(options.rootDir);
  const contentDir = options.contentDir ?? 'content';
  const problems: ContentProblem[] = [];
  const articles: Article[] = [];
  const links: ArticleLink[] = [];
  const realRoot = realpathSync(rootDir);
  const photoCheck = photoCheckForOneLoad();
  const photoStamp = photoStampsForOneLoad();

  for (const absolute of listArticleFiles(rootDir, contentDir)) {
    const file = toPosix(path.relative(rootDir, absolute));
    const segments = toPosix(path.relative(path.join(rootDir, contentDir), absolute)).split('/');
    const code = segments[0] ?? '';
    if (segments.length < 2 || !isEditionCode(code)) {
      problems.push({
        file,
        severity: 'error',
        message: `is not inside an edition folder: articles live in ${editionCodes.map((c) => `${contentDir}/${c}/`).join(', ')}`,
      });
      continue;
    }
    const article = loadArticle({ absolute, file, edition: editions[code], rootDir, realRoot, problems, links, bodies: options.bodies, cache: options.articles, withoutBodies: options.withoutBodies === true, photoCheck, photoStamp });
    if (article) articles.push(article);
  }

  reportDuplicateUrls(articles, problems);
  reportAliasCollisions(articles, problems);
  reportTranslationClashes(articles, problems);
  return { articles, problems, links };
}

interface ArticleInput {
  absolute: string;
  file: string;
  edition: Edition;
  rootDir: string;
  realRoot: string;
  problems: ContentProblem[];
  links: ArticleLink[];
  bodies: BodyCache | undefined;
  cache: ArticleCache | undefined;
  withoutBodies: boolean;
  photoCheck: typeof checkPhoto;
  photoStamp: (article: Article) => string;
}

function loadArticle(input: ArticleInput): Article | undefined {
  const { absolute, file, edition, rootDir, realRoot, problems, links, bodies, cache, withoutBodies, photoCheck, photoStamp } = input;
  const use = (entry: Validated) => {
    problems.push(...entry.warnings);
    links.push(...entry.links);
    return entry.article;
  };

  // Only a symbolic link can lead out of the listed tree (directory links are not followed).
  // One lstat serves both that check and, for a plain file, the change stamp below.
  const link = lstatSync(absolute);
  if (link.isSymbolicLink() && !realpathSync(absolute).startsWith(realRoot + path.sep)) {
    problems.push({ file, severity: 'error', message: 'links to a file outside the repository: commit the article itself, not a link to it' });
    return undefined;
  }

  // An unchanged file (same mtime and size) whose photo is unchanged gives the same
  // Article object: dev-server rebuilds skip reading it again, and the site data can
  // tell unchanged stories by identity (src/incremental.ts).
  const stat = link.isSymbolicLink() ? statSync(absolute) : link;
  const stamp = `${stat.mtimeMs}:${stat.size}:${edition.code}`;
  const known = validated.get(absolute);
  if (known && known.stamp === stamp && known.photoStamp === photoStamp(known.entry.article)) return use(known.entry);

  const bytes = readFileSync(absolute);
  const key = cache ? articleKey(rootDir, file, edition.code, bytes) : '';
  const cached = cache?.get(key);
  // A cached article is only as good as its photo on disk: checked again, and on any
  // change the file is validated in full (which reports the problem).
  const photoStillThere = (entry: CachedArticle) => {
    if (entry.photoSrc === undefined) return true;
    const checked = photoCheck(entry.photoSrc, absolute, rootDir);
    return !('problem' in checked) && checked.file === entry.article.photo?.file;
  };
  let entry: Validated | undefined;
  if (cached && photoStillThere(cached)) {
    const bodyHtml = withoutBodies ? '' : bodies?.get(cached.bodyKey)?.html;
    if (bodyHtml !== undefined) entry = { ...cached, article: { ...cached.article, bodyHtml } };
  }
  if (!entry) {
    entry = validateArticle(bytes, input);
    if (!entry) return undefined;
    if (entry.bodyKey) cache?.set(key, toCached(entry, entry.bodyKey));
  }
  // Articles without their bodies must never reach a later load in this process.
  if (!withoutBodies) validated.set(absolute, { stamp, entry, photoStamp: photoStamp(entry.article) });
  return use(entry);
}

/** A validated file as the loader keeps it in memory. */
interface Validated extends Omit<CachedArticle, 'article' | 'bodyKey'> {
  article: Article;
  bodyKey?: string | undefined;
}

function toCached(entry: Validated, bodyKey: string): CachedArticle {
  const { bodyHtml: _body, ...article } = entry.article;
  return { ...entry, article, bodyKey };
}

/** Parses, validates and normalises one file; its problems go to `problems`, the result to the caches. */
function validateArticle(bytes: Buffer, { absolute, file, edition, rootDir, problems, bodies, photoCheck }: ArticleInput): Validated | undefined {
  const parsed = parseSource(bytes, edition, bodies);
  if (parsed.fatal) {
    problems.push({ ...parsed.fatal, file });
    return undefined;
  }
  const warnings: ContentProblem[] = parsed.warnings.map((w) => ({ file, severity: 'warning', message: `body: ${w}` }));
  const found: ContentProblem[] = [];
  const report: Report = (p) => found.push({ file, severity: 'error', ...p });
  const lineOf = (field: string) => findLine(parsed.frontmatterLines, field);
  const checked = checkFrontmatter(parsed.data, { edition, articleFile: absolute, rootDir, lineOf, report, photoCheck });
  if (!checked) {
    problems.push(...warnings, ...found);
    return undefined;
  }
  const article = normalise(checked.frontmatter, { edition, file, bodyHtml: parsed.bodyHtml, ...checked.fields });
  // Body lines count from the line after the closing ---, which is frontmatterLines.length + 1.
  const bodyStart = parsed.frontmatterLines.length + 1;
  const links = ((parsed.env as LinkEnv).links ?? []).map((l) => ({ file, url: article.url, line: bodyStart + l.line, href: l.href }));
  const photo = (parsed.data as { photo?: { src?: unknown } }).photo;
  return {
    article,
    links,
    warnings: [...warnings, ...found],
    photoSrc: typeof photo?.src === 'string' ? photo.src : undefined,
    bodyKey: parsed.bodyKey,
  };
}

const validated = new Map<string, { stamp: string; entry: Validated; photoStamp: string }>();

/** The photo's change stamp, one stat per photo and load (it changes the Article identity when replaced). */
function photoStampsForOneLoad(): (article: Article) => string {
  const seen = new Map<string, string>();
  return (article) => {
    if (!article.photo) return '';
    const file = article.photo.file;
    let stamp = seen.get(file);
    if (stamp === undefined) {
      try {
        const s = statSync(file);
        stamp = `${s.mtimeMs}:${s.size}`;
      } catch {
        stamp = 'missing';
      }
      seen.set(file, stamp);
    }
    return stamp;
  };
}

/** checkPhoto once per photo and load: a handful of wire photos can illustrate thousands of stories. */
function photoCheckForOneLoad(): typeof checkPhoto {
  const seen = new Map<string, ReturnType<typeof checkPhoto>>();
  return (src, articleFile, rootDir) => {
    const key = `${path.dirname(articleFile)}\0${src}`;
    let result = seen.get(key);
    if (!result) seen.set(key, (result = checkPhoto(src, articleFile, rootDir)));
    return result;
  };
}

function reportDuplicateUrls(articles: Article[], problems: ContentProblem[]): void {
  const byUrl = new Map<string, Article[]>();
  for (const a of articles) byUrl.set(a.url, [...(byUrl.get(a.url) ?? []), a]);
  for (const [url, same] of byUrl) {
    if (same.length < 2) continue;
    for (const a of same) {
      problems.push({
        file: a.sourcePath,
        field: 'slug',
        severity: 'error',
        message: `has the same URL ${url} as ${same.filter((b) => b !== a).map((b) => b.sourcePath).join(', ')}: give one of them another \`slug:\``,
      });
    }
  }
  const dupes = new Set([...byUrl].filter(([, v]) => v.length > 1).map(([k]) => k));
  if (dupes.size) articles.splice(0, articles.length, ...articles.filter((a) => !dupes.has(a.url)));
}
