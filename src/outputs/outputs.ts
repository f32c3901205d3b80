/**
 * The outputs stage: what machines read, computed once per build from the derived site
 * and its photos — each edition's and section's feeds, the sitemaps, the news sitemap's
 * stories, and the parts each edition's search index is made of (src/search/search-parts.ts). The templates of layouts/pages/ only print them (feeds, sitemaps, robots.txt);
 * `_headers` and `_redirects` are written from the same Build (src/outputs/headers.ts,
 * layouts/pages/redirects-file.11ty.tsx).
 */
import type { Article } from '../content/article.ts';
import type { EditionCode } from '../editions/edition.ts';
import type { PhotoTable } from '../photos/prepare.ts';
import { type SearchPart, searchParts } from '../search/search-parts.ts';
import type { Site } from '../site/derive.ts';
import { type Feed, feedsOf } from './feeds.ts';
import { newsStoriesOf, type SitemapPart, sitemapsOf } from './sitemaps.ts';

export interface Outputs {
  feeds: Feed[];
  sitemaps: SitemapPart[];
  newsStories: ReadonlyMap<EditionCode, Article[]>;
  /** Each rendered edition's search index parts, oldest first (none for an edition without stories). */
  search: ReadonlyMap<EditionCode, SearchPart[]>;
}

export function computeOutputs(site: Site, photos: PhotoTable): Outputs {
  const search = new Map(site.options.render.editions.map((code) => [code, searchParts(site.pages.articles.filter((a) => a.edition === code))]));
  return { feeds: feedsOf(site, photos), sitemaps: sitemapsOf(site), newsStories: newsStoriesOf(site), search };
}
