/**
 * One build, any origin (issue 19, ADR 020): the browser suite's site (the sample
 * content and its photo stories) served unchanged by a plain static server under a
 * random sub-path, as a mirror or a CDN bucket serves it, and at the root of a host, and
 * walked in Chromium from its root page by every link: zero failed requests, no request
 * outside the mount or to another origin, no link into the site that leads to a 404,
 * every page styled and every photo decoded, search answering with results whose links
 * work; a missing page's 404 styled at any depth; mirrors.json parsed.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EditionCode } from '../../src/editions/edition.ts';
import { buildFixture, type FixtureSite } from '../helpers/fixture-site.ts';
import { launchChromium, skipBrowser } from './chromium.ts';
import { qualityFixtureFiles, stories } from './quality-fixture.ts';
import { type StaticServer, startStaticServer } from './static-server.ts';

const EDITIONS: EditionCode[] = ['en', 'ru', 'fa'];
const MOUNTS = [`/m-${randomBytes(3).toString('hex')}/`, '/'];

/** What a page was found to do wrong, or to link to that does not exist. */
interface Crawl {
  pages: string[];
  files: string[];
  problems: string[];
}

let site: FixtureSite;
let browser: Browser;

beforeAll(async () => {
  site = await buildFixture(await qualityFixtureFiles());
  if (site.code !== 0) throw new Error(`the fixture site did not build:\n${site.stderr}`);
  if (!skipBrowser) browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** Every request a page makes, as problems: failed, an error status, outside the mount or the origin. */
function watch(page: Page, origin: string, mount: string, problems: string[], isExpected404: (url: string) => boolean): void {
  const at = () => page.url();
  page.on('requestfailed', (r) => problems.push(`${at()}: request failed: ${r.url()} (${r.failure()?.errorText})`));
  page.on('request', (r) => {
    const url = r.url();
    if (url.startsWith('data:') || url === `${origin}/favicon.ico`) return;
    if (!url.startsWith(origin + mount)) problems.push(`${at()}: request outside the site at ${origin}${mount}: ${url}`);
  });
  page.on('response', (r) => {
    const url = r.url();
    if (r.status() >= 400 && url !== `${origin}/favicon.ico` && !isExpected404(url)) problems.push(`${at()}: ${r.status()} for ${url}`);
  });
  page.on('pageerror', (e) => problems.push(`${at()}: uncaught ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of 404/.test(m.text())) problems.push(`${at()}: console: ${m.text()}`);
  });
}

/** Styled, every image decoded; the page's links and the URLs it names for the site. */
async function inspect(page: Page): Promise<{ styled: boolean; brokenImages: string[]; links: string[] }> {
  return page.evaluate(async () => {
    for (const img of document.images) img.loading = 'eager';
    await Promise.all([...document.images].map((img) => img.decode().catch(() => undefined)));
    const styled = [...document.styleSheets].some((s) => s.href !== null && s.cssRules.length > 20);
    const brokenImages = [...document.images].filter((img) => !img.complete || img.naturalWidth === 0).map((img) => img.currentSrc || img.src);
    const links = [...document.querySelectorAll<HTMLAnchorElement | HTMLLinkElement>('a[href], link[href]')]
      // Canonical and hreflang alternates name the main site, by design.
      .filter((el) => el.tagName !== 'LINK' || !(/\bcanonical\b/.test(el.getAttribute('rel') ?? '') || el.hasAttribute('hreflang')))
      .map((el) => el.href);
    return { styled, brokenImages, links };
  });
}

/** Breadth-first from the root page, in a few tabs at once. */
async function crawl(context: BrowserContext, origin: string, mount: string): Promise<Crawl> {
  const problems: string[] = [];
  const root = origin + mount;
  const queue = [root];
  const seen = new Set(queue);
  const pages: string[] = [];
  const files: string[] = [];
  let busy = 0;

  async function visit(page: Page, url: string): Promise<void> {
    const sitePath = decodeURI(`/${url.slice(root.length)}`);
    // Feeds, sitemaps, the stylesheet: fetched, not opened.
    if (/\.(xml|json|txt|css|js)$/.test(new URL(url).pathname)) {
      const response = await context.request.get(url);
      if (response.status() !== 200) problems.push(`${url}: ${response.status()}`);
      files.push(sitePath);
      return;
    }
    const response = await page.goto(url, { waitUntil: 'load' });
    if (response?.status() !== 200) {
      problems.push(`${url}: ${response?.status()}`);
      return;
    }
    pages.push(sitePath);
    const { styled, brokenImages, links } = await inspect(page);
    if (!styled) problems.push(`${url}: the stylesheet did not load`);
    for (const img of brokenImages) problems.push(`${url}: image not loaded: ${img}`);
    for (const link of links) {
      const target = new URL(link);
      if (target.origin !== origin) continue; // other sites, mirrors, the onion service, mailto:
      target.hash = '';
      target.search = '';
      if (!target.href.startsWith(root)) {
        problems.push(`${url}: link outside the site at ${root}: ${link}`);
        continue;
      }
      if (!seen.has(target.href)) {
        seen.add(target.href);
        queue.push(target.href);
      }
    }
  }

  const tab = async () => {
    const page = await context.newPage();
    watch(page, origin, mount, problems, () => false);
    for (;;) {
      const url = queue.shift();
      if (url === undefined) {
        if (busy === 0) break;
        await new Promise((next) => setTimeout(next, 10));
        continue;
      }
      busy++;
      try {
        await visit(page, url);
      } finally {
        busy--;
      }
    }
    await page.close();
  };
  await Promise.all([tab(), tab(), tab()]);
  return { pages: pages.sort(), files: files.sort(), problems: problems.sort() };
}

describe.skipIf(skipBrowser).each(MOUNTS)('the site served by a plain static server at %s', (mount) => {
  let server: StaticServer;
  let context: BrowserContext;
  let result: Crawl;
  const url = (sitePath: string) => server.origin + mount + sitePath.replace(/^\//, '');

  beforeAll(async () => {
    server = await startStaticServer(site.outDir, mount);
    context = await browser.newContext();
    result = await crawl(context, server.origin, mount);
  });

  afterAll(async () => {
    await context?.close();
    await server?.close();
  });

  it('walks every page from the root page by its links: nothing failed, nothing outside the mount, no link to a 404', () => {
    expect(result.problems).toEqual([]);
    // Every edition's pages were reached, the blocked-site help, photo stories and feeds among them.
    for (const edition of EDITIONS) {
      for (const p of [`/${edition}/`, `/${edition}/about/`, `/${edition}/access/`, `/${edition}/search/`]) expect(result.pages, p).toContain(p);
      expect(result.pages.some((p) => p.endsWith(`/${stories[edition].withPhoto}/`))).toBe(true);
      expect(result.files).toContain(`/${edition}/feed.xml`);
    }
    const built = builtPages(site.outDir).filter((p) => !/(^|\/)404\.html$/.test(p));
    // Every built page is reachable by links (redirect pages of aliases are reached by old addresses only).
    const unreached = built.filter((p) => !result.pages.includes(p) && !/<meta http-equiv="refresh"/.test(site.html(p)));
    expect(unreached).toEqual([]);
    expect(result.pages.length).toBeGreaterThan(100);
  });

  it.each(EDITIONS)('search in %s answers with results that open', async (edition) => {
    const problems: string[] = [];
    const page = await context.newPage();
    watch(page, server.origin, mount, problems, () => false);
    try {
      await page.goto(url(`/${edition}/search/`), { waitUntil: 'load' });
      await page.locator('input[type="search"]').first().fill(stories[edition].searchWord);
      const result = page.locator(`#search-results a[href*="/${stories[edition].withPhoto}/"]`).first();
      await result.waitFor({ timeout: 15_000 });
      const href = (await result.getAttribute('href')) ?? '';
      expect(href.startsWith(mount)).toBe(true);
      const response = await page.goto(new URL(href, page.url()).href, { waitUntil: 'load' });
      expect(response?.status()).toBe(200);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it.each([
    ['/en/no-such-story/', 'en'],
    ['/ru/2026/11/26/gone/', 'ru'],
    ['/fa/tag/x/y/', 'fa'],
    // Outside every edition, the root 404 knows the root only on the main site's path
    // (src/render/not-found-base.ts): on a mirror under a sub-path it may stay unstyled.
    ...(mount === '/'
      ? [
          ['/no-such-edition/x/', 'en'],
          ['/no-such-page.html', 'en'],
        ]
      : []),
  ])('answers %s with a styled 404 page whose links work', async (missing, lang) => {
    const problems: string[] = [];
    const page = await context.newPage();
    const requested = url(missing);
    watch(page, server.origin, mount, problems, (u) => u === requested);
    try {
      const response = await page.goto(requested, { waitUntil: 'load' });
      expect(response?.status()).toBe(404);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      const { styled, brokenImages, links } = await inspect(page);
      expect(styled).toBe(true);
      expect(brokenImages).toEqual([]);
      // Skip links lead to this page itself.
      const inSite = links.filter((l) => new URL(l).origin === server.origin && l.split('#')[0] !== requested);
      expect(inSite.length).toBeGreaterThan(0);
      for (const link of inSite) {
        expect(link.startsWith(server.origin + mount), link).toBe(true);
        const status = (await context.request.get(link.split('#')[0]!)).status();
        expect(status, link).toBe(200);
      }
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('serves mirrors.json in the bypass-mirrors v2 format', async () => {
    const response = await context.request.get(url('/mirrors.json'));
    expect(response.status()).toBe(200);
    const list = JSON.parse(await response.text());
    expect(list.version).toBe('2.0');
    expect(list.sites).toHaveLength(3);
    for (const s of list.sites) {
      expect(s.main_domain).toBe('meridian.example');
      for (const a of s.available_alternatives) {
        expect(Object.keys(a).sort()).toEqual(['created_at', 'proto', 'type', 'updated_at', 'url']);
        expect(new URL(a.url).protocol).toBe(a.proto === 'tor' ? 'http:' : 'https:');
      }
    }
  });
});

/** Site paths of the built HTML pages ("/en/", "/en/404.html"), search bundles aside. */
function builtPages(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((e) => {
    if (e.isDirectory()) return e.name.includes('pagefind') ? [] : builtPages(dir, `${prefix}${e.name}/`);
    if (!e.name.endsWith('.html')) return [];
    return [`/${prefix}${e.name === 'index.html' ? '' : e.name}`];
  });
}
