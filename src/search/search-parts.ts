/**
 * An edition's search index in parts (ADR 023). Pagefind cannot add one record to an
 * index: a changed story means indexing its whole index again. So each edition's stories
 * are split into parts, each a Pagefind bundle of its own, and the search page merges
 * them in the browser (Pagefind's `mergeIndex`); a build indexes again only the parts
 * whose stories changed.
 *
 * Stories are taken oldest first, and a part ends before a story whose URL's hash picks
 * it as a boundary (content-defined chunking, as rsync and restic cut files): where a
 * part ends depends on the stories at its edge, never on how many came before. So an
 * edit changes only its story's part, a new story only the newest part, and a story
 * published with an old date, unpublished or deleted changes its own part and at most
 * the next — where a cut every N stories would move every later boundary. `min` and
 * `max` bound a part's size: no part is tiny, none grows without bound.
 */
import { createHash } from 'node:crypto';
import type { Article } from '../content/article.ts';

export interface SearchPart {
  /** Names the part's bundle folder: a hash of its first (oldest) story's URL. */
  id: string;
  /** Oldest first. */
  articles: Article[];
}

export interface PartSizes {
  /** A part's size on average. */
  target: number;
  min: number;
  max: number;
}

export const PART_SIZES: PartSizes = { target: 1000, min: 250, max: 2000 };

const hashOf = (url: string) => createHash('sha1').update(url).digest();

/** The parts of one edition's searchable stories, oldest part first. */
export function searchParts(articles: readonly Article[], sizes: PartSizes = PART_SIZES): SearchPart[] {
  const sorted = [...articles].sort((a, b) => a.timestamp - b.timestamp || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  // A story starts a part with this chance, once the part has `min` stories: parts then average `target`.
  const oneIn = Math.max(1, sizes.target - sizes.min);
  const parts: SearchPart[] = [];
  let current: Article[] = [];
  for (const article of sorted) {
    const hash = hashOf(article.url);
    const boundary = current.length >= sizes.max || (current.length >= sizes.min && hash.readUInt32BE(0) % oneIn === 0);
    if (boundary) {
      parts.push(part(current));
      current = [];
    }
    current.push(article);
  }
  if (current.length) parts.push(part(current));
  return parts;
}

const part = (articles: Article[]): SearchPart => ({ id: hashOf(articles[0]!.url).toString('hex').slice(0, 10), articles });
