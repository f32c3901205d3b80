/**
 * Screenshots of article pages at a phone and a desktop width, shared by the browser
 * suite (test-results/screenshots/, kept by CI) and `npm run screenshots` (which also
 * refreshes the README's docs/screenshot-article.png from the sample site).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';

export const VIEWPORTS = {
  phone: { width: 360, height: 800 },
  desktop: { width: 1280, height: 900 },
} as const;

export type ViewportName = keyof typeof VIEWPORTS;

/** Writes <name>-phone.png and <name>-desktop.png: the first screen a reader sees on arrival. */
export async function screenshotPage(browser: Browser, url: string, outDir: string, name: string): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  const context = await browser.newContext({ viewport: VIEWPORTS.phone, deviceScaleFactor: 1, reducedMotion: 'reduce' });
  try {
    const page = await context.newPage();
    for (const [viewport, size] of Object.entries(VIEWPORTS) as [ViewportName, (typeof VIEWPORTS)[ViewportName]][]) {
      await page.setViewportSize(size);
      await page.goto(url, { waitUntil: 'load' });
      const file = path.join(outDir, `${name}-${viewport}.png`);
      await page.screenshot({ path: file });
      written.push(file);
    }
  } finally {
    await context.close();
  }
  return written;
}
