/**
 * Quality gates in a real browser (issue 6): every page type in every edition, opened
 * in one Chromium for the whole suite, served over HTTP from 127.0.0.1 by a tiny static
 * server, checked with axe, the keyboard, layout measurements and network watching;
 * plus HTML validity of every built page and the page-weight and loading budgets.
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EditionCode } from '../../src/editions/edition.ts';
import { editions } from '../../src/editions/registry.ts';
import { NOT_FOUND_BASE_SCRIPT } from '../../src/render/not-found-base.ts';
import { buildFixture, type FixtureSite, repoRoot } from '../helpers/fixture-site.ts';
import { BROKEN_ORIGIN, serveBrokenPage } from './broken-page.ts';
import {
  ARTICLE_BUDGET_BYTES,
  articleFiles,
  blockingMarkup,
  delayImages,
  layoutShiftsWhileImagesLoad,
  pageWeight,
  RECORD_LAYOUT_SHIFTS,
  renderBlocking,
} from './budgets.ts';
import { launchChromium, skipBrowser } from './chromium.ts';
import { axeViolations, directionProblems, horizontalScroll, keyboardProblems, lineLengths, scriptsOnPage } from './page-checks.ts';
import { PAGE_KINDS, type PageKind, resolvePage } from './page-types.ts';
import { qualityFixtureFiles, stories } from './quality-fixture.ts';
import { screenshotPage } from './screenshots.ts';
import { openSession, SessionPool } from './session.ts';
import { type StaticServer, startStaticServer } from './static-server.ts';
import { htmlFiles, runHtmlValidate, runVnu } from './validators.ts';

const EDITIONS: EditionCode[] = ['en', 'ru', 'fa'];
if (skipBrowser) console.warn('MASTHEAD_SKIP_BROWSER=1: the Chromium tests are skipped on this machine (never in CI).');
/** Characters per line above which body text gets hard to read. */
const MAX_LINE_CHARS = 90;

/** Invalid on purpose, checked beside the site (outside _site/) to prove the validators report errors. */
const INVALID_HTML =
  '<!DOCTYPE html>\n<html lang="en"><head><title>Invalid</title></head><body><p><div>Block in a paragraph</div></p><img src="x.png"></body></html>\n';
const invalidPage = () => path.join(site.dir, 'invalid.html');

let site: FixtureSite;
let server: StaticServer;
let vnu: Promise<{ errors: string[] } | { failure: Error }>;

beforeAll(async () => {
  site = await buildFixture(await qualityFixtureFiles());
  if (site.code !== 0) throw new Error(`the fixture site did not build:\n${site.stderr}`);
  // The Nu checker is a JVM start plus a few seconds: let it run while the browser works.
  writeFileSync(invalidPage(), INVALID_HTML);
  vnu = runVnu(site.outDir, [invalidPage()]).then(
    (errors) => ({ errors }),
    (failure: Error) => ({ failure }),
  );
  server = await startStaticServer(site.outDir);
});

afterAll(async () => {
  await server?.close();
  if (site) rmSync(site.dir, { recursive: true, force: true });
});

describe.skipIf(skipBrowser)('in Chromium', () => {
  let browser: Browser;
  let pool: SessionPool;
  const url = (sitePath: string) => server.origin + encodeURI(sitePath);

  let launchError: unknown;
  beforeAll(async () => {
    try {
      browser = await launchChromium();
      pool = new SessionPool(browser, server.origin);
    } catch (error) {
      launchError = error;
    }
  });
  // Every browser test fails with the reason (a failing beforeAll would only mark them skipped).
  beforeEach(() => {
    if (launchError) throw launchError;
  });
  afterAll(async () => {
    await pool?.close();
    await browser?.close();
  });

  const cases: { name: string; edition?: EditionCode; kind: PageKind }[] = [
    ...EDITIONS.flatMap((edition) => PAGE_KINDS.map((kind) => ({ name: `${edition} ${kind}`, edition, kind }))),
    { name: 'en article with edge cases', edition: 'en', kind: 'article with edge cases' },
    { name: 'root page (editions)', kind: 'root page' },
    { name: 'root 404', kind: 'root 404' },
  ];

  describe.concurrent('every page type in every edition', () => {
    it.for(cases.map((c) => [c.name, c] as const))('%s: axe, keyboard, network, layout, no JavaScript', async ([, { edition, kind }], { expect }) => {
      const ref = resolvePage(site, edition, kind);
      const problems: Record<string, string[]> = { axe: [], keyboard: [], network: [], layout: [], direction: [], javascript: [] };
      // Loaded once at 1280 px, then narrowed to a phone's 360 px (the CSS reflows the same
      // as on a fresh load; the keyboard walk starts again from the top).
      const s = await pool.acquire(ref.status);
      try {
        const response = await s.page.goto(url(ref.path), { waitUntil: 'load' });
        expect(response?.status(), `HTTP status of ${ref.path}`).toBe(ref.status);
        if (kind === 'search') await s.page.waitForLoadState('networkidle');
        for (const width of [1280, 360]) {
          if (width !== 1280) await s.page.setViewportSize({ width, height: 800 });
          // axe costs more than everything else here together: every page at the phone width
          // (tightest targets, most readers), articles at the desktop width too.
          if (width === 360 || kind.startsWith('article')) {
            problems.axe!.push(...(await axeViolations(s.page)).map((v) => `at ${width} px: ${v}`));
          }
          if (width === 1280) {
            const long = (await lineLengths(s.page)).filter((l) => l.charsPerLine > MAX_LINE_CHARS);
            problems.layout!.push(...long.map((l) => `at 1280 px "${l.text}…" runs ${l.charsPerLine} characters per line (${l.widthCh}ch wide)`));
            // The root pages mix the three languages; each edition link carries its own dir.
            if (edition) problems.direction!.push(...(await directionProblems(s.page, editions[edition].dir)));
            const js = await scriptsOnPage(s.page);
            if (kind === 'search') {
              if (!js.length) problems.javascript!.push('the search page has no script to search with');
            } else if (kind === '404' || kind === 'root 404') {
              // Only their base script, inline (ADR 020).
              problems.javascript!.push(...js.filter((j) => j !== 'script inline'));
              const inline = (await s.page.evaluate('[...document.scripts].map((s) => s.textContent)')) as string[];
              problems.javascript!.push(...inline.filter((t) => t !== NOT_FOUND_BASE_SCRIPT).map(() => 'an inline script other than the base script'));
            } else problems.javascript!.push(...js);
          } else {
            problems.layout!.push(...(await horizontalScroll(s.page)));
          }
          problems.keyboard!.push(...(await keyboardProblems(s.page, width)));
        }
        if (kind !== 'search') {
          problems.javascript!.push(...s.requests.filter((r) => r.resourceType() === 'script').map((r) => `loads script ${r.url()}`));
        }
        problems.network!.push(...s.problems);
      } finally {
        pool.release(s);
      }
      for (const [check, list] of Object.entries(problems)) expect.soft(list, `${check} problems on ${ref.path}`).toEqual([]);
    });
  });

  describe.concurrent('search', () => {
    it.for(EDITIONS)('%s: finds a story by a word from its body', async (edition, { expect }) => {
      const { withPhoto, searchWord } = stories[edition];
      const s = await openSession(browser, server.origin, { width: 1280 });
      try {
        await s.page.goto(url(`/${edition}/search/`), { waitUntil: 'load' });
        const box = s.page.locator('input[type="search"], main input[type="text"]').first();
        await box.fill(searchWord, { timeout: 10_000 });
        await expect
          .poll(() => s.page.locator(`main a[href*="/${withPhoto}/"]`).count(), { timeout: 15_000, message: `a result linking to ${withPhoto}` })
          .toBeGreaterThan(0);
        expect(s.problems).toEqual([]);
      } finally {
        await s.close();
      }
    });
  });

  describe.concurrent('loading budgets', () => {
    const loadCases = EDITIONS.flatMap((e) => (['article with photo', 'front page'] as PageKind[]).map((k) => [e, k] as const));
    it.for(loadCases)(
      '%s %s: only the stylesheet blocks rendering; no layout shift while images load (360 and 1280 px)',
      async ([edition, kind], { expect }) => {
        const ref = resolvePage(site, edition, kind);
        const s = await openSession(browser, server.origin, { width: 360, height: 800 });
        try {
          await s.context.addInitScript(RECORD_LAYOUT_SHIFTS);
          await delayImages(s.context, 300);
          for (const width of [360, 1280]) {
            await s.page.setViewportSize({ width, height: width === 360 ? 800 : 900 });
            await s.page.goto(url(ref.path), { waitUntil: 'domcontentloaded' });
            const { cls, shifts, notLoaded } = await layoutShiftsWhileImagesLoad(s.page);
            expect.soft(notLoaded, `images that never loaded at ${width} px`).toEqual([]);
            expect.soft(shifts, `layout shifts at ${width} px (value, shifted nodes)`).toEqual([]);
            expect.soft(cls, `CLS at ${width} px`).toBe(0);
            expect(await s.page.evaluate('document.images.length')).toBeGreaterThan(0);
            const stylesheets = (await s.page.evaluate(`[...document.querySelectorAll('link[rel~="stylesheet"]')].map((l) => l.href)`)) as string[];
            expect(stylesheets).toHaveLength(1);
            expect(await renderBlocking(s.page), `render-blocking requests at ${width} px`).toEqual(stylesheets);
          }
          expect(s.problems).toEqual([]);
        } finally {
          await s.close();
        }
      },
    );
  });

  describe.concurrent('the checks themselves catch a broken page', () => {
    it('at 1280 px: axe, keyboard, line length, direction, scripts, console, network, layout shift', async ({ expect }) => {
      const s = await openSession(browser, BROKEN_ORIGIN, { width: 1280 });
      try {
        await s.context.addInitScript(RECORD_LAYOUT_SHIFTS);
        await s.page.goto(await serveBrokenPage(s.context, 300), { waitUntil: 'domcontentloaded' });
        expect((await layoutShiftsWhileImagesLoad(s.page)).cls).toBeGreaterThan(0);
        const axe = (await axeViolations(s.page)).join('\n');
        expect(axe).toMatch(/^link-name|^image-alt/m);
        expect(axe).toMatch(/^color-contrast/m);
        expect((await lineLengths(s.page)).some((l) => l.charsPerLine > MAX_LINE_CHARS)).toBe(true);
        expect(await directionProblems(s.page, 'rtl')).not.toEqual([]);
        expect(await scriptsOnPage(s.page)).toEqual(['script inline']);
        const network = s.problems.join('\n');
        expect(network).toMatch(/console error: boom/);
        expect(network).toMatch(/HTTP 404 for http:\/\/127\.0\.0\.1:9\/missing\.css/);
        expect(network).toMatch(/request leaving 127\.0\.0\.1: https:\/\/tracker\.example\/pixel\.gif/);
        await s.page.evaluate('window.scrollTo(0, 0)');
        const keyboard = (await keyboardProblems(s.page, 1280)).join('\n');
        expect(keyboard).toMatch(/first Tab focuses a "A link under the banner", not a skip link/);
        expect(keyboard).toMatch(/is hidden under div\.banner/);
      } finally {
        await s.close();
      }
    });

    it('at 360 px: sideways scrolling', async ({ expect }) => {
      const s = await openSession(browser, BROKEN_ORIGIN, { width: 360 });
      try {
        await s.page.goto(await serveBrokenPage(s.context, 0), { waitUntil: 'load' });
        expect((await horizontalScroll(s.page)).join('\n')).toMatch(/scrolls sideways at 360 px: content is 9\d\d px wide/);
      } finally {
        await s.close();
      }
    });
  });

  it.concurrent('writes screenshots of an article in each edition at phone and desktop widths', async ({ expect }) => {
    const dir = path.join(repoRoot, 'test-results/screenshots');
    const files = (
      await Promise.all(EDITIONS.map((e) => screenshotPage(browser, url(resolvePage(site, e, 'article with photo').path), dir, `${e}-article`)))
    ).flat();
    expect(files.map((f) => path.basename(f))).toEqual(EDITIONS.flatMap((e) => [`${e}-article-phone.png`, `${e}-article-desktop.png`]));
  });
});

// After the browser tests in the file: the Nu checker runs in the background meanwhile.
describe('HTML validity of every built page', () => {
  it('the W3C Nu checker finds no errors (and does find them in a page invalid on purpose)', async () => {
    const result = await vnu;
    if ('failure' in result) throw result.failure;
    expect(htmlFiles(site.outDir).length).toBeGreaterThan(20);
    const planted = (e: string) => e.startsWith('../invalid.html:');
    expect(
      result.errors.filter((e) => !planted(e)),
      'vnu errors',
    ).toEqual([]);
    expect(result.errors.filter(planted).length).toBeGreaterThanOrEqual(2);
  });

  it('html-validate finds no errors (and does find them in a page invalid on purpose)', async () => {
    expect(await runHtmlValidate(site.outDir), 'html-validate errors').toEqual([]);
    expect((await runHtmlValidate(site.outDir, [invalidPage()])).join('\n')).toMatch(/wcag\/h37|element-permitted-content|close-order/);
  });
});

describe('budgets in the built output', () => {
  it(`every article page is at most ${ARTICLE_BUDGET_BYTES / 1024} KB of HTML + CSS (images excluded)`, () => {
    const weights = articleFiles(site.outDir).map((f) => pageWeight(site.outDir, f));
    expect(weights.length).toBeGreaterThanOrEqual(EDITIONS.length * 2);
    const heaviest = [...weights].sort((a, b) => b.total - a.total).slice(0, 3);
    console.log(`heaviest article pages (HTML + CSS bytes): ${heaviest.map((w) => `${w.path} ${w.html} + ${w.css} = ${w.total}`).join('; ')}`);
    expect(weights.filter((w) => w.total > ARTICLE_BUDGET_BYTES)).toEqual([]);
  });

  it('no page has anything render-blocking in its markup besides the one stylesheet', () => {
    const problems = htmlFiles(site.outDir).flatMap((f) => blockingMarkup(site.html(`/${path.relative(site.outDir, f)}`)).map((p) => `${f}: ${p}`));
    expect(problems).toEqual([]);
  });
});
