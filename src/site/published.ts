/**
 * Who sees a story, decided once for every consumer: pages, listings, feeds, sitemaps,
 * search, redirects, the breaking banner and the checks of links between stories.
 *
 * - A **draft** is never published; the dev server shows it, marked, on its page and in
 *   listings, and nowhere machines read (feeds, sitemaps, redirects, the banner).
 * - An **embargoed** story (`date` after the build's "now") is left out of a production
 *   build entirely until the first build after that time; the dev server shows it.
 */

import type { BuildOptions } from '../build/options.ts';
import type { ArticleFacts } from '../content/article.ts';

export const isEmbargoed = (article: Pick<ArticleFacts, 'timestamp'>, nowMs: number): boolean => article.timestamp > nowMs;

/** Whether the story gets a page (and a place in listings and search) in this build. */
export function hasPage(article: Pick<ArticleFacts, 'draft' | 'timestamp'>, options: Pick<BuildOptions, 'mode'>, nowMs: number): boolean {
  return options.mode === 'preview' || (!article.draft && !isEmbargoed(article, nowMs));
}

/** Whether what machines read (feeds, sitemaps, redirects, the breaking banner) lists the story, given it has a page. */
export const isPublic = (article: Pick<ArticleFacts, 'draft'>): boolean => !article.draft;

/** How long a story stays in the news sitemap after it is published. */
export const NEWS_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;
