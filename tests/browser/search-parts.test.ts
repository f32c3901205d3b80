/**
 * The search index in parts (ADR 023) finds what one index of every story would: the
 * sample site and a generated corpus are built with the real CLI, then the same records
 * are indexed by Pagefind as one index per edition; in Chromium, the real search page
 * (typed into, as a reader does) must list the same stories in the same order and count
 * the same matches, for a table of queries: single words, whole headlines, words only
 * the oldest stories use, words no story uses.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as pagefind from 'pagefind';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/generate-corpus.ts';
import { prepareBuild } from '../../src/build/build.ts';
import { openCaches } from '../../src/build/caches.ts';
import { readBuildOptions } from '../../src/build/options.ts';
import type { Article } from '../../src/content/article.ts';
import type { EditionCode } from '../../src/editions/edition.ts';
import { searchRecords } from '../../src/search/search-index.ts';
import { searchParts } from '../../src/search/search-parts.ts';
import { repoRoot, runCli } from '../helpers/fixture-site.ts';
import { launchChromium, skipBrowser } from './chromium.ts';
import { type StaticServer, startStaticServer } from './static-server.ts';

const NOW = '2026-11-27T12:00Z';
const EDITIONS: EditionCode[] = ['en', 'ru', 'fa'];
/** Where the one index of every story is written, beside the site's own parts. */
const WHOLE = 'whole-index';

interface Site {
  name: string;
  outDir: string;
  server: StaticServer;
  queries: Record<EditionCode, string[]>;
  parts: Record<EditionCode, number>;
}

const words = (text: string) => text.toLowerCase().match(/\p{L}{4,}/gu) ?? [];

/** Queries that reach every part: common and rare words, whole headlines, words of the oldest part only, a word of none. */
function queriesFor(articles: Article[]): string[] {
  const parts = searchParts(articles);
  const newest = new Set(parts.at(-1)!.articles.flatMap((a) => words(`${a.headline} ${a.bodyHtml}`)));
  const oldestOnly = [...new Set(parts[0]!.articles.flatMap((a) => words(a.headline)))].filter((w) => !newest.has(w)).slice(0, 3);
  const headlines = parts.flatMap((p) => p.articles.filter((_, i) => i % Math.max(1, Math.floor(p.articles.length / 4)) === 0).map((a) => a.headline));
  const single = [...new Set(articles.filter((_, i) => i % 53 === 0).flatMap((a) => words(a.headline)))].slice(0, 12);
  const pairs = oldestOnly.map((w, i) => `${w} ${single[i] ?? ''}`.trim());
  return [...single, ...headlines.slice(0, 16), ...oldestOnly, ...pairs, 'zqxwvy'];
}

async function buildSite(name: string, contentDir: string): Promise<Site> {
  const outDir = path.join(work, `${name}-site`);
  const env = { MASTHEAD_BODY_CACHE: path.join(work, `${name}-bodies`), MASTHEAD_SEARCH_CACHE: path.join(work, `${name}-search`) };
  const built = await runCli('build', ['--content', contentDir, '--out', outDir, '--now', NOW, '--quiet'], env);
  expect(built.code, built.stderr).toBe(0);
  // The same stories and records as the build's, read in this process.
  const options = readBuildOptions({ MASTHEAD_CONTENT: contentDir, MASTHEAD_NOW: NOW, MASTHEAD_MODE: 'production' });
  const caches = openCaches(repoRoot, { ...process.env, ...env });
  const { build } = await prepareBuild({ rootDir: repoRoot, options, caches, fingerprintAssets: true, saveContent: false });
  if (!build) throw new Error(`${name}: the content did not load`);
  const queries = {} as Site['queries'];
  const parts = {} as Site['parts'];
  for (const code of EDITIONS) {
    const articles = build.pages.articles.filter((a) => a.edition === code);
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(errors.join('\n'));
    for (const record of searchRecords(articles, code, build.dates)) await index.addCustomRecord(record);
    await index.writeFiles({ outputPath: path.join(outDir, code, WHOLE) });
    queries[code] = queriesFor(articles);
    parts[code] = searchParts(articles).length;
  }
  return { name, outDir, server: await startStaticServer(outDir), queries, parts };
}

/**
 * What one index of every story lists, newest first, and how many it finds. The page's
 * script is a string: a function would reach the browser transformed for Node.
 */
const WHOLE_INDEX_SCRIPT = `async ({ url, queries }) => {
  const one = await import(url + 'pagefind.js');
  await one.options({ baseUrl: '/' });
  await one.init();
  const found = [];
  for (const q of queries) {
    const search = await one.search(q, { sort: { published: 'desc' } });
    const data = await Promise.all(search.results.slice(0, 20).map((r) => r.data()));
    found.push({ count: search.results.length, urls: data.map((d) => d.url) });
  }
  return found;
}`;

async function wholeIndex(page: Page, code: EditionCode, queries: string[]): Promise<{ count: number; urls: string[] }[]> {
  return page.evaluate(`(${WHOLE_INDEX_SCRIPT})(${JSON.stringify({ url: `/${code}/${WHOLE}/`, queries })})`);
}

/** What the search page lists for a query typed into it, and the count it reports. */
async function searchPage(page: Page, q: string) {
  await page.fill('input[type="search"]', q);
  await page.press('input[type="search"]', 'Enter');
  await page.waitForFunction((q) => document.getElementById('search-status')?.textContent?.includes(q), q);
  return page.evaluate(() => ({
    status: document.getElementById('search-status')!.textContent!,
    urls: [...document.querySelectorAll<HTMLAnchorElement>('#search-results h2 a')].map((a) => new URL(a.href).pathname),
  }));
}

let work: string;
let browser: Browser;
const sites: Site[] = [];

describe.skipIf(skipBrowser)('search in parts', () => {
  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), 'masthead-search-parts-'));
    const corpus = await generateCorpus({ count: 4000, seed: 1, out: path.join(work, 'corpus') });
    browser = await launchChromium();
    sites.push(await buildSite('sample', path.join(repoRoot, 'content')), await buildSite('corpus', corpus.contentDir));
    await pagefind.close();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    for (const site of sites) await site.server.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  // The bench corpus: 2,009 English stories, more than a part's most (src/search/search-parts.ts).
  it('the corpus is split: editions of more stories than a part holds have several parts', () => {
    const corpus = sites.find((s) => s.name === 'corpus')!;
    expect(corpus.parts.en).toBeGreaterThanOrEqual(2);
    expect(corpus.parts.ru).toBeGreaterThanOrEqual(2);
  });

  const cases = ['sample', 'corpus'].flatMap((name) => EDITIONS.map((code) => [name, code] as const));
  it.for(cases)('%s, %s: the search page lists what one index of every story lists, newest first, with the same count', async ([name, code]) => {
    const site = sites.find((s) => s.name === name)!;
    const queries = site.queries[code];
    const page = await browser.newPage();
    try {
      await page.goto(`${site.server.origin}/${code}/search/`);
      const expected = await wholeIndex(page, code, queries);
      const format = await page.evaluate(() => {
        const { locale, numberingSystem } = document.querySelector<HTMLFormElement>('form[data-pagefind-parts]')!.dataset;
        return { locale: locale!, numberingSystem: numberingSystem! };
      });
      const digits = new Intl.NumberFormat(format.locale, { numberingSystem: format.numberingSystem, useGrouping: false });
      let found = 0;
      for (const [i, q] of queries.entries()) {
        const shown = await searchPage(page, q);
        const whole = expected[i]!;
        expect.soft(shown.urls, `"${q}": stories listed`).toEqual(whole.urls);
        if (whole.count) expect.soft(shown.status, `"${q}": the count`).toContain(digits.format(whole.count));
        if (whole.count) found++;
      }
      // The table is worth something only if most queries find stories.
      expect(found).toBeGreaterThan(queries.length / 2);
    } finally {
      await page.close();
    }
  });
});
