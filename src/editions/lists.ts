import { memoise } from '../build/memoise.ts';
import type { Edition } from './edition.ts';

/** The edition's way of joining a list ("A, B, and C", "A, B и C", "A، B و C"). */
export const listFormat = memoise((locale: string) => new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }));

/** "Reuters, Interfax, and AFP" in the edition's locale (list punctuation and conjunction). */
export function formatList(items: readonly string[], edition: Pick<Edition, 'locale'>): string {
  return listFormat(edition.locale).format(items);
}

/** The wire credit line: "With reporting by Reuters, Interfax, and AFP". */
export function creditLine(credits: readonly string[], edition: Edition): string {
  return `${edition.strings.withReportingBy} ${formatList(credits, edition)}`;
}
