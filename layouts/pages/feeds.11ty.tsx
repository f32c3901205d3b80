import type { Build } from '../../src/build/build.ts';
import { atomFeed, jsonFeed, rssFeed } from '../../src/outputs/feed-formats.ts';
import { type Feed, type FeedFormat, feedFormats, feedPath } from '../../src/outputs/feeds.ts';

/** Atom, RSS and JSON Feed for every edition and every section; contents computed once per build. */
interface FeedPage {
  feed: Feed;
  format: FeedFormat;
}

interface FeedTemplateData {
  item: FeedPage;
  masthead: Build;
}

export const data = {
  pagination: {
    data: 'masthead',
    size: 1,
    alias: 'item',
    before: (_keys: unknown, full: { masthead: Build }): FeedPage[] =>
      full.masthead.outputs.feeds.flatMap((feed) => feedFormats.map((format) => ({ feed, format }))),
  },
  permalink: ({ item }: FeedTemplateData) => feedPath(item.feed.edition.code, item.feed.section, item.format),
  eleventyExcludeFromCollections: true,
};

const render: Record<FeedFormat, (feed: Feed) => string> = { atom: atomFeed, rss: rssFeed, json: jsonFeed };

export default function feed({ item }: FeedTemplateData): string {
  return render[item.format](item.feed);
}
