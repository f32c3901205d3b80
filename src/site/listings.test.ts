import { describe, expect, it } from 'vitest';
import { makeArticle } from '../../tests/helpers/article-factory.ts';
import type { Article } from '../content/article.ts';
import type { EditionCode } from '../editions/edition.ts';
import { buildListings, type Listing, paginate } from './listings.ts';

let seq = 0;
/** A story numbered in order of creation. */
function story(edition: EditionCode, fields: Partial<Article> = {}): Article {
  seq += 1;
  return makeArticle(edition, `story-${seq}`, { headline: `Story ${seq}`, description: `Story ${seq}.`, bodyHtml: '<p>x</p>', ...fields });
}

const urls = (articles: readonly Article[]) => articles.map((a) => a.url);

describe('buildListings', () => {
  it('lists each edition, section, tag and author newest first, in the input order', () => {
    const a = story('en', { section: 'world', tags: ['Elections', 'Budget'], byline: ['Jana Novak'] });
    const b = story('ru', { section: 'economy', tags: ['Выборы'], byline: ['Иван Петров', 'Jana Novak'] });
    const c = story('en', { section: 'world', tags: ['elections'], byline: ['Jana Novak', 'Omid Rahimi'] });
    const d = story('fa', { tags: ['ریاست‌جمهوری'], byline: ['امید رحیمی'] });
    const l = buildListings([a, b, c, d], { editions: ['en', 'ru', 'fa'], pageSize: 20 });

    expect(urls(l.byEdition.en ?? [])).toEqual(urls([a, c]));
    expect(l.sections.en?.map((s) => [s.slug, s.articles.length])).toEqual([
      ['news', 0],
      ['world', 2],
      ['economy', 0],
      ['culture', 0],
    ]);
    // "Elections" and "elections" are one tag, labelled as the newest story spells it.
    expect(l.tags.en?.map((t) => [t.url, t.label, urls(t.articles)])).toEqual([
      ['/en/tag/budget/', 'Budget', urls([a])],
      ['/en/tag/elections/', 'Elections', urls([a, c])],
    ]);
    expect(l.authors.en?.map((t) => t.url)).toEqual(['/en/author/jana-novak/', '/en/author/omid-rahimi/']);
    // Authors are per edition: Jana Novak's Russian story is on the Russian author page.
    expect(l.authors.ru?.map((t) => [t.url, urls(t.articles)])).toEqual([
      ['/ru/author/jana-novak/', urls([b])],
      ['/ru/author/иван-петров/', urls([b])],
    ]);
    expect(l.tags.ru?.[0]?.url).toBe('/ru/tag/выборы/');
    expect(l.tags.fa?.[0]?.url).toBe('/fa/tag/ریاست-جمهوری/');
    expect(l.authors.fa?.[0]?.url).toBe('/fa/author/امید-رحیمی/');
  });

  it('lists a story once on a tag page even when two of its tags share the slug', () => {
    const a = story('en', { tags: ['Elections', 'elections!'] });
    const l = buildListings([a], { editions: ['en'], pageSize: 20 });
    expect(l.tags.en).toHaveLength(1);
    expect(l.tags.en?.[0]?.articles).toHaveLength(1);
  });

  it('only builds the editions asked for', () => {
    const l = buildListings([story('en'), story('ru')], { editions: ['ru'], pageSize: 20 });
    expect(Object.keys(l.byEdition)).toEqual(['ru']);
    expect(l.pages.every((p) => p.edition === 'ru')).toBe(true);
  });

  it('pages every listing, empty sections included', () => {
    const many = Array.from({ length: 45 }, () => story('en', { section: 'world', tags: ['Budget'], byline: ['Jana Novak'] }));
    const l = buildListings(many, { editions: ['en'], pageSize: 20 });
    const pagesOf = (first: string) => l.pages.filter((p) => p.firstUrl === first).map((p) => [p.url, p.articles.length]);
    expect(pagesOf('/en/world/')).toEqual([
      ['/en/world/', 20],
      ['/en/world/page/2/', 20],
      ['/en/world/page/3/', 5],
    ]);
    expect(pagesOf('/en/tag/budget/')).toHaveLength(3);
    expect(pagesOf('/en/author/jana-novak/')).toHaveLength(3);
    expect(pagesOf('/en/culture/')).toEqual([['/en/culture/', 0]]);
    expect(new Set(l.pages.map((p) => p.url)).size).toBe(l.pages.length);
  });

  it('handles a large site in one pass (20,000 stories, 3 tags each)', () => {
    const names = Array.from({ length: 500 }, (_, i) => `Topic ${i}`);
    const big = Array.from({ length: 20_000 }, (_, i) =>
      story((['en', 'ru', 'fa'] as const)[i % 3] ?? 'en', { tags: [names[i % 500]!, names[(i * 7) % 500]!, 'All'], byline: [`Author ${i % 50}`] }),
    );
    const l = buildListings(big, { editions: ['en', 'ru', 'fa'], pageSize: 20 });
    const total = (ls: Listing[] | undefined) => (ls ?? []).reduce((n, t) => n + t.articles.length, 0);
    expect((l.byEdition.en?.length ?? 0) + (l.byEdition.ru?.length ?? 0) + (l.byEdition.fa?.length ?? 0)).toBe(20_000);
    expect(l.tags.en?.find((t) => t.slug === 'all')?.articles).toHaveLength(6667);
    expect(total(l.authors.en) + total(l.authors.ru) + total(l.authors.fa)).toBe(20_000);
  });
});

describe('paginate', () => {
  const listing = (n: number): Listing => ({
    kind: 'tag',
    edition: 'ru',
    slug: 'выборы',
    label: 'Выборы',
    url: '/ru/tag/выборы/',
    articles: Array.from({ length: n }, () => story('ru')),
  });

  it.each([
    [0, 20, [0]],
    [1, 20, [1]],
    [20, 20, [20]],
    [21, 20, [20, 1]],
    [45, 20, [20, 20, 5]],
    [7, 3, [3, 3, 1]],
  ])('%i stories at %i a page → page sizes %j', (count, size, sizes) => {
    const pages = paginate(listing(count), size);
    expect(pages.map((p) => p.articles.length)).toEqual(sizes);
    expect(pages.every((p) => p.pageCount === sizes.length)).toBe(true);
  });

  it('links newer and older pages, and none beyond the ends', () => {
    const [p1, p2, p3] = paginate(listing(45), 20);
    expect([p1?.newerUrl, p1?.url, p1?.olderUrl]).toEqual([undefined, '/ru/tag/выборы/', '/ru/tag/выборы/page/2/']);
    expect([p2?.newerUrl, p2?.url, p2?.olderUrl]).toEqual(['/ru/tag/выборы/', '/ru/tag/выборы/page/2/', '/ru/tag/выборы/page/3/']);
    expect([p3?.newerUrl, p3?.olderUrl]).toEqual(['/ru/tag/выборы/page/2/', undefined]);
  });
});
