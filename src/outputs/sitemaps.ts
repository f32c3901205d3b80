/**
 * What crawlers read, computed once per build: a sitemap index at /sitemap.xml naming
 * each edition's sitemap (/<ed>/sitemap.xml, then /<ed>/sitemap-2.xml … every
 * SITEMAP_LIMIT URLs), a Google News sitemap per edition with the stories of the two
 * days before the build's "now", and robots.txt naming them. Every URL listed is a page
 * this build writes: the edition front page, about, "If this site is blocked", every listing page, every story.
 */

import type { Build } from '../build/build.ts';
import type { Article } from '../content/article.ts';
import type { EditionCode } from '../editions/edition.ts';
import { editions } from '../editions/registry.ts';
import type { Site } from '../site/derive.ts';
import { isEmbargoed, isPublic, NEWS_WINDOW_MS } from '../site/published.ts';
import { accessPath } from '../site/slugs.ts';
import { machineUrl } from '../site/urls.ts';
import { xml, xmlDocument } from './xml.ts';

export const SITEMAP_LIMIT = 50_000;
export const NEWS_LIMIT = 1_000;

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';

export interface SitemapUrl {
  /** Site path, decoded, without the path prefix. */
  path: string;
  lastmod: string | undefined;
}

export interface SitemapPart {
  edition: EditionCode;
  path: string;
  urls: SitemapUrl[];
  lastmod: string | undefined;
}

export const sitemapIndexPath = '/sitemap.xml';
export const newsSitemapPath = (code: EditionCode) => `/${code}/news-sitemap.xml`;
export const sitemapPartPath = (code: EditionCode, n: number) => (n <= 1 ? `/${code}/sitemap.xml` : `/${code}/sitemap-${n}.xml`);

const latest = (dates: readonly (string | undefined)[]): string | undefined =>
  dates.reduce<string | undefined>((max, d) => (d && (!max || Date.parse(d) > Date.parse(max)) ? d : max), undefined);

const newestModified = (articles: readonly Article[]) => latest(articles.map((a) => a.modified));

function editionUrls(site: Site, code: EditionCode): SitemapUrl[] {
  const stories = (site.listings.byEdition[code] ?? []).filter(isPublic);
  return [
    { path: `/${code}/`, lastmod: newestModified(stories) },
    { path: `/${code}/about/`, lastmod: undefined },
    { path: accessPath(code), lastmod: undefined },
    ...site.listings.pages.filter((p) => p.edition === code).map((p) => ({ path: p.url, lastmod: newestModified(p.articles) })),
    ...stories.map((a) => ({ path: a.url, lastmod: a.modified })),
  ];
}

export function sitemapsOf(site: Site): SitemapPart[] {
  return site.options.editions.flatMap((code) => {
    const urls = editionUrls(site, code);
    const parts: SitemapPart[] = [];
    for (let i = 0; i === 0 || i < urls.length; i += SITEMAP_LIMIT) {
      const chunk = urls.slice(i, i + SITEMAP_LIMIT);
      parts.push({ edition: code, path: sitemapPartPath(code, parts.length + 1), urls: chunk, lastmod: latest(chunk.map((u) => u.lastmod)) });
    }
    return parts;
  });
}

/** Stories published in the NEWS_WINDOW_MS before the build's "now", newest first. */
export function newsStoriesOf(site: Site): Map<EditionCode, Article[]> {
  const now = Date.parse(site.options.now);
  const result = new Map<EditionCode, Article[]>(site.options.editions.map((code) => [code, []]));
  for (const a of site.articles) {
    if (!isPublic(a) || isEmbargoed(a, now) || a.timestamp < now - NEWS_WINDOW_MS) continue;
    const list = result.get(a.edition);
    if (list && list.length < NEWS_LIMIT) list.push(a);
  }
  return result;
}

export function sitemapIndexXml(site: Pick<Build, 'options' | 'outputs'>): string {
  const entries = site.outputs.sitemaps.map(
    (part) => xml`
  <sitemap><loc>${machineUrl(site.options, part.path)}</loc>${part.lastmod ? xml`<lastmod>${part.lastmod}</lastmod>` : ''}</sitemap>`,
  );
  return xmlDocument(xml`<sitemapindex xmlns="${SITEMAP_NS}">${entries}
</sitemapindex>`);
}

export function sitemapXml(site: Pick<Build, 'options'>, part: SitemapPart): string {
  const entries = part.urls.map(
    (u) => xml`
  <url><loc>${machineUrl(site.options, u.path)}</loc>${u.lastmod ? xml`<lastmod>${u.lastmod}</lastmod>` : ''}</url>`,
  );
  return xmlDocument(xml`<urlset xmlns="${SITEMAP_NS}">${entries}
</urlset>`);
}

export function newsSitemapXml(site: Pick<Build, 'options' | 'outputs'>, code: EditionCode): string {
  const edition = editions[code];
  const entries = (site.outputs.newsStories.get(code) ?? []).map(
    (a) => xml`
  <url>
    <loc>${machineUrl(site.options, a.url)}</loc>
    <news:news>
      <news:publication><news:name>${edition.name}</news:name><news:language>${edition.lang}</news:language></news:publication>
      <news:publication_date>${a.date}</news:publication_date>
      <news:title>${a.headline}</news:title>
    </news:news>
  </url>`,
  );
  return xmlDocument(xml`<urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}">${entries}
</urlset>`);
}

/** robots.txt lives at the site root; under a path prefix, the host must serve it at /robots.txt. */
export function robotsTxt(site: Pick<Build, 'options'>): string {
  const sitemaps = [sitemapIndexPath, ...site.options.editions.map(newsSitemapPath)];
  return `User-agent: *\nAllow: /\n\n${sitemaps.map((p) => `Sitemap: ${machineUrl(site.options, p)}\n`).join('')}`;
}
