/**
 * Validated articles kept across builds: for an article file whose bytes are unchanged,
 * the loader takes the `Article`, its body links and warnings from here instead of
 * parsing, validating and normalising it again (most of `npm run check` and of a
 * build's loading). Only what depends on the file alone is cached: the photo is checked
 * on disk again every time, and the checks across stories always run.
 *
 * An article is kept in three parts, so that `npm run check`, which renders nothing,
 * reads only the first: its facts, links and warnings (`articles-*.v8`), its texts
 * (`article-texts-*.v8`) and its body (the body cache). Reading and collecting the
 * texts of 4,000 stories was a tenth of the check (ADR 016).
 *
 * The file is named by a fingerprint of Masthead's own sources, the lockfile and
 * Node's version (time-zone and Unicode data included), so any change to the code or
 * a dependency starts a fresh cache rather than serving what older code decided. It
 * lives beside the body cache (`.cache/bodies/`, MASTHEAD_BODY_CACHE).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Article, ArticleFacts, ArticleTexts } from './article.ts';
import type { ArticleLink } from './cross-checks.ts';
import type { ContentProblem } from './problems.ts';
import { CacheFile, v8Codec } from '../build/cache-file.ts';

export interface CachedArticle {
  /** What the checks across stories read: `npm run check` uses it as it is. */
  facts: ArticleFacts;
  links: ArticleLink[];
  /** Warnings about the file (reported again on every load, as if it had been read). */
  warnings: ContentProblem[];
  /** The body's key in the body cache. */
  bodyKey: string;
}

/** An article's facts and its texts (the body aside), which the cache keeps in separate files. */
export function splitArticle(article: Article): { facts: ArticleFacts; texts: ArticleTexts } {
  const { edition, sourcePath, slug, url, date, timestamp, draft, translationKey, aliases, photo, bodyHtml: _body, ...texts } = article;
  const facts: ArticleFacts = { edition, sourcePath, slug, url, date, timestamp, draft, aliases, ...(translationKey === undefined ? {} : { translationKey }), ...(photo ? { photo } : {}) };
  return { facts, texts };
}

const srcDir = path.join(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path.join(dir, e.name)] : []))
    .sort();
}

/** Changes whenever code or data that decides a validated article changes. */
export function loaderFingerprint(): string {
  const hash = createHash('sha256').update(JSON.stringify([process.version, process.versions.tz, process.versions.icu, process.versions.unicode]));
  for (const file of sourceFiles(srcDir)) hash.update(path.relative(srcDir, file)).update(readFileSync(file));
  const lockfile = path.join(srcDir, '..', 'package-lock.json');
  if (existsSync(lockfile)) hash.update(readFileSync(lockfile));
  return hash.digest('hex').slice(0, 16);
}

/** The entry's key: the file's bytes and everything else it is read with. */
export function articleKey(rootDir: string, file: string, edition: string, bytes: Buffer): string {
  return createHash('sha1').update(rootDir).update('\0').update(file).update('\0').update(edition).update('\0').update(bytes).digest('base64url');
}

export class ArticleCache extends CacheFile<CachedArticle> {
  /** Each file's key when it was last read, with its stat: an untouched file is not read to find its key. */
  private readonly stamps: CacheFile<{ stamp: string; key: string }>;
  private readonly texts: CacheFile<ArticleTexts>;

  constructor(dir: string, fingerprint = loaderFingerprint()) {
    // The fingerprint names Node's version, as V8's serialisation requires.
    super(dir, 'articles', fingerprint, v8Codec());
    this.stamps = new CacheFile(dir, 'stamps', fingerprint, v8Codec());
    this.texts = new CacheFile(dir, 'article-texts', fingerprint, v8Codec());
  }

  /** The texts of the entry under `key`; reading them loads the texts file. */
  textsOf(key: string): ArticleTexts | undefined {
    return this.texts.get(key);
  }

  /**
   * Keeps a validated article under `key`. `withTexts: false` for `npm run check`, which
   * never reads the texts file: writing it would keep only the texts it used. A build
   * then finds no texts for the story and validates it again.
   */
  store(key: string, article: Article, entry: Omit<CachedArticle, 'facts'>, { withTexts }: { withTexts: boolean }): void {
    const { facts, texts } = splitArticle(article);
    this.set(key, { facts, ...entry });
    if (withTexts) this.texts.set(key, texts);
  }

  /**
   * The key of a file's entry: from its `untouchedStamp` (src/build/cache-file.ts) when it is the
   * one the file had when last read, else from its bytes, which are then handed back so
   * the file is read once.
   */
  keyOf(rootDir: string, file: string, edition: string, stamp: string, read: () => Buffer): string {
    const id = `${rootDir}\0${file}\0${edition}`;
    const known = this.stamps.get(id);
    if (known?.stamp === stamp) return known.key;
    const key = articleKey(rootDir, file, edition, read());
    this.stamps.set(id, { stamp, key });
    return key;
  }

  get stampStats(): { hits: number; misses: number } {
    return this.stamps.stats;
  }

  get textStats(): { hits: number; misses: number } {
    return this.texts.stats;
  }

  override save(): void {
    super.save();
    this.texts.save();
    this.stamps.save();
  }
}
