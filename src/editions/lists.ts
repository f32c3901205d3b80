import type { Edition } from './edition.ts';

const listFormats = new Map<string, Intl.ListFormat>();

/** "Reuters, Interfax, and AFP" in the edition's locale (list punctuation and conjunction). */
export function formatList(items: readonly string[], edition: Pick<Edition, 'locale'>): string {
  let format = listFormats.get(edition.locale);
  if (!format) {
    format = new Intl.ListFormat(edition.locale, { style: 'long', type: 'conjunction' });
    listFormats.set(edition.locale, format);
  }
  return format.format(items);
}

/** The wire credit line: "With reporting by Reuters, Interfax, and AFP". */
export function creditLine(credits: readonly string[], edition: Edition): string {
  return `${edition.strings.withReportingBy} ${formatList(credits, edition)}`;
}
