import { describe, expect, it } from 'vitest';
import { linkStoryFiles } from './body-links.ts';

const FROM = 'content/en/2026/11/linking.md';

describe('linkStoryFiles', () => {
  const site = {
    storyFiles: new Map([
      ['content/en/2026/11/target.md', '/en/2026/11/26/target/'],
      ['content/ru/2026/11/выборы.md', '/ru/2026/11/26/выборы/'],
    ]),
  };
  it.each([
    ['<p><a href="target.md">x</a></p>', '<p><a href="/en/2026/11/26/target/">x</a></p>'],
    ['<p><a href="target.md#a&amp;b">x</a></p>', '<p><a href="/en/2026/11/26/target/#a&amp;b">x</a></p>'],
    ['<a href="../../../ru/2026/11/%D0%B2%D1%8B%D0%B1%D0%BE%D1%80%D1%8B.md">x</a>', '<a href="/ru/2026/11/26/%D0%B2%D1%8B%D0%B1%D0%BE%D1%80%D1%8B/">x</a>'],
    ['<a href="missing.md">x</a>', '<a href="missing.md">x</a>'],
    ['<a href="https://example.org/target.md">x</a>', '<a href="https://example.org/target.md">x</a>'],
    ['<p>target.md as text</p>', '<p>target.md as text</p>'],
  ])('%s', (html, expected) => {
    expect(linkStoryFiles(html, { sourcePath: FROM }, site)).toBe(expected);
  });
});
