import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { makeArticle } from '../../tests/helpers/article-factory.ts';
import { readBuildOptions } from '../build/options.ts';
import type { Article } from '../content/article.ts';
import { deriveSite, type Site } from '../site/derive.ts';
import { NEWS_LIMIT, newsSitemapXml, newsStoriesOf, SITEMAP_LIMIT, sitemapIndexXml, sitemapsOf, sitemapXml } from './sitemaps.ts';

const NOW = '2026-11-28T00:00:00Z';
const HOUR = 3_600_000;

/** n stories, one per `stepMs` going back from NOW. */
function stories(n: number, stepMs: number): Article[] {
  return Array.from({ length: n }, (_, i) => {
    const timestamp = Date.parse(NOW) - (i + 1) * stepMs;
    const iso = new Date(timestamp).toISOString().replace('.000Z', '+00:00');
    return makeArticle('en', `s${i}`, { url: `/en/2026/11/01/s${i}/`, headline: `Story ${i}`, date: iso, modified: iso, timestamp });
  });
}

/** A derived site with the outputs the build computes from it. */
const withOutputs = (site: Site) => ({ ...site, outputs: { feeds: [], sitemaps: sitemapsOf(site), newsStories: newsStoriesOf(site), search: new Map() } });

const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['url', 'sitemap'].includes(name) });

describe('sitemaps', () => {
  it(`splits an edition's sitemap every ${SITEMAP_LIMIT} URLs and names every part in the index`, () => {
    const site = withOutputs(deriveSite(stories(SITEMAP_LIMIT + 1, 1000), readBuildOptions({ MASTHEAD_NOW: NOW })));
    const parts = sitemapsOf(site).filter((p) => p.edition === 'en');
    expect(parts.map((p) => p.path)).toEqual(['/en/sitemap.xml', '/en/sitemap-2.xml']);
    expect(parts[0]?.urls).toHaveLength(SITEMAP_LIMIT);
    const all = parts.flatMap((p) => p.urls.map((u) => u.path));
    expect(new Set(all).size).toBe(all.length);
    expect(all).toContain('/en/2026/11/01/s50000/');
    const index = parser.parse(sitemapIndexXml(site));
    expect(index.sitemapindex.sitemap.map((s: { loc: string }) => s.loc)).toEqual([
      'https://meridian.example/en/sitemap.xml',
      'https://meridian.example/en/sitemap-2.xml',
      'https://meridian.example/ru/sitemap.xml',
      'https://meridian.example/fa/sitemap.xml',
    ]);
    const second = sitemapXml(site, parts[1]!);
    expect(XMLValidator.validate(second)).toBe(true);
    expect(parser.parse(second).urlset.url).toHaveLength(all.length - SITEMAP_LIMIT);
  });

  it(`lists at most ${NEWS_LIMIT} stories of the last two days in the news sitemap`, () => {
    const site = withOutputs(deriveSite(stories(1500, 60_000), readBuildOptions({ MASTHEAD_NOW: NOW, MASTHEAD_EDITIONS: 'en' })));
    const urls = parser.parse(newsSitemapXml(site, 'en')).urlset.url;
    expect(urls).toHaveLength(NEWS_LIMIT);
    expect(urls[0].loc).toBe('https://meridian.example/en/2026/11/01/s0/');
  });

  it('keeps the two-day window relative to the build time, inclusive at its start', () => {
    const site = withOutputs(deriveSite(stories(60, HOUR), readBuildOptions({ MASTHEAD_NOW: NOW, MASTHEAD_EDITIONS: 'en' })));
    const urls = parser.parse(newsSitemapXml(site, 'en')).urlset.url;
    expect(urls).toHaveLength(48);
    expect(urls.at(-1)['news:news']['news:publication_date']).toBe('2026-11-26T00:00:00+00:00');
  });
});
