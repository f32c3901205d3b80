/**
 * The site as a host serves it: built with a path prefix (a GitHub Pages project
 * site), link-checked as mounted at /news/, its `_headers` checked rule by rule, and
 * every page loaded in Chromium through `npm run preview` under the production
 * headers, with no Content-Security-Policy violation anywhere.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtPrefix, type RunningPreview, startPreview } from '../../src/cli/preview.ts';
import { HOST_FILES } from '../../src/outputs/headers.ts';
import { headersFor, type ParsedHeaderRule, parseHeadersFile, parseRedirectsFile } from '../../src/preview/host-rules.ts';
import { NOT_FOUND_BASE_HASH } from '../../src/render/not-found-base.ts';
import { launchChromium, skipBrowser } from '../browser/chromium.ts';
import { article, buildFixture, type FixtureSite, jpeg } from '../helpers/fixture-site.ts';
import { checkSiteLinks } from './site-links.ts';

const PREFIX = '/news/';
const BASE = 'https://news.example';

let site: FixtureSite;
let rules: ParsedHeaderRule[];
/** The link check of the built site, run once (several tests read it). */
let links: ReturnType<typeof checkSiteLinks>;

beforeAll(async () => {
  site = await buildFixture(
    {
      'content/en/2026/11/harbour-lights.md': article(
        `
headline: Harbour lights return
date: 2026-11-26T09:30
byline: [Petra Lind]
breaking: true
aliases: [/en/old/harbour-lights/]
section: culture
tags: [harbour, heritage]
summary: The lighthouse is lit again.
photo:
  src: harbour.jpg
  alt: A lighthouse at dusk
  caption: The lighthouse on Thursday
`,
        'The lamp was switched on.\n\n## Who paid\n\nResidents did. [Earlier story](/en/2026/11/25/tram-night/)',
      ),
      'content/en/2026/11/harbour.jpg': await jpeg(1200, 800),
      'content/en/2026/11/tram-night.md': article('headline: Night trams extended\ndate: 2026-11-25T21:00\nsection: news\ntags: [transport]'),
      'content/ru/2026/11/mayak.md': article(
        'headline: Маяк снова горит\ndate: 2026-11-26T10:00\nbyline: Анна Петрова\nphoto:\n  src: mayak.jpg\n  alt: Маяк в сумерках',
        'Текст новости.',
      ),
      'content/ru/2026/11/mayak.jpg': await jpeg(800, 1200, '#7a4a3c'),
      'content/fa/2026/11/fanus.md': article('headline: فانوس دوباره روشن شد\ndate: 2026-11-26T11:00\ntags: [بندر]', 'متن خبر.'),
    },
    { args: ['--pathprefix', PREFIX, '--base-url', BASE] },
  );
  expect(site.stderr).toBe('');
  expect(site.code).toBe(0);
  rules = parseHeadersFile(readFileSync(path.join(site.outDir, '_headers'), 'utf8'));
  links = checkSiteLinks(site.outDir, BASE, PREFIX);
});

describe('under a path prefix', () => {
  it('every link, image, stylesheet, feed and sitemap URL resolves to a built file under /news/', () => {
    const report = links;
    expect(report.problems).toEqual([]);
    // Enough was checked to mean something: pages, feeds and sitemaps all carry links.
    const pages = report.files.filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(8);
    expect(report.counts.html).toBeGreaterThan(pages.length * 5);
    expect(report.counts.absolute).toBeGreaterThan(pages.length);
    expect(report.counts.fragments).toBeGreaterThanOrEqual(pages.length);
  });

  it('every _redirects rule is under the prefix and leads to a built page', () => {
    const redirects = parseRedirectsFile(readFileSync(path.join(site.outDir, '_redirects'), 'utf8'));
    expect(redirects.map((r) => [r.from, r.to, r.status])).toEqual([['/news/en/old/harbour-lights/', '/news/en/2026/11/26/harbour-lights/', 301]]);
    for (const r of redirects) expect(links.files).toContain(`${r.to.slice(PREFIX.length)}index.html`);
  });

  it('links an editor wrote as site paths in a story are written relative to the page, so they hold under the prefix', () => {
    const body = site.page('/en/2026/11/26/harbour-lights/').querySelector('.story-body a')?.getAttribute('href') ?? '';
    expect(body).toBe('../../../../../en/2026/11/25/tram-night/');
    expect(new URL(body, `${BASE}${PREFIX}en/2026/11/26/harbour-lights/`).href).toBe(`${BASE}${PREFIX}en/2026/11/25/tram-night/`);
  });

  it('the link checker catches a link that ignores the prefix (so a clean report means something)', () => {
    const copy = mkdtempSync(path.join(tmpdir(), 'masthead-links-'));
    mkdirSync(path.join(copy, 'en'));
    writeFileSync(path.join(copy, 'en/index.html'), '<a href="../../en/">x</a><img src="missing.jpg" alt=""><a href="/news/en/">z</a><a href="#nowhere">y</a>');
    writeFileSync(path.join(copy, 'sitemap.xml'), `<urlset><url><loc>${BASE}/en/</loc></url></urlset>`);
    const { problems } = checkSiteLinks(copy, BASE, PREFIX);
    expect(problems.sort()).toEqual([
      "/en/: broken link ../../en/ (href) is outside the site's path prefix /news/",
      '/en/: broken link /news/en/ (href) is root-relative: it breaks on a mirror and under any other path; write it relative to the page (src/site/urls.ts)',
      '/en/: broken link missing.jpg (src) leads to no file',
      'en/index.html: #nowhere names no id on en/index.html',
      `sitemap.xml: ${BASE}/en/ is outside the path prefix /news/`,
    ]);
  });
});

describe('fingerprinted assets', () => {
  it('links the stylesheet under a name carrying a hash of its bytes, and publishes no unhashed copy', () => {
    const css = site.page('/en/').querySelector('link[rel="stylesheet"]')?.getAttribute('href') ?? '';
    expect(css).toMatch(/^\.\.\/assets\/masthead\.[0-9a-f]{10}\.css$/);
    const hash = createHash('sha256')
      .update(readFileSync(path.join(site.outDir, 'en', css)))
      .digest('hex')
      .slice(0, 10);
    expect(css).toContain(`.${hash}.css`);
    expect(site.has('/assets/masthead.css')).toBe(false);
  });

  it('serves every stylesheet, script and image from a folder whose files are named by content', () => {
    const files = links.files.filter((f) => /\.(css|js|jpe?g|png|webp|avif|svg|woff2?)$/.test(f));
    const outside = files.filter((f) => !/^(assets|media)\//.test(f) && !/^[a-z]{2}\/pagefind\//.test(f));
    expect(outside).toEqual([]);
    const unhashed = files.filter((f) => /^(assets|media)\//.test(f) && !/[0-9a-f]{10}/.test(f));
    expect(unhashed).toEqual([]);
  });
});

describe('_headers', () => {
  const built = () => links.files.filter((f) => !HOST_FILES.has(f));

  it('gives every built file the security headers and exactly one Cache-Control, with no header set by two rules', () => {
    for (const file of built()) {
      const urlPath = PREFIX + file.replace(/(^|\/)index\.html$/, '$1');
      const { headers, conflicts } = headersFor(rules, urlPath);
      expect(conflicts, urlPath).toEqual([]);
      for (const name of ['Content-Security-Policy', 'Strict-Transport-Security', 'X-Content-Type-Options', 'Referrer-Policy', 'Permissions-Policy']) {
        expect(headers.get(name), `${name} on ${urlPath}`).toBeTruthy();
      }
      expect(headers.get('Cache-Control'), urlPath).toMatch(/^public, max-age=\d+/);
    }
  });

  it.each([
    ['a fingerprinted stylesheet', 'assets/masthead.0123456789.css', 'public, max-age=31536000, immutable'],
    ['a photo', 'media/0123456789abcdef.jpg', 'public, max-age=31536000, immutable'],
    ['an edition home page', 'en/', 'public, max-age=300'],
    ['an article', 'en/2026/11/26/harbour-lights/', 'public, max-age=300'],
    ['a feed', 'en/feed.xml', 'public, max-age=300'],
    ['the search index entry', 'en/pagefind/pagefind.js', 'public, max-age=300'],
  ])('caches %s with %s', (_name, file, expected) => {
    expect(headersFor(rules, PREFIX + file).headers.get('Cache-Control')).toBe(expected);
  });

  it('tells `npm run preview` the prefix the site was built with', () => {
    expect(builtPrefix(readFileSync(path.join(site.outDir, '_headers'), 'utf8'))).toBe(PREFIX);
  });

  it("has a strict Content-Security-Policy: same origin only, no inline script or style but the not-found pages' base script, by its hash", () => {
    const csp = headersFor(rules, `${PREFIX}en/`).headers.get('Content-Security-Policy') ?? '';
    const directives = new Map(
      csp.split(';').map((d) => {
        const [name = '', ...values] = d.trim().split(/\s+/);
        return [name, values];
      }),
    );
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'", NOT_FOUND_BASE_HASH]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'self'"]);
    expect(csp).not.toMatch(/'unsafe-inline'|'unsafe-eval'|'unsafe-hashes'|https?:|\*/);
  });
});

describe.skipIf(skipBrowser)('Content-Security-Policy in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let preview: RunningPreview;

  const RECORD_VIOLATIONS = `window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline')));`;
  // Lazy images below the fold would never load (and never be checked) without this.
  const LOAD_EVERYTHING = `Promise.all([...document.images].map((img) => { img.loading = 'eager'; return img.decode().catch(() => undefined); }))
    .then(() => window.__violations)`;

  /**
   * Loads a page under the preview server's headers and returns every complaint: CSP
   * violation events, and any console error or uncaught exception, because a blocked
   * script, style or WebAssembly module often shows only as the error it causes (a
   * Pagefind worker refused WebAssembly logs "Failed to load the Pagefind WASM", and
   * the document sees no violation event). The browser's own /favicon.ico request and
   * the 404 status of a not-found page are not complaints.
   */
  async function visit(url: string): Promise<{ status: number; csp: string; complaints: string[] }> {
    const complaints: string[] = [];
    const origin = new URL(url).origin;
    const onConsole = (m: ConsoleMessage) => {
      if (m.type() !== 'error') return;
      const at = m.location().url;
      if (at === `${origin}/favicon.ico` || (at === url && /status of 404/.test(m.text()))) return;
      complaints.push(`console: ${m.text()} (${at})`);
    };
    const onError = (e: Error) => complaints.push(`uncaught: ${e.message}`);
    page.on('console', onConsole);
    page.on('pageerror', onError);
    const response = await page.goto(url, { waitUntil: 'load' });
    complaints.push(...((await page.evaluate(LOAD_EVERYTHING)) as string[]));
    const search = page.locator('input[type="search"]').first();
    if (await search.count()) {
      await search.fill('harbour');
      await search.press('Enter');
      await page.waitForLoadState('networkidle');
      complaints.push(...((await page.evaluate('window.__violations')) as string[]));
    }
    page.off('console', onConsole);
    page.off('pageerror', onError);
    return { status: response?.status() ?? 0, csp: response?.headers()['content-security-policy'] ?? '', complaints: [...new Set(complaints)] };
  }

  beforeAll(async () => {
    preview = await startPreview(site.outDir, PREFIX, 0);
    browser = await launchChromium();
    const context = await browser.newContext();
    await context.addInitScript(RECORD_VIOLATIONS);
    // One tab for every page: a new tab per page costs about a second here.
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    preview?.server.closeAllConnections();
    await new Promise((done) => preview?.server.close(done));
  });

  it('blocks nothing on any page of the site, served with the production headers', async () => {
    const pages = links.files.filter((f) => f.endsWith('.html'));
    const blocked: string[] = [];
    for (const file of pages) {
      const url = preview.url + file.replace(/(^|\/)index\.html$/, '$1');
      const { status, csp, complaints } = await visit(url);
      expect(status, url).toBe(200);
      expect(csp, `${url} was served without the policy`).toContain("default-src 'self'");
      blocked.push(...complaints.map((c) => `${file}: ${c}`));
    }
    expect(blocked).toEqual([]);
  });

  it('blocks nothing on a missing page (the 404 response)', async () => {
    const { status, csp, complaints } = await visit(`${preview.url}en/no-such-story/`);
    expect(status).toBe(404);
    expect(csp).toContain("default-src 'self'");
    expect(complaints).toEqual([]);
  });

  it('does report violations when a page breaks the policy (so "none" above means none)', async () => {
    const canary = mkdtempSync(path.join(tmpdir(), 'masthead-csp-'));
    copyFileSync(path.join(site.outDir, '_headers'), path.join(canary, '_headers'));
    writeFileSync(
      path.join(canary, 'index.html'),
      '<!DOCTYPE html><html lang="en"><title>canary</title><style>p{color:red}</style><p style="color:blue">x</p><script>window.ran = 1</script><img src="https://elsewhere.example/x.png" alt="">',
    );
    const other = await startPreview(canary, PREFIX, 0);
    try {
      const { complaints } = await visit(other.url);
      expect(complaints.join('\n')).toMatch(/script-src/);
      expect(complaints.join('\n')).toMatch(/style-src/);
      expect(complaints.join('\n')).toMatch(/img-src/);
    } finally {
      other.server.closeAllConnections();
      await new Promise((done) => other.server.close(done));
    }
  });
});
