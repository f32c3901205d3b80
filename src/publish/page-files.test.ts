import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageFileOf, pageFileWriter } from './page-files.ts';

describe('pageFileOf', () => {
  it.each([
    ['/en/2026/11/26/floods/', 'en/2026/11/26/floods/index.html'],
    ['/fa/2026/11/26/سیل-در-والدور/', 'fa/2026/11/26/سیل-در-والدور/index.html'],
    ['/en/old/page.html', 'en/old/page.html'],
  ])('writes %s to %s, as Eleventy would', (url, file) => {
    expect(pageFileOf(url)).toBe(file);
  });

  it.each(['/../etc/passwd/', '/en/../../outside/'])('refuses %s, which leads outside the output folder', (url) => {
    expect(() => pageFileOf(url)).toThrow(/outside/);
  });
});

describe('pageFileWriter', () => {
  it('writes pages into folders it creates, two pages in one folder included', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'masthead-page-files-'));
    const write = pageFileWriter(out);
    write('en/2026/11/26/floods/index.html', '<p>one</p>');
    write('en/2026/11/26/floods/print.html', '<p>two</p>');
    write('ru/index.html', '<p>три</p>');
    expect(readFileSync(path.join(out, 'en/2026/11/26/floods/index.html'), 'utf8')).toBe('<p>one</p>');
    expect(readFileSync(path.join(out, 'en/2026/11/26/floods/print.html'), 'utf8')).toBe('<p>two</p>');
    expect(readFileSync(path.join(out, 'ru/index.html'), 'utf8')).toBe('<p>три</p>');
  });
});
