/**
 * Everything the templates need that is computed from all articles together, computed
 * once per build (never per page): the published articles of every edition, newest
 * first, each edition's breaking story, the listings, and what this build writes.
 */
import type { Article } from '../content/article.ts';
import type { BuildOptions } from '../build/options.ts';
import type { EditionCode } from '../editions/edition.ts';
import { buildListings, type ListingPage, type Listings } from './listings.ts';

export interface ArticleRef {
  headline: string;
  url: string;
}

export interface SiteData {
  options: BuildOptions;
  /** Articles that get a page in this build, newest first. */
  articles: Article[];
  breaking: Partial<Record<EditionCode, ArticleRef>>;
  /** Front page, section, tag and author listings, paginated (src/site/listings.ts). */
  listings: Listings;
  /**
   * What this build writes (options.render): the pages of the rendered editions, and
   * the cross-edition files as a list of one or none, for templates to paginate over.
   * `eleventy` is what Eleventy's article and listing templates render of them: all, except
   * in the production CLI, which writes those pages itself (src/render/direct-pages.ts, ADR 012).
   */
  pages: { articles: Article[]; listings: ListingPage[]; shared: [true] | []; eleventy: { articles: Article[]; listings: ListingPage[] } };
}

/** Drafts only in preview; embargoed (future-dated) stories only after their time. */
export function isPublished(article: Article, options: BuildOptions, nowMs = Date.parse(options.now)): boolean {
  if (article.draft && options.mode === 'production') return false;
  return article.timestamp <= nowMs || options.mode === 'preview';
}

export function buildSiteData(all: readonly Article[], options: BuildOptions): SiteData {
  const nowMs = Date.parse(options.now);
  const articles = all
    .filter((a) => isPublished(a, options, nowMs))
    // Newest first; ties broken by URL so the order never depends on the file system.
    .sort((a, b) => b.timestamp - a.timestamp || (a.url < b.url ? -1 : 1));
  const breaking: SiteData['breaking'] = {};
  for (const a of articles) {
    if (a.breaking && !a.draft && !breaking[a.edition]) breaking[a.edition] = { headline: a.headline, url: a.url };
  }
  const listings = buildListings(articles, options);
  const rendered = (item: { edition: EditionCode }) => options.render.editions.includes(item.edition);
  const own = { articles: articles.filter(rendered), listings: listings.pages.filter(rendered) };
  const pages: SiteData['pages'] = { ...own, shared: options.render.shared ? [true] : [], eleventy: own };
  // Frozen, so Eleventy's pagination hands templates this object itself rather than a new
  // Proxy on every access (its ProxyWrap skips frozen objects): property reads stay cheap
  // and the per-build memos (src/site/per-build.ts), keyed by this object, hit on every page.
  return Object.freeze({ options, articles, breaking, listings, pages });
}
