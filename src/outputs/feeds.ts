/**
 * Feed contents, computed once per build: for every edition and every (edition,
 * section), the newest FEED_LIMIT published stories as format-neutral entries with
 * absolute URLs. The Atom, RSS and JSON Feed serialisers (src/outputs/feed-formats.ts) only
 * print these.
 */

import type { BuildOptions } from '../build/options.ts';
import type { Article } from '../content/article.ts';
import type { Edition, EditionCode } from '../editions/edition.ts';
import { editions } from '../editions/registry.ts';
import type { PhotoTable } from '../photos/prepare.ts';
import type { Site } from '../site/derive.ts';
import { isPublic } from '../site/published.ts';
import { authorPath, sectionPath } from '../site/slugs.ts';
import { machineUrl } from '../site/urls.ts';
import { type SocialImage, socialImage } from './social-image.ts';

export const FEED_LIMIT = 50;

export type FeedFormat = 'atom' | 'rss' | 'json';
export const feedFormats: readonly FeedFormat[] = ['atom', 'rss', 'json'];

export const feedMediaTypes: Readonly<Record<FeedFormat, string>> = {
  atom: 'application/atom+xml',
  rss: 'application/rss+xml',
  json: 'application/feed+json',
};

const FILE_NAMES: Readonly<Record<FeedFormat, string>> = { atom: 'feed.xml', rss: 'rss.xml', json: 'feed.json' };

/** Site path of a feed: /en/feed.xml, /en/world/rss.xml, /ru/economy/feed.json … */
export function feedPath(edition: EditionCode, section: string | undefined, format: FeedFormat): string {
  return `${section ? sectionPath(edition, section) : `/${edition}/`}${FILE_NAMES[format]}`;
}

export interface FeedPerson {
  name: string;
  url: string;
}

export interface FeedEntry {
  url: string;
  title: string;
  summary: string;
  published: string;
  modified: string;
  /** Byline names, or the publisher when there is no byline. */
  authors: FeedPerson[];
  categories: string[];
  image: SocialImage | undefined;
}

export interface Feed {
  edition: Edition;
  section: string | undefined;
  title: string;
  description: string;
  homeUrl: string;
  publisher: FeedPerson;
  /** Newest `modified` of the entries; the build's "now" for an empty feed. */
  updated: string;
  entries: FeedEntry[];
  selfUrls: Record<FeedFormat, string>;
}

export function publisherOf(edition: Edition, options: Pick<BuildOptions, 'baseUrl' | 'pathPrefix'>): FeedPerson {
  return { name: edition.name, url: machineUrl(options, `/${edition.code}/`) };
}

function entryOf(article: Article, options: BuildOptions, photos: PhotoTable): FeedEntry {
  const edition = editions[article.edition];
  const sectionLabel = edition.sections.find((s) => s.slug === article.section)?.label ?? article.section;
  return {
    url: machineUrl(options, article.url),
    title: article.headline,
    summary: article.description,
    published: article.date,
    modified: article.modified,
    authors: article.byline.length
      ? article.byline.map((name) => ({ name, url: machineUrl(options, authorPath(article.edition, name)) }))
      : [publisherOf(edition, options)],
    categories: [sectionLabel, ...article.tags],
    image: socialImage(article, options, photos),
  };
}

/** Every feed of the build, in a stable order: each edition's own, then its sections'. */
export function feedsOf(site: Site, photos: PhotoTable): Feed[] {
  const { options } = site;
  const entries = new Map<Article, FeedEntry>();
  const entry = (a: Article) => entries.get(a) ?? entries.set(a, entryOf(a, options, photos)).get(a)!;
  const feeds: Feed[] = [];
  // Only the editions this build writes: a shard has no photos of the others.
  for (const code of options.render.editions) {
    const edition = editions[code];
    // Drafts appear in the dev server's pages, never in what feed readers fetch.
    const ofEdition = site.articles.filter((a) => a.edition === code && isPublic(a));
    const make = (section: string | undefined, articles: Article[], title: string, home: string): Feed => {
      const list = articles.slice(0, FEED_LIMIT).map(entry);
      const self = (format: FeedFormat) => machineUrl(options, feedPath(code, section, format));
      return {
        edition,
        section,
        title,
        description: `${edition.strings.latest} — ${title}`,
        homeUrl: machineUrl(options, home),
        publisher: publisherOf(edition, options),
        updated: list.reduce((max, e) => (Date.parse(e.modified) > Date.parse(max) ? e.modified : max), list[0]?.modified ?? options.now),
        entries: list,
        selfUrls: { atom: self('atom'), rss: self('rss'), json: self('json') },
      };
    };
    feeds.push(make(undefined, ofEdition, edition.name, `/${code}/`));
    for (const s of edition.sections) {
      const inSection = ofEdition.filter((a) => a.section === s.slug);
      feeds.push(make(s.slug, inSection, `${s.label} — ${edition.name}`, sectionPath(code, s.slug)));
    }
  }
  return feeds;
}
