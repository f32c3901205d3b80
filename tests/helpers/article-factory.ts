/**
 * A normalised Article as the content loader makes it, for unit tests of what is
 * computed from many articles (listings, sitemaps) without writing files.
 */
import type { Article } from '../../src/content/article.ts';
import type { EditionCode } from '../../src/editions/edition.ts';

export function makeArticle(edition: EditionCode, slug: string, fields: Partial<Article> = {}): Article {
  return {
    edition,
    sourcePath: `content/${edition}/${slug}.md`,
    slug,
    url: `/${edition}/2026/11/27/${slug}/`,
    headline: slug,
    description: '',
    date: '2026-11-27T09:00:00Z',
    modified: '2026-11-27T09:00:00Z',
    timestamp: 0,
    byline: [],
    credits: [],
    section: 'news',
    tags: [],
    breaking: false,
    draft: false,
    aliases: [],
    corrections: [],
    bodyHtml: '',
    digest: `digest-of-${edition}-${slug}`,
    ...fields,
  };
}
