/**
 * Dates as readers of each edition expect them: in the edition's time zone, locale,
 * calendar and digits. Always through toLocaleString (Intl), never toFormat with
 * month names, which mixes the Gregorian day and year with Persian month names.
 */
import { DateTime } from 'luxon';
import type { Edition } from './edition.ts';

const HAS_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?$/;

/**
 * Parses a frontmatter date-time. Without an offset it means the edition's zone.
 * Returns the instant as an ISO string that keeps the offset it was written with
 * (or the edition's), or undefined when it is not an ISO 8601 date-time.
 */
export function parseDateTime(value: string, timeZone: string): string | undefined {
  return resolveDateTime(value, timeZone)?.iso;
}

export interface ResolvedDateTime {
  /** ISO 8601 with the offset it was written with, or the edition's. */
  iso: string;
  millis: number;
  /** Year, month, day in the edition's zone, for URLs. */
  ymd: [string, string, string];
}

/**
 * Everything the loader needs from one frontmatter date, from a single parse: zone
 * offset lookups (Intl) are the costly part, so each date is resolved exactly once.
 */
export function resolveDateTime(value: string, timeZone: string): ResolvedDateTime | undefined {
  const text = value.trim();
  if (!HAS_TIME.test(text)) return undefined;
  const dt = DateTime.fromISO(text.replace(' ', 'T'), { zone: timeZone, setZone: true });
  if (!dt.isValid) return undefined;
  const local = dt.zoneName === timeZone ? dt : dt.setZone(timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    iso: dt.toISO({ suppressMilliseconds: true }) ?? text,
    millis: dt.toMillis(),
    ymd: [String(local.year), pad(local.month), pad(local.day)],
  };
}

/**
 * Formatting goes straight to Intl with one formatter per edition and format: luxon's
 * toLocaleString builds the same Intl.DateTimeFormat (locale, zone, calendar, digits)
 * on every call, which was the largest single cost of rendering a big site. The golden
 * strings in dates.test.ts hold both to the same output.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(edition: Edition, kind: string, options: Intl.DateTimeFormatOptions, locale = edition.locale): Intl.DateTimeFormat {
  const key = `${edition.code}\u0000${kind}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { calendar: edition.calendar, numberingSystem: edition.numberingSystem, ...options, timeZone: edition.timeZone });
    formatters.set(key, format);
  }
  return format;
}

/** Where formatted dates are kept across builds: the content caches (src/content/load-site.ts). */
export interface DateTextStore {
  get(key: string): string | undefined;
  set(key: string, text: string): void;
}

let kept: DateTextStore | undefined;

/**
 * Keeps formatted dates in `store` from now on. Its fingerprint must change with the
 * code, the editions and Node's ICU and time zone data, which decide the text.
 */
export function keepDateTexts(store: DateTextStore | undefined): void {
  kept = store;
}

/**
 * Each (edition, instant, format) is formatted once per process, and, with a store, once
 * for as long as nothing that decides it changes: a story's date is shown on its page and
 * on every listing, feed and search record that includes it, and Intl takes about 10 µs
 * to format one with its zone, calendar and month name (a twentieth of a warm build).
 */
function memoised(kind: string, format: (iso: string, edition: Edition) => string): (iso: string, edition: Edition) => string {
  const cache = new Map<string, string>();
  return (iso, edition) => {
    const key = `${edition.code}\u0000${iso}`;
    const known = cache.get(key);
    if (known !== undefined) return known;
    const keptKey = `${kind}\u0000${key}`;
    let value = kept?.get(keptKey);
    if (value === undefined) {
      value = format(iso, edition);
      kept?.set(keptKey, value);
    }
    cache.set(key, value);
    return value;
  };
}

const DATE_TIME: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' };
const DATE: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'long', day: 'numeric' };

/** "November 27, 2026 at 9:30 AM GMT" / "27 ноября 2026 г. в 12:30 MSK"-style, in the edition's zone. */
export const formatDateTime = memoised('date-time', (iso, edition) => formatterFor(edition, 'date-time', DATE_TIME).format(Date.parse(iso)));

/** Date only, for listings. */
export const formatDate = memoised('date', (iso, edition) => formatterFor(edition, 'date', DATE).format(Date.parse(iso)));

/** Machine-readable value for `<time datetime>`: the instant in the edition's zone, with its offset. */
export const machineDateTime = memoised('machine', (iso, edition) => {
  const machine = { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZoneName: 'longOffset' } as const;
  const format = formatterFor(edition, 'machine', { ...machine, calendar: 'gregory', numberingSystem: 'latn' }, 'en-US');
  const parts = Object.fromEntries(format.formatToParts(Date.parse(iso)).map((p) => [p.type, p.value]));
  const offset = parts.timeZoneName === 'GMT' ? '+00:00' : String(parts.timeZoneName).replace('GMT', '');
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
});

export function epochMillis(iso: string): number {
  return DateTime.fromISO(iso, { setZone: true }).toMillis();
}

/** A number in the edition's digits (Persian digits for fa). */
export function formatNumber(n: number, edition: Edition): string {
  let format = numberFormats.get(edition.code);
  if (!format) numberFormats.set(edition.code, (format = new Intl.NumberFormat(edition.locale, { numberingSystem: edition.numberingSystem, useGrouping: false })));
  return format.format(n);
}

const numberFormats = new Map<string, Intl.NumberFormat>();
