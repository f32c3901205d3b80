import type { EditionCode } from '../editions/edition.ts';

/**
 * An article after validation and normalisation: what layouts receive. Plain data
 * only (strings, numbers, arrays), so Eleventy can copy it freely and builds are
 * deterministic. A layout reading a field that is not here fails the type check.
 */
export interface Photo {
  /** Repo-relative path of the committed file, e.g. content/en/2026/market.jpg */
  sourcePath: string;
  /** Absolute path of the same file, for the image pipeline. */
  file: string;
  alt: string;
  caption?: string;
  credit?: string;
  /** Crop focus, as written by the editor (default centre). */
  focus: string;
}

export interface Correction {
  date: string;
  text: string;
}

export interface Article {
  edition: EditionCode;
  /** Repo-relative path of the Markdown file. */
  sourcePath: string;
  slug: string;
  /** Site-relative URL without path prefix, e.g. /en/2026/11/27/budget-vote/ */
  url: string;
  headline: string;
  /** ISO 8601 with offset. */
  date: string;
  updated?: string;
  /** Latest of date, updated and every correction: what feeds and dateModified report. */
  modified: string;
  /** Milliseconds since the epoch, for sorting. */
  timestamp: number;
  byline: string[];
  credits: string[];
  photo?: Photo;
  summary?: string;
  /** Summary, or else the first paragraph as plain text: meta description, feeds, social cards. */
  description: string;
  section: string;
  tags: string[];
  breaking: boolean;
  draft: boolean;
  translationKey?: string;
  aliases: string[];
  corrections: Correction[];
  /** Rendered body, from markdown-it with raw HTML disabled. */
  bodyHtml: string;
  /**
   * A digest of the source file's bytes and where it was read (src/content/article-cache.ts):
   * with the code's fingerprint, it names everything the article is made of, so what is
   * made from the article alone (its search record, its page) can be keyed by it.
   */
  digest: string;
}

/**
 * What the checks across stories read of an article: its addresses (URL, slug, aliases),
 * translation key, dates for embargoes, draft state and photo. A validated story's facts
 * are all `npm run check` loads from the article cache (src/content/article-cache.ts).
 */
export type ArticleFacts = Pick<Article, 'edition' | 'sourcePath' | 'slug' | 'url' | 'date' | 'timestamp' | 'draft' | 'translationKey' | 'aliases' | 'photo'>;

/** The rest of an article but its body: what only rendering reads. */
export type ArticleTexts = Omit<Article, keyof ArticleFacts | 'bodyHtml' | 'digest'>;
