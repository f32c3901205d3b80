import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BuildOptions } from './build-options.ts';
import { LinkChecker, buildLinkOptions } from './link-check.ts';
import { startLinkCheckThread } from './link-check-thread.ts';

const options: Pick<BuildOptions, 'baseUrl' | 'pathPrefix' | 'render'> = {
  baseUrl: 'https://meridian.example',
  pathPrefix: '/',
  render: { editions: ['en', 'ru', 'fa'], shared: true },
};

// Enough pages for several batches, a few of them with broken links.
const pages = Array.from({ length: 300 }, (_, i) => ({
  rel: `en/2026/11/26/story-${i}/index.html`,
  html: `<!DOCTYPE html><a href="/en/2026/11/26/story-${(i + 1) % 300}/">next</a>${i % 97 === 0 ? `<img src="/media/missing-${i}.jpg" alt="">` : ''}`,
}));

describe('link check thread', () => {
  it('finds what the same check finds on this thread, across batches', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'masthead-link-thread-'));
    const thread = startLinkCheckThread(dir, options);
    try {
      thread.addFiles(pages.map((p) => p.rel));
      for (const p of pages) await thread.check(p.rel, p.html);
      const result = await thread.finish();

      const here = new LinkChecker(dir, buildLinkOptions(options));
      here.addFiles(pages.map((p) => p.rel));
      for (const p of pages) here.checkPage(p.rel, p.html);
      expect(result).toEqual(here.result);
      expect(result.pages).toBe(300);
      expect(result.broken.map((b) => b.url)).toEqual(['/media/missing-0.jpg', '/media/missing-194.jpg', '/media/missing-291.jpg', '/media/missing-97.jpg']);
    } finally {
      await thread.stop();
    }
  });

  it('stops cleanly when the build stops before checking anything', async () => {
    const thread = startLinkCheckThread(mkdtempSync(path.join(tmpdir(), 'masthead-link-thread-')), options);
    await expect(thread.stop()).resolves.toBeUndefined();
  });
});
