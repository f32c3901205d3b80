/**
 * The right photo file per viewport, in a real Chromium: for every place a photo
 * appears (article lead, publisher box, front-page lead card, listing card), at phone,
 * tablet and desktop sizes and pixel densities, the browser picks AVIF, and the `sizes`
 * we declare matches the width the stylesheet really gives the image — so the file it
 * fetches is neither blurred nor needlessly large.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { article, buildFixture, type FixtureSite, jpeg } from '../helpers/fixture-site.ts';
import { launchChromium, skipBrowser } from './chromium.ts';
import { type StaticServer, startStaticServer } from './static-server.ts';

const VIEWPORTS = [
  { width: 375, height: 812, dpr: 2 },
  { width: 390, height: 844, dpr: 3 },
  { width: 768, height: 1024, dpr: 1 },
  { width: 1024, height: 768, dpr: 1 },
  { width: 1440, height: 900, dpr: 2 },
];

const PLACES = [
  { place: 'article lead photo', path: '/en/2026/11/21/story-1/', selector: 'main figure picture img' },
  { place: 'publisher box', path: '/en/2026/11/21/story-1/', selector: 'aside.publisher-box picture img' },
  { place: 'front-page lead card', path: '/en/', selector: '.story-card-lead picture img' },
  { place: 'listing card', path: '/en/', selector: '.story-cards picture img' },
];

interface Seen {
  rendered: number;
  /** The `sizes` slot in CSS px: with w descriptors, the picked image's natural width is exactly that. */
  slot: number;
  currentSrc: string;
  srcset: string;
}

let site: FixtureSite;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  if (skipBrowser) return;
  const files: Record<string, string | Buffer> = {};
  for (let i = 1; i <= 5; i++) {
    files[`content/en/2026/11/story-${i}.md`] = article(
      `headline: Story ${i}\ndate: 2026-11-${20 + i}T09:00\nsummary: Summary ${i}.\nphoto:\n  src: p${i}.jpg\n  alt: Photo ${i}`,
    );
    files[`content/en/2026/11/p${i}.jpg`] = await jpeg(2400, 1600, `#${i}0${i}0${i}0`);
  }
  site = await buildFixture(files);
  if (site.code !== 0) throw new Error(`the fixture site did not build:\n${site.stderr}`);
  server = await startStaticServer(site.outDir);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function look(path: string, selector: string, viewport: (typeof VIEWPORTS)[number]): Promise<Seen> {
  const context = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height }, deviceScaleFactor: viewport.dpr });
  try {
    const page = await context.newPage();
    await page.goto(server.origin + path);
    // A string, not a function: vitest rewrites functions passed to evaluate (STACK.md).
    return (await page.evaluate(`(async () => {
      const img = document.querySelector(${JSON.stringify(selector)});
      img.scrollIntoView({ block: 'center' });
      await img.decode();
      return { rendered: img.getBoundingClientRect().width, slot: img.naturalWidth, currentSrc: img.currentSrc, srcset: img.parentElement.querySelector('source').srcset };
    })()`)) as Seen;
  } finally {
    await context.close();
  }
}

const cases = PLACES.flatMap((p) => VIEWPORTS.map((v) => ({ ...p, v, label: `${p.place} at ${v.width}px ×${v.dpr}` })));

describe.skipIf(skipBrowser)('photos per viewport in Chromium', () => {
  it.each(cases)('$label: AVIF, `sizes` true to the layout, a file neither blurred nor oversized', async ({ path, selector, v }) => {
    const seen = await look(path, selector, v);
    expect(seen.currentSrc).toMatch(/\/media\/[0-9a-f]{16}-\d+\.avif$/);
    // `sizes` is worked out from the stylesheet; within 8 % (or 12 px) of the real width.
    expect(Math.abs(seen.slot - seen.rendered), JSON.stringify(seen)).toBeLessThanOrEqual(Math.max(12, seen.rendered * 0.08));
    const widths = seen.srcset.split(', ').map((e) => Number(e.split(' ')[1]!.replace('w', '')));
    const picked = Number(/-(\d+)\.avif$/.exec(seen.currentSrc)![1]);
    const needed = seen.rendered * v.dpr;
    // Chromium may take the candidate just below the need (its geometric-mean rule), never two below or an unneeded larger one.
    const atLeast = widths.find((w) => w >= needed) ?? widths[widths.length - 1]!;
    const below = [...widths].reverse().find((w) => w < atLeast);
    expect([atLeast, below], JSON.stringify({ ...seen, needed })).toContain(picked);
  });
});
