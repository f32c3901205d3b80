/**
 * One article file through the loader (src/content-loader.ts): the same Article object
 * again for a file the dev server has seen unchanged, else the article cache's entry for
 * its bytes (photo checked on disk again), else parsed, validated and normalised, its
 * problems reported. Many stories share a few wire photos, so photo checks and stamps
 * are memoised for one load.
 */
import { lstatSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Article } from './article.ts';
import type { ArticleCache, CachedArticle } from './article-cache.ts';
import { findLine, parseSource } from './article-file.ts';
import type { BodyCache } from './body-cache.ts';
import type { ArticleLink } from './content-check.ts';
import type { ContentProblem } from './content-problems.ts';
import type { Edition } from './editions/edition.ts';
import { checkFrontmatter, type Report } from './frontmatter-checks.ts';
import type { LinkEnv } from './markdown/collect-links.ts';
import { normalise } from './normalise-article.ts';
import { checkPhoto, checkPhotoFile } from './photo-source.ts';

export interface ArticleInput {
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
  /** The caller knows the file did not change since this process last loaded it. */
  unchanged: boolean;
  photoChecks: PhotoChecks;
  photoStamp: (article: Article) => string;
}

export function loadArticle(input: ArticleInput): Article | undefined {
  const { absolute, file, edition, rootDir, realRoot, problems, links, bodies, cache, withoutBodies, unchanged, photoChecks, photoStamp } = input;
  const use = (entry: Validated) => {
    problems.push(...entry.warnings);
    links.push(...entry.links);
    return entry.article;
  };

  const seen = validated.get(absolute);
  if (seen && unchanged) return use(seen.entry);

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

  let bytes: Buffer | undefined;
  const read = () => (bytes ??= readFileSync(absolute));
  const key = cache ? cache.keyOf(rootDir, file, edition.code, stat, read) : '';
  const cached = cache?.get(key);
  // A cached article is only as good as its photo on disk: the file is checked again, and
  // on any change the article is validated in full (which reports the problem). The entry's
  // key names this article file, so its `photo.src` still leads to `photo.file`.
  const photo = cached?.article.photo;
  let entry: Validated | undefined;
  if (cached && (!photo || !photoChecks.file(photo.file, rootDir))) {
    if (withoutBodies) {
      // `npm run check` takes the entry as it is, with its empty body; nothing changes it.
      entry = cached;
    } else {
      const bodyHtml = bodies?.get(cached.bodyKey)?.html;
      if (bodyHtml !== undefined) entry = { ...cached, article: { ...cached.article, bodyHtml } };
    }
  }
  if (!entry) {
    entry = validateArticle(read(), input);
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

function toCached({ article, links, warnings }: Validated, bodyKey: string): CachedArticle {
  return { article: { ...article, bodyHtml: '' }, links, warnings, bodyKey };
}

/** Parses, validates and normalises one file; its problems go to `problems`, the result to the caches. */
function validateArticle(bytes: Buffer, { absolute, file, edition, rootDir, problems, bodies, withoutBodies, photoChecks }: ArticleInput): Validated | undefined {
  // `npm run check` leaves the body cache alone: reading it costs more than rendering the
  // few changed bodies, and saving only the bodies it used would drop all the others.
  const parsed = parseSource(bytes, edition, withoutBodies ? undefined : bodies);
  if (parsed.fatal) {
    problems.push({ ...parsed.fatal, file });
    return undefined;
  }
  const warnings: ContentProblem[] = parsed.warnings.map((w) => ({ file, severity: 'warning', message: `body: ${w}` }));
  const found: ContentProblem[] = [];
  const report: Report = (p) => found.push({ file, severity: 'error', ...p });
  const lineOf = (field: string) => findLine(parsed.frontmatterLines, field);
  const checked = checkFrontmatter(parsed.data, { edition, articleFile: absolute, rootDir, lineOf, report, photoCheck: photoChecks.photo });
  if (!checked) {
    problems.push(...warnings, ...found);
    return undefined;
  }
  const article = normalise(checked.frontmatter, { edition, file, bodyHtml: parsed.bodyHtml, ...checked.fields });
  // Body lines count from the line after the closing ---, which is frontmatterLines.length + 1.
  const bodyStart = parsed.frontmatterLines.length + 1;
  const links = ((parsed.env as LinkEnv).links ?? []).map((l) => ({ file, url: article.url, line: bodyStart + l.line, href: l.href }));
  return { article, links, warnings: [...warnings, ...found], bodyKey: parsed.bodyKey };
}

const validated = new Map<string, { stamp: string; entry: Validated; photoStamp: string }>();

/** Forgets every file this process loaded, as a new process starts (for tests of the persisted caches). */
export function forgetLoadedFiles(): void {
  validated.clear();
}

/**
 * `compute`, once per key for as long as the returned function is kept: one load. A
 * handful of wire photos can illustrate thousands of stories.
 */
function oncePerKey<A extends unknown[], T>(compute: (...args: A) => T, keyOf: (...args: A) => string): (...args: A) => T {
  const seen = new Map<string, T>();
  return (...args) => {
    const key = keyOf(...args);
    if (!seen.has(key)) seen.set(key, compute(...args));
    return seen.get(key) as T;
  };
}

/** The photo's change stamp, one stat per photo and load (it changes the Article identity when replaced). */
export function photoStampsForOneLoad(): (article: Article) => string {
  const stampOf = oncePerKey(
    (file: string) => {
      try {
        const s = statSync(file);
        return `${s.mtimeMs}:${s.size}`;
      } catch {
        return 'missing';
      }
    },
    (file) => file,
  );
  return (article) => (article.photo ? stampOf(article.photo.file) : '');
}

export interface PhotoChecks {
  /** checkPhoto, each way of writing a photo (folder and `src`) resolved once: stories of one folder share their wire photos. */
  photo: typeof checkPhoto;
  /** checkPhotoFile, each photo file checked once. */
  file: typeof checkPhotoFile;
}

export function photoChecksForOneLoad(): PhotoChecks {
  const file = oncePerKey(checkPhotoFile, (absolute, rootDir) => `${rootDir}\0${absolute}`);
  const photo = oncePerKey(
    (src: string, articleFile: string, rootDir: string) => checkPhoto(src, articleFile, rootDir, file),
    (src, articleFile, rootDir) => `${rootDir}\0${path.dirname(articleFile)}\0${src}`,
  );
  return { photo, file };
}
