import { describe, expect, it } from 'vitest';
import { editions } from '../editions/registry.ts';
import type { LinkEnv } from './collect-links.ts';
import { createMarkdown } from './markdown.ts';

const md = createMarkdown(editions.en);

function links(source: string) {
  const env: LinkEnv = {};
  const html = md.render(source, env);
  return { links: env.links ?? [], html };
}

describe('collectLinks', () => {
  it.each([
    ['a site path', 'See [the vote](/en/2026/11/26/budget-vote/).', [{ href: '/en/2026/11/26/budget-vote/', line: 1 }]],
    ['a relative path', '\n\nSee [it](../budget-vote/).', [{ href: '../budget-vote/', line: 3 }]],
    ['a link on the third line of a paragraph', 'One\ntwo\nthree [x](/en/x/)', [{ href: '/en/x/', line: 3 }]],
    ['a reference link', 'See [the vote][v].\n\n[v]: /en/2026/11/26/v/', [{ href: '/en/2026/11/26/v/', line: 1 }]],
    ['an absolute URL (may be the site itself)', '[x](https://meridian.example/en/)', [{ href: 'https://meridian.example/en/', line: 1 }]],
    ['a link in a list item', '- one\n- two [x](/en/a/)', [{ href: '/en/a/', line: 2 }]],
    ['mailto, tel and fragments (never pages)', '[m](mailto:a@b.c) [t](tel:+4412) [f](#top)', []],
    ['a refused javascript: link (not a link at all)', '[x](javascript:alert(1))', []],
    ['a link inside code (not a link)', '`[x](/en/a/)`\n\n    [y](/en/b/)', []],
  ])('%s', (_name, source, expected) => {
    expect(links(source).links).toEqual(expected);
  });

  it('leaves the HTML as it was', () => {
    const plain = createMarkdown(editions.en);
    const source = 'See [the vote](/en/2026/11/26/budget-vote/) and <https://example.org>.';
    expect(links(source).html).toBe(plain.render(source));
  });
});
