import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BuildOptions } from '../build/options.ts';
import { buildLinkOptions } from './link-check.ts';
import { LinkChecker } from './link-checker.ts';
import { startPageOutput } from './output-threads.ts';

const options: Pick<BuildOptions, 'baseUrl' | 'pathPrefix' | 'render'> = {
  baseUrl: 'https://meridian.example',
  pathPrefix: '/',
  render: { editions: ['en', 'ru', 'fa'], shared: true },
};

// Enough pages for several batches, a few of them with broken links.
const pages = Array.from({ length: 300 }, (_, i) => ({
  rel: `en/2026/11/26/story-${i}/index.html`,
  html: `<!DOCTYPE html><a href="../story-${(i + 1) % 300}/">next</a>${i % 97 === 0 ? `<img src="../../../../../media/missing-${i}.jpg" alt="">` : ''}`,
}));

describe('page output threads', () => {
  it('writes every page and finds what the same check finds on this thread, across batches', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'masthead-link-thread-'));
    const thread = startPageOutput(dir, options);
    try {
      thread.addFiles(pages.map((p) => p.rel));
      // Some pages only checked (as Eleventy's are), the rest written too.
      for (const p of pages.slice(0, 50)) await thread.check(p.rel, p.html);
      for (const p of pages.slice(50)) await thread.write(p.rel, p.html);
      const { written, links: result } = await thread.finish();
      expect(written).toBe(250);
      expect(readFileSync(path.join(dir, pages[120]!.rel), 'utf8')).toBe(pages[120]!.html);
      expect(existsSync(path.join(dir, pages[10]!.rel))).toBe(false);

      const here = new LinkChecker(dir, buildLinkOptions(options));
      here.addFiles(pages.map((p) => p.rel));
      for (const p of pages) here.checkPage(p.rel, p.html);
      expect(result).toEqual(here.result);
      expect(result.pages).toBe(300);
      expect(result.broken.map((b) => b.url.replace('../../../../../', '/'))).toEqual([
        '/media/missing-0.jpg',
        '/media/missing-194.jpg',
        '/media/missing-291.jpg',
        '/media/missing-97.jpg',
      ]);
    } finally {
      await thread.stop();
    }
  });

  it('reports a page it could not write, and still ends', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'masthead-link-thread-'));
    writeFileSync(path.join(dir, 'en'), 'a file where a folder must go');
    const thread = startPageOutput(dir, options);
    try {
      await thread.write('en/2026/11/26/story/index.html', '<!DOCTYPE html><title>x</title>');
      await expect(thread.finish()).rejects.toThrow(/Writing the pages failed/);
    } finally {
      await thread.stop();
    }
  });

  it('stops cleanly when the build stops before checking anything: nothing is left to keep the process alive', () => {
    // A process that starts the threads and stops them must end by itself; a thread left running would keep it waiting.
    const script = `import { startPageOutput } from ${JSON.stringify(new URL('./output-threads.ts', import.meta.url).href)};
      const output = startPageOutput(${JSON.stringify(mkdtempSync(path.join(tmpdir(), 'masthead-link-thread-')))}, ${JSON.stringify(options)});
      await output.stop();
      console.log('stopped');`;
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'masthead-stop-')), 'stop.mjs');
    writeFileSync(file, script);
    const run = spawnSync(process.execPath, [file], { encoding: 'utf8', timeout: 20_000 });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('stopped');
    expect(run.signal).toBeNull();
    expect(run.status).toBe(0);
  });
});
