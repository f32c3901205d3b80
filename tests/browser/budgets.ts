/**
 * Page-weight and loading budgets: bytes of an article page and its stylesheets as
 * built, render-blocking resources as Chromium classifies them, and the layout shift
 * caused by images arriving late.
 */

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import type { BrowserContext, Page } from 'playwright-core';
import { NOT_FOUND_BASE_SCRIPT } from '../../src/render/not-found-base.ts';

export const ARTICLE_BUDGET_BYTES = 30 * 1024;

export interface PageWeight {
  path: string;
  html: number;
  css: number;
  total: number;
}

/** Every article page in the build: /<ed>/<yyyy>/<mm>/<dd>/<slug>/index.html */
export function articleFiles(outDir: string): string[] {
  return readdirSync(outDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name === 'index.html')
    .map((e) => path.relative(outDir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .filter((p) => /^[a-z]{2}\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/.test(p))
    .sort();
}

/** HTML plus every stylesheet it links, uncompressed; images are not counted. */
export function pageWeight(outDir: string, file: string): PageWeight {
  const html = readFileSync(path.join(outDir, file), 'utf8');
  const { document } = parseHTML(html);
  let css = 0;
  for (const link of document.querySelectorAll('link[rel~="stylesheet"]')) {
    const href = decodeURI(link.getAttribute('href') ?? '').split(/[?#]/)[0] ?? '';
    // Relative to the page (ADR 020).
    css += statSync(path.join(outDir, path.dirname(file), href)).size;
  }
  const bytes = Buffer.byteLength(html);
  return { path: `/${file.replace(/index\.html$/, '')}`, html: bytes, css, total: bytes + css };
}

/** What in the page's HTML could block rendering besides stylesheets: classic scripts in head, CSS @import. */
export function blockingMarkup(html: string): string[] {
  const { document } = parseHTML(html);
  const problems: string[] = [];
  const sheets = document.querySelectorAll('link[rel~="stylesheet"]').length;
  if (sheets > 1) problems.push(`${sheets} stylesheets (one is the budget)`);
  for (const s of document.querySelectorAll('head script')) {
    const type = (s.getAttribute('type') ?? '').toLowerCase();
    if (type === 'application/ld+json' || type === 'module' || s.hasAttribute('async') || s.hasAttribute('defer')) continue;
    // The not-found pages' base script: inline, no request, it runs before anything loads (ADR 020).
    if (!s.hasAttribute('src') && s.textContent === NOT_FOUND_BASE_SCRIPT) continue;
    problems.push(`parser-blocking script in <head>: ${s.getAttribute('src') ?? 'inline'}`);
  }
  for (const st of document.querySelectorAll('style')) if (/@import/i.test(st.textContent ?? '')) problems.push('@import in a <style>');
  return problems;
}

/** Resources Chromium marked render-blocking while loading the page. */
export async function renderBlocking(page: Page): Promise<string[]> {
  return (await page.evaluate(`performance.getEntriesByType('resource').filter((e) => e.renderBlockingStatus === 'blocking').map((e) => e.name)`)) as string[];
}

/** Holds every image response back, so the page lays out before any image arrives. */
export async function delayImages(context: BrowserContext, ms: number): Promise<void> {
  await context.route(/\.(avif|webp|jpe?g|png|gif|svg)(\?|$)/i, async (route) => {
    try {
      const response = await route.fetch();
      const body = await response.body();
      await new Promise((r) => setTimeout(r, ms));
      await route.fulfill({ response, body });
    } catch {
      // The page dropped the request meanwhile (a srcset candidate replaced, the page closed).
    }
  });
}

/** Must be installed before navigation: sums layout shifts not caused by input. */
export const RECORD_LAYOUT_SHIFTS = `(() => {
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue;
      window.__shifts.push({ value: e.value, sources: (e.sources || []).map((s) => s.node ? s.node.nodeName + (s.node.className ? '.' + s.node.className : '') : '?') });
    }
  }).observe({ type: 'layout-shift', buffered: true });
})();`;

/**
 * Scrolls through the page so lazy images load too, waits for every image (bounded, so
 * an image that never arrives is reported rather than hanging), returns the shifts seen.
 */
export async function layoutShiftsWhileImagesLoad(page: Page): Promise<{ cls: number; shifts: string[]; notLoaded: string[] }> {
  return (await page.evaluate(`(async () => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight / 2) { window.scrollTo(0, y); await frame(); }
    const loaded = (img) => img.complete ? Promise.resolve() : new Promise((r) => { img.addEventListener('load', r, { once: true }); img.addEventListener('error', r, { once: true }); });
    const bound = new Promise((r) => setTimeout(r, 20000));
    await Promise.race([Promise.all([...document.images].map(loaded)), bound]);
    await frame();
    const shifts = window.__shifts || [];
    return {
      cls: shifts.reduce((sum, s) => sum + s.value, 0),
      shifts: shifts.map((s) => s.value.toFixed(4) + ' ' + s.sources.join(',')),
      notLoaded: [...document.images].filter((img) => !img.complete || !img.naturalWidth).map((img) => img.currentSrc || img.src),
    };
  })()`)) as { cls: number; shifts: string[]; notLoaded: string[] };
}
