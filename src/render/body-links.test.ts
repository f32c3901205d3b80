import { describe, expect, it } from 'vitest';
import { bodyLinkAsWritten, linkStoryFiles, relativeBodyLinks } from './body-links.ts';

const options = { baseUrl: 'https://meridian.example', pathPrefix: '/' };
const PAGE = '/en/2026/11/26/story/';
const UP = '../../../../../';

describe('links in a body, on the page it is on', () => {
  // [case, body, options, as written on PAGE]
  it.each([
    ['a site path', '<p><a href="/en/2026/11/25/tram-night/">earlier</a></p>', options, `<p><a href="${UP}en/2026/11/25/tram-night/">earlier</a></p>`],
    ['the site by its full address', '<a href="https://meridian.example/en/tag/x/">x</a>', options, `<a href="${UP}en/tag/x/">x</a>`],
    [
      'the full address under a path prefix (outside it is another site)',
      '<a href="https://meridian.example/news/en/">a</a><a href="https://meridian.example/other/">b</a>',
      { ...options, pathPrefix: '/news/' },
      `<a href="${UP}en/">a</a><a href="https://meridian.example/other/">b</a>`,
    ],
    ['another site, a fragment, mail', '<a href="https://example.org/x">a</a><a href="#notes">b</a><a href="mailto:a@b.c">c</a>', options, null],
    ['protocol-relative (never rewritten)', '<a href="//example.org/x">a</a>', options, null],
    ['relative already', '<a href="../tram-night/">a</a>', options, null],
    ['a site path in the text is text', '<p>href="/en/" is how it is written</p>', options, null],
    ['a link with a title first', '<a title="t" href="/en/">a</a>', options, `<a title="t" href="${UP}en/">a</a>`],
  ])('%s', (_name, body, opts, written) => {
    expect(relativeBodyLinks(body, PAGE, opts)).toBe(written ?? body);
  });

  it('names a link as the page writes it, so a broken one is traced to its line', () => {
    expect(bodyLinkAsWritten('/en/x/', PAGE, options)).toBe(`${UP}en/x/`);
    expect(bodyLinkAsWritten('https://meridian.example/en/x/', PAGE, options)).toBe(`${UP}en/x/`);
    expect(bodyLinkAsWritten('../x/', PAGE, options)).toBe('../x/');
  });
});

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
