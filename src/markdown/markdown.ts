/**
 * The article body pipeline: one markdown-it instance per edition, created once per
 * build. Raw HTML is off (escaped, never passed through); typography uses the
 * edition's quotation marks. Transforms run in this order, each a small plugin with
 * a sibling test:
 *   1. enhance-links    — only http(s)/mailto/tel/relative URLs; others stay plain text
 *   2. enhance-headings — the body outline starts at h2 (the headline is the only h1)
 *   3. enhance-images   — inline images become their alt text, with a warning
 *   4. collect-links    — records body links and their lines in env (for `npm run check`)
 *   5. enhance-tables   — column alignment as a class, not an inline style (CSP)
 */
import type { MarkdownIt } from 'markdown-it';
import { markdownIt } from '../build/on-first-use.ts';
import type { Edition } from '../editions/edition.ts';
import { collectLinks } from './collect-links.ts';
import { enhanceHeadings } from './enhance-headings.ts';
import { enhanceImages } from './enhance-images.ts';
import { enhanceLinks } from './enhance-links.ts';
import { enhanceTables } from './enhance-tables.ts';

export const transforms = [enhanceLinks, enhanceHeadings, enhanceImages, collectLinks, enhanceTables] as const;

export function createMarkdown(edition: Pick<Edition, 'quotes'>): MarkdownIt {
  const md = markdownIt()({ html: false, linkify: true, typographer: true, quotes: edition.quotes });
  for (const transform of transforms) md.use(transform);
  return md;
}
