/**
 * The site stage: everything computed from all articles together, once per build (never
 * per page): the stories that get a page, newest first, each edition's breaking story,
 * the listings, the translation groups, the redirects, and what this build writes.
 */

import type { BuildOptions } from '../build/options.ts';
import type { Article } from '../content/article.ts';
import type { EditionCode } from '../editions/edition.ts';
import { buildListings, type ListingPage, type Listings } from './listings.ts';
import { hasPage, isPublic } from './published.ts';
import { type Redirect, redirectsOf } from './redirects.ts';
import { translationGroups } from './translations.ts';

export interface ArticleRef {
  headline: string;
  url: string;
}

export interface Site {
  options: BuildOptions;
  /** Articles that get a page in this build, newest first. */
  articles: Article[];
  breaking: Partial<Record<EditionCode, ArticleRef>>;
  /** Front page, section, tag and author listings, paginated (src/site/listings.ts). */
  listings: Listings;
  /** Each translation key's versions, in edition order (src/site/translations.ts). */
  translations: ReadonlyMap<string, readonly Article[]>;
  /** Old addresses of moved stories, sorted (src/site/redirects.ts). */
  redirects: Redirect[];
  /**
   * Each story's page by its Markdown file (repository-relative, NFC): body links to a
   * story's file become its URL when the page is written (src/render/body-links.ts).
   */
  storyFiles: ReadonlyMap<string, string>;
  /**
   * What this build writes (options.render): the pages of the rendered editions, and
   * the cross-edition files as a list of one or none, for templates to paginate over.
   * `eleventy` is what Eleventy's article and listing templates render of them: all, except
   * in the production CLI, which writes those pages itself (src/render/direct-pages.ts, ADR 012).
   */
  pages: { articles: Article[]; listings: ListingPage[]; shared: [true] | []; eleventy: { articles: Article[]; listings: ListingPage[] } };
}

export function deriveSite(all: readonly Article[], options: BuildOptions): Site {
  const nowMs = Date.parse(options.now);
  const articles = all
    .filter((a) => hasPage(a, options, nowMs))
    // Newest first; ties broken by URL so the order never depends on the file system.
    .sort((a, b) => b.timestamp - a.timestamp || (a.url < b.url ? -1 : 1));
  const breaking: Site['breaking'] = {};
  for (const a of articles) {
    if (a.breaking && isPublic(a) && !breaking[a.edition]) breaking[a.edition] = { headline: a.headline, url: a.url };
  }
  const listings = buildListings(articles, options);
  const rendered = (item: { edition: EditionCode }) => options.render.editions.includes(item.edition);
  const own = { articles: articles.filter(rendered), listings: listings.pages.filter(rendered) };
  const pages: Site['pages'] = { ...own, shared: options.render.shared ? [true] : [], eleventy: own };
  const storyFiles = new Map(articles.map((a) => [a.sourcePath.normalize('NFC'), a.url]));
  return { options, articles, breaking, listings, translations: translationGroups(articles), redirects: redirectsOf(articles), storyFiles, pages };
}
