/**
 * One article file through the loader (src/content/load.ts): the same Article object
 * again for a file the dev server has seen unchanged, else the article cache's entry for
 * its bytes (photo checked on disk again), else validated now (src/content/validate.ts).
 * For `npm run check`, the facts alone (ADR 016).
 */
import { lstatSync, readFileSync, realpathSync, type Stats, statSync } from 'node:fs';
import path from 'node:path';
import { untouchedStamp } from '../build/store.ts';
import type { Edition } from '../editions/edition.ts';
import type { Article, ArticleFacts } from './article.ts';
import { type ArticleCache, articleKey, type CachedArticle, splitArticle } from './article-cache.ts';
import type { BodyCache } from './body-cache.ts';
import type { ArticleLink } from './cross-checks.ts';
import type { PhotoChecks } from './photo-checks.ts';
import type { ContentProblem } from './problems.ts';
import { type ValidatedFile, validateArticle } from './validate.ts';

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
  /** The caller knows the file did not change since this process last loaded it. */
  unchanged: boolean;
  photoChecks: PhotoChecks;
  photoStamp: (article: Article) => string;
  /** What this process loaded before (the dev server's rebuilds); none: read as a new process would. */
  loaded: LoadedFiles | undefined;
}

/** Files a long-lived process (the dev server) loaded, by absolute path: the same Article object again while a file and its photo are untouched. */
export type LoadedFiles = Map<string, { stamp: string; entry: Loaded; photoStamp: string }>;

/** A loaded file as the loader keeps it in memory. */
interface Loaded<A extends ArticleFacts = Article> {
  article: A;
  links: ArticleLink[];
  warnings: ContentProblem[];
}

/** For the build and the dev server: the whole article, body included. */
export function loadArticle(input: ArticleInput): Article | undefined {
  const { absolute, edition, bodies, cache, unchanged, photoStamp, loaded } = input;
  const seen = loaded?.get(absolute);
  if (seen && unchanged) return use(seen.entry, input);
  const stat = statOf(input);
  if (!stat) return undefined;

  // An untouched file whose photo is untouched gives the same Article object: dev-server
  // rebuilds skip reading it again, and the site data can tell unchanged stories by
  // identity (src/site/changed-pages.ts).
  const untouched = untouchedStamp(stat);
  const stamp = `${untouched}:${edition.code}`;
  if (seen && seen.stamp === stamp && seen.photoStamp === photoStamp(seen.entry.article)) return use(seen.entry, input);

  const read = readOnce(absolute);
  const { key, cached } = fromCache(input, untouched, read);
  let entry: Loaded | undefined;
  if (cached) {
    const texts = cache?.textsOf(key);
    const bodyHtml = bodies?.get(cached.bodyKey)?.html;
    // Object.assign, not a spread: it runs for every cached story and is several times faster (ADR 016).
    if (texts && bodyHtml !== undefined) {
      entry = { article: Object.assign({}, cached.facts, texts, { bodyHtml, digest: key }), links: cached.links, warnings: cached.warnings };
      cache?.served();
    }
  }
  entry ??= validateAndStore(input, read(), key, 'whole');
  if (!entry) return undefined;
  loaded?.set(absolute, { stamp, entry, photoStamp: photoStamp(entry.article) });
  return use(entry, input);
}

/**
 * For `npm run check`, which renders nothing: a cached story's facts as the cache holds
 * them, else the article validated now. Neither texts nor bodies are read or written
 * (src/content/article-cache.ts), and nothing is kept for a later load in this process.
 */
export function loadArticleFacts(input: ArticleInput): ArticleFacts | undefined {
  const stat = statOf(input);
  if (!stat) return undefined;
  const read = readOnce(input.absolute);
  const { key, cached } = fromCache(input, untouchedStamp(stat), read);
  if (cached) {
    input.cache?.served();
    return use({ article: cached.facts, links: cached.links, warnings: cached.warnings }, input);
  }
  const fresh = validateAndStore(input, read(), key, 'facts');
  if (!fresh) return undefined;
  // The same facts as a later check takes from the cache.
  return use({ ...fresh, article: splitArticle(fresh.article).facts }, input);
}

/** Reports a loaded file's warnings, records its links and gives its article. */
function use<A extends ArticleFacts>(entry: Loaded<A>, { problems, links }: ArticleInput): A {
  problems.push(...entry.warnings);
  links.push(...entry.links);
  return entry.article;
}

/** The file's stat; undefined, reported, for a link out of the repository. */
function statOf({ absolute, file, realRoot, problems }: ArticleInput): Stats | undefined {
  // Only a symbolic link can lead out of the listed tree (directory links are not followed).
  // One lstat serves both that check and, for a plain file, the change stamps.
  const link = lstatSync(absolute);
  if (!link.isSymbolicLink()) return link;
  if (!realpathSync(absolute).startsWith(realRoot + path.sep)) {
    problems.push({ file, severity: 'error', message: 'links to a file outside the repository: commit the article itself, not a link to it' });
    return undefined;
  }
  return statSync(absolute);
}

function readOnce(absolute: string): () => Buffer {
  let bytes: Buffer | undefined;
  return () => (bytes ??= readFileSync(absolute));
}

/**
 * The file's key in the article cache, and its entry there if its photo is still good.
 * A cached article is only as good as its photo on disk: the file is checked again, and
 * on any change the article is validated in full (which reports the problem). The key
 * names this article file, so its `photo.src` still leads to `photo.file`.
 */
function fromCache(
  { cache, rootDir, file, edition, photoChecks }: ArticleInput,
  untouched: string,
  read: () => Buffer,
): { key: string; cached: CachedArticle | undefined } {
  // Without a cache the key is still the Article's digest.
  if (!cache) return { key: articleKey(rootDir, file, edition.code, read()), cached: undefined };
  const { key, cached } = cache.lookup(rootDir, file, edition.code, untouched, read);
  const photo = cached?.facts.photo;
  return { key, cached: photo && photoChecks.file(photo.file, rootDir) ? undefined : cached };
}

/**
 * Validates the file now and keeps it in the article cache under `key`: whole for the
 * build, its facts alone for `npm run check` (ADR 016). The check renders without the
 * body cache: reading it costs more than rendering the few changed bodies, and saving
 * only the bodies the check used would drop all the others.
 */
function validateAndStore(input: ArticleInput, bytes: Buffer, key: string, keep: 'whole' | 'facts'): ValidatedFile | undefined {
  const fresh = validateArticle(bytes, { ...input, photoCheck: input.photoChecks.photo, digest: key }, keep === 'whole' ? input.bodies : undefined);
  if (fresh?.bodyKey)
    input.cache?.store(
      input.rootDir,
      input.file,
      input.edition.code,
      key,
      fresh.article,
      { links: fresh.links, warnings: fresh.warnings, bodyKey: fresh.bodyKey },
      { withTexts: keep === 'whole' },
    );
  return fresh;
}
