/**
 * An article's description for meta description, feeds and social cards: the editor's
 * summary, or else the first paragraph of the rendered body as plain text. Computed
 * once per article by the content loader.
 */
import { entities } from '../build/on-first-use.ts';

/** Long enough for every consumer (Google shows about 160 characters, feeds more). */
export const DESCRIPTION_MAX = 300;

/** Text of markdown-it output back from its escaped form. */
export const decodeEntities = (html: string): string => entities().decodeHTML(html);

/** Plain text of the first paragraph of markdown-it output, or '' when there is none. */
export function firstParagraphText(bodyHtml: string): string {
  for (const match of bodyHtml.matchAll(/<p(?:\s[^>]*)?>([\s\S]*?)<\/p>/g)) {
    const text = decodeEntities((match[1] ?? '').replace(/<[^>]*>/g, ''))
      .replace(/\s+/g, ' ')
      .trim();
    if (text) return text;
  }
  return '';
}

/** Cuts at the last word boundary before `max` characters and adds an ellipsis. */
export function truncate(text: string, max = DESCRIPTION_MAX): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const head = chars.slice(0, max - 1).join('');
  const space = head.lastIndexOf(' ');
  return `${(space > max / 2 ? head.slice(0, space) : head).replace(/[\s,;:.–—-]+$/u, '')}…`;
}

export function describe(summary: string | undefined, bodyHtml: string): string {
  return summary ?? truncate(firstParagraphText(bodyHtml));
}
