/**
 * Every listing of the site, computed once per build in one pass over the published
 * articles (which arrive newest first): each edition's stories, and per edition every
 * section, tag and author (byline name), split into pages. Linear in articles × tags,
 * so 20,000 stories cost the same per story as 20. Templates only read the result.
 */

import type { BuildOptions } from '../build/options.ts';
import type { Article } from '../content/article.ts';
import type { EditionCode } from '../editions/edition.ts';
import { editions } from '../editions/registry.ts';
import { authorPath, pagePath, sectionPath, slugify, tagPath } from './slugs.ts';

export type ListingKind = 'section' | 'tag' | 'author';

export interface Listing {
  kind: ListingKind;
  edition: EditionCode;
  slug: string;
  /** As readers see it: the section's label, or the tag/name as the newest story spells it. */
  label: string;
  /** Site path of page 1, e.g. /ru/tag/выборы/ */
  url: string;
  /** Newest first. */
  articles: Article[];
}

/** One page of a listing: what the listing template renders. */
export interface ListingPage {
  kind: ListingKind;
  edition: EditionCode;
  label: string;
  /** Site path of this page: /en/world/ or /en/world/page/2/ */
  url: string;
  /** Site path of page 1. */
  firstUrl: string;
  /** The section, tag or author slug. */
  slug: string;
  pageNumber: number;
  pageCount: number;
  articles: Article[];
  newerUrl?: string;
  olderUrl?: string;
}

export interface Listings {
  /** Each built edition's stories, newest first. */
  byEdition: Partial<Record<EditionCode, Article[]>>;
  /** Per edition, one listing per section in the edition's order (empty ones too: the navigation links them). */
  sections: Partial<Record<EditionCode, Listing[]>>;
  /** Per edition, tags sorted by slug. */
  tags: Partial<Record<EditionCode, Listing[]>>;
  /** Per edition, authors sorted by slug. */
  authors: Partial<Record<EditionCode, Listing[]>>;
  /** Every page of every listing above. */
  pages: ListingPage[];
}

type Group = Map<string, Listing>;

function add(group: Group, kind: ListingKind, edition: EditionCode, name: string, article: Article): void {
  const slug = slugify(name);
  let listing = group.get(slug);
  if (!listing) {
    const url = kind === 'tag' ? tagPath(edition, name) : authorPath(edition, name);
    group.set(slug, (listing = { kind, edition, slug, label: name, url, articles: [] }));
  }
  // "Elections" and "elections" share a slug; a story tagged with both is listed once.
  if (listing.articles.at(-1) !== article) listing.articles.push(article);
}

const bySlug = (a: Listing, b: Listing) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);

/** `articles` must be sorted newest first (as Site.articles is). */
export function buildListings(articles: readonly Article[], options: Pick<BuildOptions, 'editions' | 'pageSize'>): Listings {
  const { pageSize } = options;
  const byEdition: Listings['byEdition'] = {};
  const sectionMaps = new Map<EditionCode, Map<string, Listing>>();
  const tagMaps = new Map<EditionCode, Group>();
  const authorMaps = new Map<EditionCode, Group>();
  for (const code of options.editions) {
    byEdition[code] = [];
    const sections = new Map<string, Listing>();
    for (const s of editions[code].sections) {
      sections.set(s.slug, { kind: 'section', edition: code, slug: s.slug, label: s.label, url: sectionPath(code, s.slug), articles: [] });
    }
    sectionMaps.set(code, sections);
    tagMaps.set(code, new Map());
    authorMaps.set(code, new Map());
  }

  for (const article of articles) {
    const code = article.edition;
    const stories = byEdition[code];
    if (!stories) continue;
    stories.push(article);
    sectionMaps.get(code)?.get(article.section)?.articles.push(article);
    const tags = tagMaps.get(code) as Group;
    for (const tag of article.tags) add(tags, 'tag', code, tag, article);
    const authors = authorMaps.get(code) as Group;
    for (const name of article.byline) add(authors, 'author', code, name, article);
  }

  const result: Listings = { byEdition, sections: {}, tags: {}, authors: {}, pages: [] };
  for (const code of options.editions) {
    const sections = [...(sectionMaps.get(code)?.values() ?? [])];
    const tags = [...(tagMaps.get(code)?.values() ?? [])].sort(bySlug);
    const authors = [...(authorMaps.get(code)?.values() ?? [])].sort(bySlug);
    result.sections[code] = sections;
    result.tags[code] = tags;
    result.authors[code] = authors;
    for (const listing of [...sections, ...tags, ...authors]) result.pages.push(...paginate(listing, pageSize));
  }
  return result;
}

/** Splits a listing into pages of `size`; an empty listing still has its one (empty) page. */
export function paginate(listing: Listing, size: number): ListingPage[] {
  const pageCount = Math.max(1, Math.ceil(listing.articles.length / size));
  const pages: ListingPage[] = [];
  for (let n = 1; n <= pageCount; n++) {
    pages.push({
      kind: listing.kind,
      edition: listing.edition,
      label: listing.label,
      url: pagePath(listing.url, n),
      firstUrl: listing.url,
      slug: listing.slug,
      pageNumber: n,
      pageCount,
      articles: listing.articles.slice((n - 1) * size, n * size),
      ...(n > 1 ? { newerUrl: pagePath(listing.url, n - 1) } : {}),
      ...(n < pageCount ? { olderUrl: pagePath(listing.url, n + 1) } : {}),
    });
  }
  return pages;
}
