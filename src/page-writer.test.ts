import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputFileOf } from './page-writer.ts';

describe('outputFileOf', () => {
  const out = path.resolve('/srv/site');
  it.each([
    ['/en/2026/11/26/floods/', 'en/2026/11/26/floods/index.html'],
    ['/fa/2026/11/26/سیل-در-والدور/', 'fa/2026/11/26/سیل-در-والدور/index.html'],
    ['/en/old/page.html', 'en/old/page.html'],
  ])('writes %s to %s, as Eleventy would', (url, file) => {
    expect(outputFileOf(out, url)).toBe(path.join(out, file));
  });

  it.each(['/../etc/passwd/', '/en/../../outside/'])('refuses %s, which leads outside the output folder', (url) => {
    expect(() => outputFileOf(out, url)).toThrow(/outside/);
  });
});
