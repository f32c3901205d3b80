/**
 * URL slugs for names written by editors (tags, byline names): the one function every
 * page, feed and sitemap uses, so a tag's URL is the same wherever it is linked.
 * Unicode letters are kept (`/ru/tag/выборы/`, `/fa/tag/انتخابات/`); see
 * docs/adr/002-unicode-slugs.md for why, and for what is folded together.
 */
import { createHash } from 'node:crypto';
import { memoise } from '../build/memoise.ts';
import type { EditionCode } from '../editions/edition.ts';

/** Arabic code points that Persian keyboards and sources use interchangeably with the Persian ones. */
const ARABIC_TO_PERSIAN: Readonly<Record<string, string>> = { ي: 'ی', ى: 'ی', ك: 'ک', ة: 'ه', ۀ: 'ه' };
/** Persian (U+06F0…) and Arabic-Indic (U+0660…) digits become ASCII digits: "۲۰۲۶" and "2026" are one tag. */
const DIGIT = /[\u0660-\u0669\u06F0-\u06F9]/g;
/** Optional Arabic-script vowel marks, superscript alef and the tatweel (kashida) stretch: spelling noise. */
const ARABIC_NOISE = /[\u064B-\u065F\u0670\u0640]/g;
/** Anything that is not a letter, a combining mark or a digit separates words (ZWNJ included). */
const SEPARATORS = /[^\p{L}\p{M}\p{N}]+/gu;

/**
 * "Выборы 2026" → "выборы-2026", "Jana Novák" → "jana-novák", "ریاست‌جمهوری" →
 * "ریاست-جمهوری": NFC, lowercase, punctuation and spaces to single hyphens. A name with
 * no letters or digits at all (e.g. only emoji) gets a stable hash slug instead of "".
 * Memoised: the same few hundred names recur on thousands of stories, pages and feeds.
 */
export const slugify = memoise((name: string): string => {
  const folded = name
    .normalize('NFC')
    .toLowerCase()
    .replace(/[يىكةۀ]/g, (c) => ARABIC_TO_PERSIAN[c] ?? c)
    .replace(DIGIT, (d) => String((d.codePointAt(0) ?? 0) & 0xf))
    .replace(ARABIC_NOISE, '');
  const slug = folded.replace(SEPARATORS, '-').replace(/^-+|-+$/g, '');
  if (slug) return slug;
  return `x-${createHash('sha256').update(name.normalize('NFC')).digest('hex').slice(0, 8)}`;
});

/** Site path of a tag's listing (page 1), Unicode as is: e.g. /ru/tag/выборы/ */
export function tagPath(edition: EditionCode, tag: string): string {
  return `/${edition}/tag/${slugify(tag)}/`;
}

/** Site path of an author's listing (page 1), from a byline name: e.g. /en/author/jana-novak/ */
export function authorPath(edition: EditionCode, name: string): string {
  return `/${edition}/author/${slugify(name)}/`;
}

/** Site path of a section's listing (page 1); section slugs are ASCII already. */
export function sectionPath(edition: EditionCode, section: string): string {
  return `/${edition}/${section}/`;
}

/** Page n (1-based) of a listing whose first page is at `firstPage`: /…/page/2/ */
export function pagePath(firstPage: string, n: number): string {
  return n <= 1 ? firstPage : `${firstPage}page/${n}/`;
}

/** Site path of the edition's page "If this site is blocked" (layouts/pages/access.11ty.tsx). */
export function accessPath(edition: EditionCode): string {
  return `/${edition}/access/`;
}
