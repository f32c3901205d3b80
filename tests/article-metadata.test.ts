/**
 * What an article page tells machines, read field by field from the built page: JSON-LD
 * (NewsArticle, BreadcrumbList), Open Graph and Twitter tags, meta description,
 * canonical, hreflang alternates and the visible "Read in" list; and the redirects left
 * at a moved story's old addresses. Built once, under a path prefix and a base URL.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { article, buildFixture, type FixtureSite, jpeg, linkTarget } from './helpers/fixture-site.ts';

const BASE = 'https://news.example/news';
const BUDGET = '/en/2026/11/26/budget/';
const BYUDZHET = '/ru/2026/11/26/byudzhet/';
const BUDJE = '/fa/2026/11/26/budje/';
const HOSTILE = '/en/2026/11/25/hostile/';
const LONELY = '/en/2026/11/24/lonely/';
const hostileHeadline = '</script><script>alert(1)</script> & "quoted" \u2028 <!--';

let site: FixtureSite;

beforeAll(async () => {
  site = await buildFixture(
    {
      'content/en/2026/11/budget.md': article(`
headline: Parliament passes the budget
date: 2026-11-26T09:30
updated: 2026-11-26T14:05
byline: [Jana Novak, Omid Rahimi]
credits: [Reuters, AFP]
summary: The vote ended a three-week standoff.
section: economy
tags: [budget, parliament]
translationKey: budget-2026
aliases: [/en/old/budget-story/, /en/budget.html]
photo:
  src: budget.jpg
  alt: Lawmakers in the chamber
`),
      'content/en/2026/11/budget.jpg': await jpeg(1200, 675),
      'content/ru/2026/11/byudzhet.md': article(
        'headline: Парламент принял бюджет\ndate: 2026-11-26T12:30\nbyline: Алёна Петрова\ntranslationKey: budget-2026',
        'Текст.',
      ),
      'content/fa/2026/11/budje.md': article('headline: مجلس بودجه را تصویب کرد\ndate: 2026-11-26T13:00\ntranslationKey: budget-2026', 'متن.'),
      'content/en/2026/11/hostile.md': article(
        `headline: ${JSON.stringify(hostileHeadline)}\ndate: 2026-11-25T08:00\ntags: ['</script><b>x']`,
        'First <b>para</b> & **more**.\n\nSecond paragraph.',
      ),
      'content/en/2026/11/lonely.md': article('headline: A story in one language\ndate: 2026-11-24T08:00\nsummary: Only in English.'),
    },
    { args: ['--pathprefix', '/news/', '--base-url', 'https://news.example'] },
  );
  expect(site.stderr).toBe('');
  expect(site.code).toBe(0);
}, 120_000);

/** The built file an absolute URL of this site points at. */
function fileFor(url: string): string {
  expect(url.startsWith(`${BASE}/`), url).toBe(true);
  const sitePath = decodeURI(url.slice(BASE.length));
  return path.join(site.outDir, sitePath.endsWith('/') ? `${sitePath}index.html` : sitePath);
}
const resolves = (url: string) => existsSync(fileFor(url));

// biome-ignore lint/suspicious/noExplicitAny: JSON-LD read back from a page is any shape; the assertions say which.
type Json = Record<string, any>;

function jsonLd(page: string): Json[] {
  const scripts = [...site.page(page).querySelectorAll('script')];
  // The only scripts on an article page are the two JSON-LD blocks.
  expect(scripts.map((s) => s.getAttribute('type'))).toEqual(['application/ld+json', 'application/ld+json']);
  return scripts.map((s) => JSON.parse(s.textContent ?? ''));
}

function meta(page: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const m of site.page(page).querySelectorAll('head meta[property], head meta[name]')) {
    const key = m.getAttribute('property') ?? m.getAttribute('name') ?? '';
    found.set(key, [...(found.get(key) ?? []), m.getAttribute('content') ?? '']);
  }
  return found;
}

describe('JSON-LD NewsArticle', () => {
  it('has every field, with absolute URLs that lead to built files', async () => {
    const [ld] = jsonLd(BUDGET) as [Json];
    const url = `${BASE}${BUDGET}`;
    expect(ld['@context']).toBe('https://schema.org');
    expect(ld['@type']).toBe('NewsArticle');
    expect(ld.headline).toBe('Parliament passes the budget');
    expect(ld.description).toBe('The vote ended a three-week standoff.');
    expect(ld.url).toBe(url);
    expect(ld.mainEntityOfPage).toEqual({ '@type': 'WebPage', '@id': url });
    expect(ld.datePublished).toBe('2026-11-26T09:30:00+00:00');
    expect(ld.dateModified).toBe('2026-11-26T14:05:00+00:00');
    expect(ld.inLanguage).toBe('en');
    expect(ld.articleSection).toBe('Economy');
    expect(ld.keywords).toEqual(['budget', 'parliament']);
    expect(ld.author).toEqual([
      { '@type': 'Person', name: 'Jana Novak', url: `${BASE}/en/author/jana-novak/` },
      { '@type': 'Person', name: 'Omid Rahimi', url: `${BASE}/en/author/omid-rahimi/` },
    ]);
    expect(ld.contributor).toEqual([
      { '@type': 'Organization', name: 'Reuters' },
      { '@type': 'Organization', name: 'AFP' },
    ]);
    expect(ld.publisher).toMatchObject({ '@type': 'NewsMediaOrganization', name: 'Meridian Radio', url: `${BASE}/en/` });
    // Google asks for 16:9, 4:3 and 1:1 crops.
    const ratios = await Promise.all(
      ld.image.map(async (u: string) => {
        const { width = 0, height = 0 } = await sharp(fileFor(u)).metadata();
        return Math.round((width / height) * 100) / 100;
      }),
    );
    expect(ratios).toEqual([1.78, 1.33, 1]);
    for (const u of [url, ...ld.image, ...ld.author.map((a: Json) => a.url), ld.publisher.url, ld.publisher.logo.url]) {
      expect(resolves(u), u).toBe(true);
    }
    const logo = await sharp(fileFor(ld.publisher.logo.url)).metadata();
    expect([logo.format, logo.width, logo.height]).toEqual(['png', ld.publisher.logo.width, ld.publisher.logo.height]);
    expect([logo.width, logo.height]).toEqual([600, 60]);
  });

  it('names the publisher as author when there is no byline', () => {
    for (const page of [BUDJE, HOSTILE]) {
      const [ld] = jsonLd(page) as [Json];
      expect(ld.author).toEqual([ld.publisher]);
      expect(ld.author[0]['@type']).toBe('NewsMediaOrganization');
    }
    expect((jsonLd(BUDJE)[0] as Json).publisher.name).toBe('رادیو مریدین');
    expect((jsonLd(BYUDZHET)[0] as Json).author[0].url).toBe(`${BASE}/ru/author/${encodeURIComponent('алёна-петрова')}/`);
  });

  it('cannot be broken out of by hostile text: the page keeps exactly two data scripts and the text survives', () => {
    const html = site.html(HOSTILE);
    expect(html).not.toContain('<script>alert(1)');
    expect(html.match(/<script/g)).toHaveLength(2);
    const [ld, crumbs] = jsonLd(HOSTILE) as [Json, Json];
    expect(ld.headline).toBe(hostileHeadline);
    expect(ld.keywords).toEqual(['</script><b>x']);
    expect(crumbs.itemListElement.at(-1).name).toBe(hostileHeadline);
    expect(site.page(HOSTILE).querySelector('h1')?.textContent).toBe(hostileHeadline);
  });
});

describe('JSON-LD BreadcrumbList', () => {
  it('goes edition → section → article, each a built page', () => {
    const [, crumbs] = jsonLd(BUDGET) as [Json, Json];
    expect(crumbs['@type']).toBe('BreadcrumbList');
    expect(crumbs.itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Meridian Radio', item: `${BASE}/en/` },
      { '@type': 'ListItem', position: 2, name: 'Economy', item: `${BASE}/en/economy/` },
      { '@type': 'ListItem', position: 3, name: 'Parliament passes the budget', item: `${BASE}${BUDGET}` },
    ]);
    for (const step of crumbs.itemListElement) expect(resolves(step.item)).toBe(true);
  });
});

describe('Open Graph, Twitter card, description and canonical', () => {
  it('has the Open Graph article tags', () => {
    const m = meta(BUDGET);
    const one = (k: string) => m.get(k);
    expect(one('og:type')).toEqual(['article']);
    expect(one('og:title')).toEqual(['Parliament passes the budget']);
    expect(one('og:url')).toEqual([`${BASE}${BUDGET}`]);
    expect(one('og:site_name')).toEqual(['Meridian Radio']);
    expect(one('og:locale')).toEqual(['en_US']);
    expect(one('og:locale:alternate')).toEqual(['ru_RU', 'fa_IR']);
    expect(one('og:description')).toEqual(['The vote ended a three-week standoff.']);
    expect(one('og:image:alt')).toEqual(['Lawmakers in the chamber']);
    expect(resolves(one('og:image')?.[0] ?? '')).toBe(true);
    expect([one('og:image:width'), one('og:image:height'), one('og:image:type')]).toEqual([['1200'], ['675'], ['image/jpeg']]);
    expect(one('article:published_time')).toEqual(['2026-11-26T09:30:00+00:00']);
    expect(one('article:modified_time')).toEqual(['2026-11-26T14:05:00+00:00']);
    expect(one('article:section')).toEqual(['Economy']);
    expect(one('article:tag')).toEqual(['budget', 'parliament']);
  });

  it('has a Twitter summary_large_image card', () => {
    const m = meta(BUDGET);
    expect(m.get('twitter:card')).toEqual(['summary_large_image']);
    expect(m.get('twitter:title')).toEqual(['Parliament passes the budget']);
    expect(m.get('twitter:image')).toEqual(m.get('og:image'));
    expect(m.get('twitter:image:alt')).toEqual(['Lawmakers in the chamber']);
  });

  it.each([
    [BUDGET, 'The vote ended a three-week standoff.'],
    [HOSTILE, 'First <b>para</b> & more.'],
  ])('describes %s by its summary, or else its first paragraph as plain text', (page, description) => {
    expect(meta(page).get('description')).toEqual([description]);
    expect(meta(page).get('og:description')).toEqual([description]);
  });

  it('has one absolute canonical URL', () => {
    const links = [...site.page(BUDGET).querySelectorAll('link[rel="canonical"]')].map((l) => l.getAttribute('href'));
    expect(links).toEqual([`${BASE}${BUDGET}`]);
  });
});

describe('translations', () => {
  const expected = { en: `${BASE}${BUDGET}`, ru: `${BASE}${BYUDZHET}`, fa: `${BASE}${BUDJE}` };

  it.each([BUDGET, BYUDZHET, BUDJE])('%s links every version, itself included, with hreflang', (page) => {
    const alternates = Object.fromEntries(
      [...site.page(page).querySelectorAll('head link[rel="alternate"][hreflang]')].map((l) => [l.getAttribute('hreflang'), l.getAttribute('href')]),
    );
    expect(alternates).toEqual(expected);
  });

  it.each([
    [
      BUDGET,
      [
        ['ru', 'Русский', BYUDZHET],
        ['fa', 'فارسی', BUDJE],
      ],
    ],
    [
      BUDJE,
      [
        ['en', 'English', BUDGET],
        ['ru', 'Русский', BYUDZHET],
      ],
    ],
  ])('%s shows a "Read in" list naming each language in itself', (page, links) => {
    const nav = site.page(page).querySelector('nav.translations');
    expect(nav?.querySelector('h2')?.textContent).toBeTruthy();
    const found = [...(nav?.querySelectorAll('a') ?? [])].map((a) => [a.getAttribute('hreflang'), a.textContent]);
    expect(found).toEqual(links.map(([lang, name]) => [lang, name]));
    // Relative to the page: the path prefix is only for absolute URLs.
    expect(site.targets(page, 'nav.translations a')).toEqual(links.map(([, , url]) => url));
    for (const a of nav?.querySelectorAll('a') ?? []) expect(a.getAttribute('lang')).toBe(a.getAttribute('hreflang'));
  });

  it('a story without other versions has neither alternates nor the list', () => {
    expect(site.page(LONELY).querySelector('link[hreflang], nav.translations')).toBeNull();
  });
});

describe('moved stories', () => {
  it.each(['/en/old/budget-story/', '/en/budget.html'])('%s is a redirect page: refresh, canonical, noindex and a visible link', (oldPath) => {
    const doc = site.page(oldPath);
    const target = `${BASE}${BUDGET}`;
    // Relative, so that a mirror sends its reader to its own copy; the canonical names the main site.
    const refresh = /^0; url=(.+)$/.exec(doc.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content') ?? '')?.[1] ?? '';
    expect(refresh).toMatch(/^\.\.\//);
    expect(linkTarget(oldPath, refresh)).toBe(BUDGET);
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(target);
    expect(doc.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
    expect(site.targets(oldPath, 'main a')).toEqual([BUDGET]);
    expect(doc.documentElement.getAttribute('lang')).toBe('en');
  });

  it('_redirects sends each old address to the story with a 301, under the path prefix', () => {
    const lines = readFileSync(path.join(site.outDir, '_redirects'), 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'));
    expect(lines).toEqual([`/news/en/budget.html /news${BUDGET} 301`, `/news/en/old/budget-story/ /news${BUDGET} 301`]);
  });

  it('old addresses are not offered to crawlers', () => {
    const sitemap = readFileSync(path.join(site.outDir, 'en/sitemap.xml'), 'utf8');
    expect(sitemap).toContain(`${BASE}${BUDGET}`);
    expect(sitemap).not.toContain('budget-story');
    expect(sitemap).not.toContain('budget.html');
  });
});
