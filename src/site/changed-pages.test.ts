import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFixture } from '../../tests/helpers/fixture-site.ts';
import { readBuildOptions } from '../build/options.ts';
import type { LoadedFiles } from '../content/load-article.ts';
import { loadArticleFiles } from '../content/load-files.ts';
import { changedPages } from './changed-pages.ts';
import { deriveSite } from './derive.ts';

const story = (headline: string, date: string, extra = '') => `---\nheadline: ${headline}\ndate: ${date}\ntags: [harbour]\n${extra}---\nBody.\n`;

const content = writeFixture;

// Edits change the size, so the loader's (mtime, size) stamp sees them within one millisecond too.
const edit = (root: string, name: string, body: string) => writeFileSync(path.join(root, name), body);
const options = readBuildOptions({ MASTHEAD_NOW: '2026-12-01T00:00Z' });
// One dev server per fixture: what it loaded before is kept between its loads.
const servers = new Map<string, LoadedFiles>();
const load = (root: string) => {
  const loaded = servers.get(root) ?? servers.set(root, new Map()).get(root)!;
  return deriveSite(loadArticleFiles({ rootDir: root, loaded }).articles, options);
};
const urls = (xs: readonly { url: string }[]) => xs.map((x) => x.url).sort();

describe('dev-server rebuilds after a content edit', () => {
  const files = {
    'content/en/a.md': story('A', '2026-11-20T09:00', 'translationKey: a\n'),
    'content/en/b.md': story('B', '2026-11-21T09:00'),
    'content/ru/a.md': story('А', '2026-11-20T09:00', 'translationKey: a\n'),
    'content/fa/c.md': story('C', '2026-11-22T09:00'),
  };

  it('keeps the Article object of every unchanged file', () => {
    const root = content(files);
    const first = load(root);
    edit(root, 'content/en/b.md', story('B, rewritten', '2026-11-21T09:00'));
    const second = load(root);
    const pick = (site: typeof first, url: string) => site.articles.find((a) => a.url === url);
    expect(pick(second, '/fa/2026/11/22/c/')).toBe(pick(first, '/fa/2026/11/22/c/'));
    expect(pick(second, '/en/2026/11/21/b/')).not.toBe(pick(first, '/en/2026/11/21/b/'));
  });

  it('renders the edited story and the listing pages that show it, nothing else', () => {
    const root = content(files);
    const first = load(root);
    edit(root, 'content/en/b.md', story('B, rewritten', '2026-11-21T09:00'));
    const pages = changedPages(first, load(root));
    expect(urls(pages.articles)).toEqual(['/en/2026/11/21/b/']);
    expect(urls(pages.listings)).toEqual(['/en/news/', '/en/tag/harbour/']);
  });

  it('renders the other language versions of an edited story (their "Read in" list)', () => {
    const root = content(files);
    const first = load(root);
    edit(root, 'content/en/a.md', story('A, rewritten', '2026-11-20T09:00', 'translationKey: a\n'));
    expect(urls(changedPages(first, load(root)).articles)).toEqual(['/en/2026/11/20/a/', '/ru/2026/11/20/a/']);
  });

  it('renders every page of an edition whose breaking banner changed', () => {
    const root = content(files);
    const first = load(root);
    edit(root, 'content/en/a.md', story('A', '2026-11-20T09:00', 'translationKey: a\nbreaking: true\n'));
    const pages = changedPages(first, load(root));
    expect(urls(pages.articles)).toEqual(['/en/2026/11/20/a/', '/en/2026/11/21/b/', '/ru/2026/11/20/a/']);
    expect(pages.listings.filter((p) => p.edition === 'en').length).toBe(first.listings.pages.filter((p) => p.edition === 'en').length);
    expect(pages.listings.filter((p) => p.edition === 'fa')).toEqual([]);
  });

  it('renders nothing but the always-rendered pages when nothing changed', () => {
    const root = content(files);
    const first = load(root);
    const pages = changedPages(first, load(root));
    expect(pages.articles).toEqual([]);
    expect(pages.listings).toEqual([]);
  });
});
