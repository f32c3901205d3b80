/**
 * A page that breaks every rule the browser suite enforces, served through a route (no
 * server): the suite runs its checks on it and expects each to complain, so a check
 * that silently passes everything cannot go unnoticed.
 */
import type { BrowserContext } from 'playwright-core';
import sharp from 'sharp';

export const BROKEN_ORIGIN = 'http://127.0.0.1:9';

const LONG = 'This paragraph runs across the whole width of a wide window without any limit on its measure, '.repeat(6);

const HTML = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Broken</title>
<link rel="stylesheet" href="/missing.css">
<style>
  body { margin: 0; font: 16px/1.5 serif; }
  .banner { position: fixed; inset: 0 0 auto 0; height: 160px; background: #c00; color: #fff; }
  .wide { width: 900px; }
  .pale { color: #ccc; }
</style></head>
<body>
  <div class="banner">Breaking news</div>
  <a href="/elsewhere">A link under the banner</a>
  <main>
    <img src="/late.png" alt="A photo without dimensions">
    <p>${LONG}</p>
    <p class="pale">Light grey text on white.</p>
    <a href="/photo"><img src="/late.png"></a>
    <div class="wide">Too wide for a phone.</div>
    <img src="https://tracker.example/pixel.gif" alt="" width="1" height="1">
  </main>
  <script>console.error('boom');</script>
</body></html>`;

export async function serveBrokenPage(context: BrowserContext, imageDelayMs: number): Promise<string> {
  // A late image with no width/height in the markup pushes the text below it down.
  const PNG = await sharp({ create: { width: 600, height: 400, channels: 3, background: '#4a7a9c' } })
    .png()
    .toBuffer();
  await context.route(`${BROKEN_ORIGIN}/**`, async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/late.png') {
      await new Promise((r) => setTimeout(r, imageDelayMs));
      await route.fulfill({ status: 200, contentType: 'image/png', body: PNG });
    } else if (url.pathname === '/missing.css') await route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' });
    else await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: HTML });
  });
  return `${BROKEN_ORIGIN}/broken/`;
}
