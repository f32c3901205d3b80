/**
 * Everything the templates need that is computed from all articles together, computed
 * once per build (never per page): the published articles, newest first, and each
 * edition's breaking story.
 */
import type { Article } from './article.ts';
import type { BuildOptions } from './build-options.ts';
import type { EditionCode } from './editions/edition.ts';
import { buildListings, type Listings } from './listings.ts';

export interface ArticleRef {
  headline: string;
  url: string;
}

export interface SiteData {
  options: BuildOptions;
  /** Articles that get a page in this build, newest first. */
  articles: Article[];
  breaking: Partial<Record<EditionCode, ArticleRef>>;
  /** Front page, section, tag and author listings, paginated (src/listings.ts). */
  listings: Listings;
}

/** Drafts only in preview; embargoed (future-dated) stories only after their time. */
export function isPublished(article: Article, options: BuildOptions, nowMs = Date.parse(options.now)): boolean {
  if (article.draft && options.mode === 'production') return false;
  return article.timestamp <= nowMs || options.mode === 'preview';
}

export function buildSiteData(all: readonly Article[], options: BuildOptions): SiteData {
  const nowMs = Date.parse(options.now);
  const articles = all
    .filter((a) => options.editions.includes(a.edition) && isPublished(a, options, nowMs))
    // Newest first; ties broken by URL so the order never depends on the file system.
    .sort((a, b) => b.timestamp - a.timestamp || (a.url < b.url ? -1 : 1));
  const breaking: SiteData['breaking'] = {};
  for (const a of articles) {
    if (a.breaking && !a.draft && !breaking[a.edition]) breaking[a.edition] = { headline: a.headline, url: a.url };
  }
  return { options, articles, breaking, listings: buildListings(articles, options) };
}
