import { describe, expect, it } from 'vitest';
import { makeArticle } from '../../tests/helpers/article-factory.ts';
import type { Article } from '../content/article.ts';
import { type PartSizes, type SearchPart, searchParts } from './search-parts.ts';

const SIZES: PartSizes = { target: 40, min: 10, max: 80 };

/** Stories an hour apart, in the order given. */
const stories = (n: number, from = 0): Article[] =>
  Array.from({ length: n }, (_, i) => makeArticle('en', `story-${from + i}`, { timestamp: (from + i) * 3_600_000 }));

const ids = (parts: SearchPart[]) => parts.map((p) => p.id);
const urls = (parts: SearchPart[]) => parts.map((p) => p.articles.map((a) => a.url));

describe('searchParts', () => {
  const all = stories(2000);
  const parts = searchParts(all, SIZES);

  it('holds every story once, oldest first, in parts of min to max stories (the newest may be smaller)', () => {
    expect(parts.flatMap((p) => p.articles)).toEqual(all);
    for (const part of parts.slice(0, -1)) {
      expect(part.articles.length).toBeGreaterThanOrEqual(SIZES.min);
      expect(part.articles.length).toBeLessThanOrEqual(SIZES.max);
    }
    expect(parts.at(-1)!.articles.length).toBeLessThanOrEqual(SIZES.max);
    // About `target` stories a part on average.
    expect(all.length / parts.length).toBeGreaterThan(SIZES.target * 0.7);
    expect(all.length / parts.length).toBeLessThan(SIZES.target * 1.3);
  });

  it('is the same for the same stories in any order', () => {
    expect(urls(searchParts([...all].reverse(), SIZES))).toEqual(urls(parts));
  });

  it('names each part by its oldest story, so names are unique and stable', () => {
    expect(new Set(ids(parts)).size).toBe(parts.length);
    expect(ids(parts).every((id) => /^[0-9a-f]{10}$/.test(id))).toBe(true);
  });

  // What a change costs: the parts it changes are indexed again.
  const changed = (after: SearchPart[]) => {
    const before = new Map(parts.map((p) => [p.id, JSON.stringify(p.articles.map((a) => a.url))]));
    return after.filter((p) => before.get(p.id) !== JSON.stringify(p.articles.map((a) => a.url))).length;
  };
  it.for([
    { change: 'a new story (the newest)', after: [...all, ...stories(1, 5000)], most: 1 },
    // The newest part, and one the new stories may start.
    { change: 'ten new stories', after: [...all, ...stories(10, 5000)], most: 2 },
    { change: 'a story deleted from the middle', after: all.filter((_, i) => i !== 1000), most: 2 },
    { change: 'a story published with an old date', after: [...all, makeArticle('en', 'late', { timestamp: 1000 * 3_600_000 + 1 })], most: 2 },
    { change: 'the oldest story deleted', after: all.slice(1), most: 2 },
  ])('$change: at most $most of the parts to index again', ({ after, most }) => {
    const n = changed(searchParts(after, SIZES));
    expect(n).toBeGreaterThanOrEqual(1);
    expect(n).toBeLessThanOrEqual(most);
  });

  it('an edit of a story changes no part: what a part holds is its stories, their texts key its bundle', () => {
    const edited = all.map((a, i) => (i === 700 ? { ...a, headline: 'Edited', digest: 'edited' } : a));
    expect(urls(searchParts(edited, SIZES))).toEqual(urls(parts));
  });

  it('an edition without stories has no parts', () => {
    expect(searchParts([], SIZES)).toEqual([]);
  });
});
