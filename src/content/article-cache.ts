/**
 * Validated articles kept across builds: for an article file whose bytes are unchanged,
 * the loader takes the `Article`, its body links and warnings from here instead of
 * parsing, validating and normalising it again (most of `npm run check` and of a
 * build's loading). Only what depends on the file alone is cached: the photo is checked
 * on disk again every time, and the checks across stories always run.
 *
 * An article is kept in two stores beside the body cache (`.cache/bodies/`,
 * MASTHEAD_BODY_CACHE), so that `npm run check`, which renders nothing, reads only the
 * first: by file, the stamp and digest it had when last read with its facts, links and
 * warnings (`articles-*.json`); by digest, its texts (`article-texts-*.json`); its body
 * is in the body cache. Both are named by the sources' fingerprint (src/build/fingerprint.ts).
 */
import { createHash } from 'node:crypto';
import { sourceFingerprint } from '../build/fingerprint.ts';
import { Store } from '../build/store.ts';
import type { Article, ArticleFacts, ArticleTexts } from './article.ts';
import type { ArticleLink } from './cross-checks.ts';
import type { ContentProblem } from './problems.ts';

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
  const { edition, sourcePath, slug, url, date, timestamp, draft, translationKey, aliases, photo, bodyHtml: _body, digest: _digest, ...texts } = article;
  const facts: ArticleFacts = {
    edition,
    sourcePath,
    slug,
    url,
    date,
    timestamp,
    draft,
    aliases,
    ...(translationKey === undefined ? {} : { translationKey }),
    ...(photo ? { photo } : {}),
  };
  return { facts, texts };
}

/** The entry's key: the file's bytes and everything else it is read with. */
export function articleKey(rootDir: string, file: string, edition: string, bytes: Buffer): string {
  return createHash('sha1').update(rootDir).update('\0').update(file).update('\0').update(edition).update('\0').update(bytes).digest('base64url');
}

/** What the store keeps for one file: when it was last read, and, when it validated, its facts. */
interface FileRecord {
  stamp: string;
  key: string;
  article?: CachedArticle;
}

export class ArticleCache {
  private readonly files: Store<FileRecord>;
  private readonly texts: Store<ArticleTexts>;
  private readonly counts = { hits: 0, misses: 0, stampHits: 0, reads: 0 };

  constructor(dir: string, fingerprint = sourceFingerprint()) {
    this.files = new Store(dir, 'articles', fingerprint);
    this.texts = new Store(dir, 'article-texts', fingerprint);
  }

  /**
   * The key of a file's bytes, and its entry when its bytes validated before: from its
   * `untouchedStamp` (src/build/store.ts) when it is the one the file had when last
   * read, else from its bytes, which are then read once.
   */
  lookup(rootDir: string, file: string, edition: string, stamp: string, read: () => Buffer): { key: string; cached: CachedArticle | undefined } {
    const id = `${rootDir}\0${file}\0${edition}`;
    const known = this.files.get(id);
    let key = known?.key;
    if (known?.stamp === stamp) this.counts.stampHits++;
    else {
      this.counts.reads++;
      key = articleKey(rootDir, file, edition, read());
      this.files.set(id, known?.key === key ? { ...known, stamp } : { stamp, key });
    }
    return { key: key!, cached: known?.key === key ? known?.article : undefined };
  }

  /** Counts an entry `lookup` found that the loader took as it is. */
  served(): void {
    this.counts.hits++;
  }

  /** The texts of the entry under `key`; reading them loads the texts file. */
  textsOf(key: string): ArticleTexts | undefined {
    return this.texts.get(key);
  }

  /**
   * Keeps a validated article, its bytes' `key` found by `lookup`. `withTexts: false`
   * for `npm run check`, which never reads the texts file: writing it would keep only the
   * texts it used. A build then finds no texts for the story and validates it again.
   */
  store(
    rootDir: string,
    file: string,
    edition: string,
    key: string,
    article: Article,
    entry: Omit<CachedArticle, 'facts'>,
    { withTexts }: { withTexts: boolean },
  ): void {
    const id = `${rootDir}\0${file}\0${edition}`;
    const { facts, texts } = splitArticle(article);
    const known = this.files.get(id);
    if (known?.key === key) this.files.set(id, { ...known, article: { facts, ...entry } });
    if (withTexts) this.texts.set(key, texts);
    this.counts.misses++;
  }

  /** Articles taken from the store, and validated now. */
  get stats(): { hits: number; misses: number } {
    return { hits: this.counts.hits, misses: this.counts.misses };
  }

  /** Files found untouched by their stamp, and files read to find their entry. */
  get stampStats(): { hits: number; misses: number } {
    return { hits: this.counts.stampHits, misses: this.counts.reads };
  }

  get textStats(): { hits: number; misses: number } {
    return this.texts.stats;
  }

  save(): void {
    this.files.save();
    this.texts.save();
  }
}
