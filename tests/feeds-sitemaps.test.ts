/**
 * Feeds, sitemaps and robots.txt as feed readers and crawlers get them: parsed as XML
 * and JSON (and by a real feed parser), checked for the elements each format requires,
 * and every URL in them followed to a file of the built site. Built once, under a path
 * prefix and a custom base URL, with an injected "now".
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseHTML } from 'linkedom';
import RssParser from 'rss-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { article, buildFixture, type FixtureFiles, type FixtureSite, jpeg } from './helpers/fixture-site.ts';

const BASE = 'https://news.example/news';
const NOW = '2026-11-28T12:00:00Z';
const BULK = 55;
const OFFSET = /(Z|[+-]\d\d:\d\d)$/;

let site: FixtureSite;

const hostileSummary = 'Tom & Jerry say <b>"hi"</b> ]]> </summary>';
const ENTITY_BODY = 'It said &lt;img src=x onerror=alert(1)&gt; and &lt;script&gt;alert(2)&lt;/script&gt; &amp;lt;b&amp;gt; in the text.';
const ENTITY_TEXT = 'It said <img src=x onerror=alert(1)> and <script>alert(2)</script> &lt;b&gt; in the text.';

/** The elements and event handlers an HTML fragment makes, as a reader's HTML renderer parses it. */
function markupIn(html: string): string[] {
  const { document } = parseHTML(`<!DOCTYPE html><html><body><div id="r">${html}</div></body></html>`);
  const root = document.getElementById('r')!;
  return [...root.querySelectorAll('*')].flatMap((el) => [
    `<${el.localName}>`,
    ...[...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${a.name}=`),
  ]);
}
const textOf = (html: string) => parseHTML(`<!DOCTYPE html><html><body><div id="r">${html}</div></body></html>`).document.getElementById('r')!.textContent;

function fixture(photo: Buffer): FixtureFiles {
  const files: FixtureFiles = {
    // 1 day before "now", no byline, updated later, photo, hostile text and a bell character in the alt text (illegal in XML; a one-line field refuses it).
    'content/en/2026/11/fresh.md': article(
      `
headline: "Fresh story: \\"quotes\\" & <tags>"
date: 2026-11-27T12:00
updated: 2026-11-27T18:30
summary: '${hostileSummary}'
section: news
tags: [floods]
photo:
  src: fresh.jpg
  alt: "Rescue boat\\a & houses"
`,
    ),
    'content/en/2026/11/fresh.jpg': photo,
    // 3 days before "now": out of the news sitemap.
    'content/en/2026/11/old.md': article('headline: Old story\ndate: 2026-11-25T12:00\nbyline: Petra Lind\nsection: news'),
    // Markup written as text in the body: the page shows it as text, and so must every feed reader.
    'content/en/2026/11/entities.md': article('headline: Entities\ndate: 2026-11-24T12:00\nsection: economy', ENTITY_BODY),
    'content/en/2026/11/draft.md': article('headline: Draft story\ndate: 2026-11-27T13:00\ndraft: true'),
    'content/en/2026/11/embargoed.md': article('headline: Embargoed story\ndate: 2026-11-29T09:00'),
    'content/ru/2026/11/выборы.md': article(
      'headline: Выборы в Валдоре\ndate: 2026-11-28T10:00+03:00\nbyline: Алёна Петрова\nsection: world',
      'Текст новости.',
    ),
    'content/fa/2026/11/budje.md': article('headline: بودجه تصویب شد\ndate: 2026-11-27T15:00+03:30\nsection: economy', 'متن خبر.'),
  };
  for (let i = 0; i < BULK; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const hour = String(Math.floor(i / 28) + 8).padStart(2, '0');
    files[`content/en/2026/10/bulk-${i}.md`] = article(
      `headline: World story ${i}\ndate: 2026-10-${day}T${hour}:00\nbyline: Jana Novak\nsection: world\ntags: [valdor]`,
      `Paragraph of story ${i}.`,
    );
  }
  return files;
}

/** The built file an absolute URL of this site points at. */
function fileFor(url: string): string {
  expect(url.startsWith(`${BASE}/`), url).toBe(true);
  const sitePath = decodeURI(url.slice(BASE.length));
  return path.join(site.outDir, sitePath.endsWith('/') ? `${sitePath}index.html` : sitePath);
}

const resolves = (url: string) => existsSync(fileFor(url));
const read = (sitePath: string) => readFileSync(path.join(site.outDir, sitePath), 'utf8');

const xmlParser = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  isArray: (name) => ['entry', 'item', 'url', 'sitemap', 'link', 'author', 'category', 'dc:creator'].includes(name),
});

function parseXml(sitePath: string) {
  const text = read(sitePath);
  expect(XMLValidator.validate(text), sitePath).toBe(true);
  return xmlParser.parse(text);
}

beforeAll(async () => {
  site = await buildFixture(fixture(await jpeg(1200, 675)), { now: NOW, args: ['--pathprefix', '/news/', '--base-url', 'https://news.example'] });
  // The embargoed story is announced as a warning; nothing else may be printed.
  expect(site.stderr.split('\n').filter((l) => l && !/^content\/en\/2026\/11\/embargoed\.md:\d+: warning: /.test(l))).toEqual([]);
  expect(site.code).toBe(0);
}, 120_000);

describe('Atom feeds', () => {
  it('have the elements RFC 4287 requires, the language and absolute self/alternate links', () => {
    const { feed } = parseXml('en/feed.xml');
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed['@_xml:lang']).toBe('en');
    expect(feed.id).toBe(`${BASE}/en/feed.xml`);
    expect(feed.title['#text']).toBe('Meridian Radio');
    expect(feed.updated).toBe('2026-11-27T18:30:00+00:00');
    const links = Object.fromEntries(feed.link.map((l: Record<string, string>) => [l['@_rel'], l['@_href']]));
    expect(links).toEqual({ self: `${BASE}/en/feed.xml`, alternate: `${BASE}/en/` });
    expect(resolves(links.self)).toBe(true);
    expect(resolves(links.alternate)).toBe(true);
    expect(feed.author[0].name).toBe('Meridian Radio');
  });

  it('hold the newest 50 published stories, newest first, each complete', () => {
    const { feed } = parseXml('en/feed.xml');
    expect(feed.entry).toHaveLength(50);
    const published = feed.entry.map((e: { published: string }) => Date.parse(e.published));
    expect(published).toEqual([...published].sort((a, b) => b - a));
    for (const e of feed.entry) {
      expect(e.id).toMatch(/^https:\/\/news\.example\/news\/en\//);
      expect(e.title['#text']).toBeTruthy();
      expect(e.published).toMatch(OFFSET);
      expect(e.updated).toMatch(OFFSET);
      expect(e.author.length).toBeGreaterThan(0);
      const alternate = e.link.find((l: Record<string, string>) => l['@_rel'] === 'alternate');
      expect(alternate['@_href']).toBe(e.id);
      expect(resolves(e.id)).toBe(true);
    }
    const titles = feed.entry.map((e: { title: { '#text': string } }) => e.title['#text']);
    expect(titles.some((t: string) => /Draft|Embargoed/.test(t))).toBe(false);
  });

  it('give updated = the latest modification, the publisher when there is no byline, the photo, and text exactly as written', () => {
    const fresh = parseXml('en/feed.xml').feed.entry[0];
    expect(fresh.title['#text']).toBe('Fresh story: "quotes" & <tags>');
    expect(fresh.published).toBe('2026-11-27T12:00:00+00:00');
    expect(fresh.updated).toBe('2026-11-27T18:30:00+00:00');
    expect(fresh.summary['#text']).toBe(hostileSummary);
    expect(fresh.author).toEqual([{ name: 'Meridian Radio', uri: `${BASE}/en/` }]);
    const enclosure = fresh.link.find((l: Record<string, string>) => l['@_rel'] === 'enclosure');
    expect(enclosure['@_type']).toBe('image/jpeg');
    expect(resolves(enclosure['@_href'])).toBe(true);
    expect(fresh.category.map((c: Record<string, string>) => c['@_term'])).toEqual(['News', 'floods']);
  });

  it('name each byline author, linking the author page', () => {
    const bulk = parseXml('en/feed.xml').feed.entry.find((e: { title: { '#text': string } }) => e.title['#text'].startsWith('World story'));
    expect(bulk.author).toEqual([{ name: 'Jana Novak', uri: `${BASE}/en/author/jana-novak/` }]);
    expect(resolves(bulk.author[0].uri)).toBe(true);
  });

  it('exist per section, holding only that section', () => {
    const world = parseXml('en/world/feed.xml').feed;
    expect(world.entry).toHaveLength(50);
    expect(world.title['#text']).toBe('World — Meridian Radio');
    const news = parseXml('en/news/feed.xml').feed;
    expect(news.entry.map((e: { title: { '#text': string } }) => e.title['#text'])).toEqual(['Fresh story: "quotes" & <tags>', 'Old story']);
    expect(parseXml('en/culture/feed.xml').feed.entry).toBeUndefined();
    expect(parseXml('en/culture/feed.xml').feed.updated).toMatch(OFFSET);
  });

  it('percent-encode Unicode story URLs, which still lead to the built page', () => {
    const { feed } = parseXml('ru/feed.xml');
    expect(feed['@_xml:lang']).toBe('ru');
    const url = feed.entry[0].id;
    expect(url).toBe(`${BASE}/ru/2026/11/28/%D0%B2%D1%8B%D0%B1%D0%BE%D1%80%D1%8B/`);
    expect(resolves(url)).toBe(true);
    expect(feed.entry[0].author[0].uri).toBe(`${BASE}/ru/author/${encodeURIComponent('алёна-петрова')}/`);
  });
});

describe('RSS 2.0 feeds', () => {
  it('have the required channel and item elements, with RFC 822 dates', () => {
    const { rss } = parseXml('en/rss.xml');
    expect(rss['@_version']).toBe('2.0');
    const channel = rss.channel;
    expect(channel.title).toBe('Meridian Radio');
    expect(channel.link).toEqual([`${BASE}/en/`]);
    expect(channel.description).toBeTruthy();
    expect(channel.language).toBe('en');
    expect(channel['atom:link']['@_href']).toBe(`${BASE}/en/rss.xml`);
    expect(channel.item).toHaveLength(50);
    const fresh = channel.item[0];
    expect(fresh.link).toEqual([`${BASE}/en/2026/11/27/fresh/`]);
    expect(fresh.guid['#text']).toBe(fresh.link[0]);
    expect(fresh.guid['@_isPermaLink']).toBe('true');
    expect(fresh.pubDate).toBe('Fri, 27 Nov 2026 12:00:00 +0000');
    // RSS descriptions are HTML: the text, HTML-escaped (src/outputs/feed-formats.ts).
    expect(textOf(fresh.description)).toBe(hostileSummary);
    expect(fresh['dc:creator']).toEqual(['Meridian Radio']);
    expect(resolves(fresh['media:content']['@_url'])).toBe(true);
    expect(channel.item[1]['dc:creator']).toEqual(['Petra Lind']);
  });
});

describe('a real feed parser', () => {
  it.each([
    ['en/feed.xml', 'atom'],
    ['en/rss.xml', 'rss'],
  ])('reads %s', (file, type) => {
    const feed = parseFeed(read(file)).toJSON();
    expect(feed.meta.type).toBe(type);
    expect(feed.language).toBe('en');
    expect(feed.title).toBe('Meridian Radio');
    expect(feed.self).toBe(`${BASE}/${file}`);
    expect(feed.items).toHaveLength(50);
    const [fresh] = feed.items;
    expect(fresh?.title).toBe('Fresh story: "quotes" & <tags>');
    expect(fresh?.url).toBe(`${BASE}/en/2026/11/27/fresh/`);
    expect(fresh?.description).toBe(hostileSummary);
    expect(new Date(fresh?.published ?? 0).toISOString()).toBe('2026-11-27T12:00:00.000Z');
    expect(fresh?.authors.map((a) => a.name)).toEqual(['Meridian Radio']);
    expect(fresh?.image?.url && resolves(fresh.image.url)).toBe(true);
  });
});

describe('markup written as text, as two real feed parsers read it', () => {
  const files = ['en/rss.xml', 'en/economy/rss.xml'];
  const entities = (url: string | null | undefined) => url?.endsWith('/en/2026/11/24/entities/');

  // rss-parser gives what a reader renders: `content`, the description as HTML (RSS) or the summary (Atom), and `contentSnippet`, its text.
  it.each(files)('rss-parser, %s: the HTML a reader renders holds no element, script or event handler, and reads as written', async (file) => {
    const feed = await new RssParser().parseString(read(file));
    for (const item of feed.items) expect(markupIn(item.content ?? ''), item.link).toEqual([]);
    const story = feed.items.find((i) => entities(i.link));
    expect(textOf(story?.content ?? '')).toBe(ENTITY_TEXT);
    expect(story?.contentSnippet).toBe(ENTITY_TEXT);
    if (file === 'en/rss.xml') expect(textOf(feed.items[0]?.content ?? '')).toBe(hostileSummary);
  });

  // @rowanmanning/feed-parser decodes the description's HTML entities itself, giving the text: it must be the text as written.
  it.each(files)('@rowanmanning/feed-parser, %s: the description is the text as written', (file) => {
    const feed = parseFeed(read(file)).toJSON();
    expect(feed.items.find((i) => entities(i.url))?.description).toBe(ENTITY_TEXT);
  });
});

describe('JSON Feed 1.1', () => {
  it('has the top-level and item fields the spec requires', () => {
    const feed = JSON.parse(read('fa/feed.json'));
    expect(feed).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'رادیو مریدین',
      home_page_url: `${BASE}/fa/`,
      feed_url: `${BASE}/fa/feed.json`,
      language: 'fa',
    });
    expect(resolves(feed.feed_url)).toBe(true);
    expect(feed.items).toEqual([
      expect.objectContaining({
        id: `${BASE}/fa/2026/11/27/budje/`,
        url: `${BASE}/fa/2026/11/27/budje/`,
        title: 'بودجه تصویب شد',
        content_text: 'متن خبر.',
        date_published: '2026-11-27T15:00:00+03:30',
        date_modified: '2026-11-27T15:00:00+03:30',
        authors: [{ name: 'رادیو مریدین', url: `${BASE}/fa/` }],
      }),
    ]);
  });

  it('lists 50 items with an id, content and offset dates, and absolute image URLs', () => {
    const feed = JSON.parse(read('en/feed.json'));
    expect(feed.items).toHaveLength(50);
    for (const item of feed.items) {
      expect(typeof item.id).toBe('string');
      expect(item.content_text || item.content_html).toBeTruthy();
      expect(item.date_published).toMatch(OFFSET);
      expect(resolves(item.url)).toBe(true);
    }
    expect(resolves(feed.items[0].image)).toBe(true);
  });
});

describe('feed autodiscovery', () => {
  // Relative to the page, like every link: a reader on a mirror subscribes to the mirror's copy.
  it.each(['/en/', '/en/2026/11/27/fresh/', '/en/world/', '/ru/about/'])('is in the head of %s and points at built feeds', (page) => {
    const edition = page.split('/')[1];
    const of = (type: string) => site.targets(page, `head link[rel="alternate"][type="${type}"]`);
    expect(of('application/atom+xml')[0]).toBe(`/${edition}/feed.xml`);
    expect(of('application/feed+json')[0]).toBe(`/${edition}/feed.json`);
    expect(of('application/rss+xml')[0]).toBe(`/${edition}/rss.xml`);
    for (const target of site.targets(page, 'head link[rel="alternate"][type]')) expect(resolves(`${BASE}${target}`)).toBe(true);
  });

  it('a section page also names the section’s own feeds', () => {
    expect(site.targets('/en/world/', 'head link[rel="alternate"][type="application/atom+xml"]')).toEqual(['/en/feed.xml', '/en/world/feed.xml']);
    expect(site.page('/en/tag/valdor/').querySelectorAll('head link[rel="alternate"][type="application/atom+xml"]').length).toBe(1);
  });
});

describe('sitemaps', () => {
  const locs = (sitePath: string, key: 'urlset' | 'sitemapindex') => {
    const doc = parseXml(sitePath)[key];
    return (key === 'urlset' ? doc.url : doc.sitemap).map((u: { loc: string }) => u.loc) as string[];
  };

  it('the index at /sitemap.xml names one sitemap per edition, each built', () => {
    const index = locs('sitemap.xml', 'sitemapindex');
    expect(index).toEqual(['en', 'ru', 'fa'].map((e) => `${BASE}/${e}/sitemap.xml`));
    for (const loc of index) expect(resolves(loc)).toBe(true);
  });

  it('every <loc> of every edition sitemap is a built page, and every story and listing is there', () => {
    const en = locs('en/sitemap.xml', 'urlset');
    for (const loc of [...en, ...locs('ru/sitemap.xml', 'urlset'), ...locs('fa/sitemap.xml', 'urlset')]) {
      expect(resolves(loc), loc).toBe(true);
    }
    expect(new Set(en).size).toBe(en.length);
    const expected = [
      '/en/',
      '/en/about/',
      '/en/world/',
      '/en/world/page/2/',
      '/en/world/page/3/',
      '/en/tag/valdor/',
      '/en/author/jana-novak/',
      '/en/2026/11/27/fresh/',
      '/en/2026/11/25/old/',
    ];
    for (const p of expected) expect(en).toContain(`${BASE}${p}`);
    expect(en.filter((l) => /\/en\/\d{4}\//.test(l))).toHaveLength(BULK + 3);
    expect(en.some((l) => /draft|embargoed|search|404/.test(l))).toBe(false);
    expect(locs('ru/sitemap.xml', 'urlset')).toContain(`${BASE}/ru/2026/11/28/${encodeURIComponent('выборы')}/`);
  });

  it('the news sitemap holds the last two days before --now: 1 day old in, 3 days old out', () => {
    const { urlset } = parseXml('en/news-sitemap.xml');
    expect(urlset['@_xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
    expect(urlset.url.map((u: { loc: string }) => u.loc)).toEqual([`${BASE}/en/2026/11/27/fresh/`]);
    expect(urlset.url[0]['news:news']).toEqual({
      'news:publication': { 'news:name': 'Meridian Radio', 'news:language': 'en' },
      'news:publication_date': '2026-11-27T12:00:00+00:00',
      'news:title': 'Fresh story: "quotes" & <tags>',
    });
    const ru = parseXml('ru/news-sitemap.xml').urlset.url[0]['news:news'];
    expect(ru['news:publication']).toEqual({ 'news:name': 'Радио «Меридиан»', 'news:language': 'ru' });
    for (const loc of ['en', 'ru', 'fa'].flatMap((e) => parseXml(`${e}/news-sitemap.xml`).urlset.url.map((u: { loc: string }) => u.loc))) {
      expect(resolves(loc)).toBe(true);
    }
  });

  it('robots.txt names the sitemap index and every news sitemap', () => {
    const robots = read('robots.txt');
    const named = [...robots.matchAll(/^Sitemap: (.+)$/gm)].map((m) => m[1]);
    expect(named).toEqual([`${BASE}/sitemap.xml`, ...['en', 'ru', 'fa'].map((e) => `${BASE}/${e}/news-sitemap.xml`)]);
    expect(robots).toMatch(/^User-agent: \*$/m);
  });
});
