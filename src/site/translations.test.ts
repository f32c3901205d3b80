import { describe, expect, it } from 'vitest';
import { writeFixture } from '../../tests/helpers/fixture-site.ts';
import { readBuildOptions } from '../build/options.ts';
import { loadArticleFiles } from '../content/load-files.ts';
import { deriveSite } from './derive.ts';
import { translationsOf } from './translations.ts';

function load(files: Record<string, string>) {
  return loadArticleFiles({ rootDir: writeFixture(files) });
}

const story = (headline: string, key?: string) => `---\nheadline: ${headline}\ndate: 2026-11-26T09:30\n${key ? `translationKey: ${key}\n` : ''}---\nBody.\n`;

describe('translations', () => {
  it('groups the versions of a story across editions, in edition order, each seeing the same group', () => {
    const { articles, problems } = load({
      'content/fa/2026/11/budje.md': story('بودجه', 'budget'),
      'content/en/2026/11/budget.md': story('Budget', 'budget'),
      'content/ru/2026/11/byudzhet.md': story('Бюджет', 'budget'),
      'content/en/2026/11/alone.md': story('Alone', 'alone'),
      'content/en/2026/11/unkeyed.md': story('Unkeyed'),
    });
    expect(problems).toEqual([]);
    const site = deriveSite(articles, readBuildOptions({ MASTHEAD_NOW: '2026-11-28T00:00Z' }));
    const byHeadline = (h: string) => site.articles.find((a) => a.headline === h)!;
    const group = translationsOf(site, byHeadline('Бюджет')).map((a) => a.edition);
    expect(group).toEqual(['en', 'ru', 'fa']);
    expect(translationsOf(site, byHeadline('Budget'))).toBe(translationsOf(site, byHeadline('بودجه')));
    expect(translationsOf(site, byHeadline('Alone'))).toEqual([]);
    expect(translationsOf(site, byHeadline('Unkeyed'))).toEqual([]);
  });

  it('reports a translationKey used twice in one edition (file and field), but not across editions', () => {
    const { problems } = load({
      'content/en/2026/11/a.md': story('A', 'budget'),
      'content/en/2026/11/b.md': story('B', 'budget'),
      'content/ru/2026/11/c.md': story('C', 'budget'),
    });
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'content/en/2026/11/b.md',
        field: 'translationKey',
        severity: 'error',
        message: expect.stringContaining('content/en/2026/11/a.md'),
      }),
    ]);
  });
});
