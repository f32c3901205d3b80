/**
 * The build's redirects: one per old address (`aliases`) of every story machines may
 * list, sorted by old path so `_redirects` is stable. Each becomes a redirect page at
 * the old address and a `_redirects` line (layouts/pages/redirect*.11ty.tsx).
 */
import type { Article } from '../content/article.ts';
import { isPublic } from './published.ts';

export interface Redirect {
  /** Old site path, decoded, without the path prefix. */
  from: string;
  article: Article;
}

export function redirectsOf(articles: readonly Article[]): Redirect[] {
  return articles
    .filter(isPublic)
    .flatMap((article) => article.aliases.map((from) => ({ from, article })))
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}
