/**
 * The three feed formats, printed from the same computed Feed (src/outputs/feeds.ts): Atom 1.0
 * (RFC 4287), RSS 2.0 and JSON Feed 1.1. XML goes through the escaping `xml`
 * template; JSON through JSON.stringify. The lead image travels as Media RSS
 * `media:content` in RSS (RSS's own `<enclosure>` demands a byte length) and as an
 * enclosure link in Atom (lenient parsers read Atom's `media:content` as the entry's
 * `content`, showing the alt text as the story).
 *
 * RSS's `<description>` is HTML to every reader (RSS 2.0 says "entity-encoded HTML"): its
 * text is HTML-escaped first and XML-escaped on top, so a summary that reads
 * `<img src=x onerror=…>` reaches the reader as those characters, never as an element.
 * Atom says `type="text"` and JSON Feed `summary` is text: there the text goes as it is.
 */
import { DateTime } from 'luxon';
import type { Feed, FeedEntry, FeedPerson } from './feeds.ts';
import { feedMediaTypes } from './feeds.ts';
import { type XmlFragment, xml, xmlDocument } from './xml.ts';

const GENERATOR = 'Masthead';

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Plain text as HTML that shows exactly that text: what an RSS description carries. */
export function textAsHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** RFC 822 date as RSS 2.0 requires, keeping the story's offset. */
export function rfc822(iso: string): string {
  return DateTime.fromISO(iso, { setZone: true }).toRFC2822() ?? iso;
}

const mediaContent = (entry: FeedEntry): XmlFragment | undefined =>
  entry.image &&
  xml`<media:content url="${entry.image.url}" type="${entry.image.type}" medium="image"><media:description type="plain">${entry.image.alt}</media:description></media:content>`;

const atomPerson = (p: FeedPerson) => xml`<author><name>${p.name}</name><uri>${p.url}</uri></author>`;

function atomEntry(e: FeedEntry): XmlFragment {
  return xml`
  <entry>
    <id>${e.url}</id>
    <title type="text">${e.title}</title>
    <link rel="alternate" type="text/html" href="${e.url}"/>
    <published>${e.published}</published>
    <updated>${e.modified}</updated>
    ${e.authors.map(atomPerson)}
    ${e.categories.map((c) => xml`<category term="${c}"/>`)}
    ${e.summary ? xml`<summary type="text">${e.summary}</summary>` : ''}
    ${e.image ? xml`<link rel="enclosure" type="${e.image.type}" href="${e.image.url}" title="${e.image.alt}"/>` : ''}
  </entry>`;
}

export function atomFeed(feed: Feed): string {
  return xmlDocument(xml`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${feed.edition.lang}">
  <id>${feed.selfUrls.atom}</id>
  <title type="text">${feed.title}</title>
  <subtitle type="text">${feed.description}</subtitle>
  <updated>${feed.updated}</updated>
  <link rel="self" type="${feedMediaTypes.atom}" href="${feed.selfUrls.atom}"/>
  <link rel="alternate" type="text/html" hreflang="${feed.edition.lang}" href="${feed.homeUrl}"/>
  ${atomPerson(feed.publisher)}
  <generator>${GENERATOR}</generator>${feed.entries.map(atomEntry)}
</feed>`);
}

function rssItem(e: FeedEntry): XmlFragment {
  return xml`
    <item>
      <title>${e.title}</title>
      <link>${e.url}</link>
      <guid isPermaLink="true">${e.url}</guid>
      ${e.summary ? xml`<description>${textAsHtml(e.summary)}</description>` : ''}
      <pubDate>${rfc822(e.published)}</pubDate>
      ${e.authors.map((a) => xml`<dc:creator>${a.name}</dc:creator>`)}
      ${e.categories.map((c) => xml`<category>${c}</category>`)}
      ${mediaContent(e)}
    </item>`;
}

export function rssFeed(feed: Feed): string {
  return xmlDocument(xml`<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
  <channel>
    <title>${feed.title}</title>
    <link>${feed.homeUrl}</link>
    <description>${textAsHtml(feed.description)}</description>
    <language>${feed.edition.lang}</language>
    <lastBuildDate>${rfc822(feed.updated)}</lastBuildDate>
    <atom:link rel="self" type="${feedMediaTypes.rss}" href="${feed.selfUrls.rss}"/>
    <generator>${GENERATOR}</generator>${feed.entries.map(rssItem)}
  </channel>
</rss>`);
}

export function jsonFeed(feed: Feed): string {
  const person = (p: FeedPerson) => ({ name: p.name, url: p.url });
  const body = {
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    home_page_url: feed.homeUrl,
    feed_url: feed.selfUrls.json,
    description: feed.description,
    language: feed.edition.lang,
    authors: [person(feed.publisher)],
    items: feed.entries.map((e) => ({
      id: e.url,
      url: e.url,
      title: e.title,
      // JSON Feed requires content_html or content_text; the feed carries the description only.
      content_text: e.summary || e.title,
      ...(e.summary ? { summary: e.summary } : {}),
      ...(e.image ? { image: e.image.url } : {}),
      date_published: e.published,
      date_modified: e.modified,
      authors: e.authors.map(person),
      tags: e.categories,
      language: feed.edition.lang,
    })),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
