/**
 * Dates as readers of each edition expect them: in the edition's time zone, locale,
 * calendar and digits. Always through toLocaleString (Intl), never toFormat with
 * month names, which mixes the Gregorian day and year with Persian month names.
 */
import { DateTime } from 'luxon';
import type { Edition } from './editions/edition.ts';

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

function inEdition(iso: string, edition: Edition): DateTime {
  return DateTime.fromISO(iso, { setZone: true })
    .setZone(edition.timeZone)
    .reconfigure({ locale: edition.locale, outputCalendar: edition.calendar, numberingSystem: edition.numberingSystem });
}

/**
 * Formatting a date in a zone costs Intl offset lookups, and the same story's date is
 * shown on its page and on every listing, feed and sitemap that includes it, so each
 * (edition, instant, format) is formatted once per process.
 */
function memoised(format: (iso: string, edition: Edition) => string): (iso: string, edition: Edition) => string {
  const cache = new Map<string, string>();
  return (iso, edition) => {
    const key = `${edition.code}\u0000${iso}`;
    let value = cache.get(key);
    if (value === undefined) cache.set(key, (value = format(iso, edition)));
    return value;
  };
}

/** "November 27, 2026 at 9:30 AM GMT" / "27 ноября 2026 г. в 12:30 MSK"-style, in the edition's zone. */
export const formatDateTime = memoised((iso, edition) =>
  inEdition(iso, edition).toLocaleString({
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }),
);

/** Date only, for listings. */
export const formatDate = memoised((iso, edition) => inEdition(iso, edition).toLocaleString({ year: 'numeric', month: 'long', day: 'numeric' }));

/** Machine-readable value for `<time datetime>`, with the edition's offset. */
export const machineDateTime = memoised(
  (iso, edition) => DateTime.fromISO(iso, { setZone: true }).setZone(edition.timeZone).toISO({ suppressMilliseconds: true }) ?? iso,
);

/** Year, month and day in the edition's zone (Gregorian, Latin digits), for URLs. */
export function urlDateParts(iso: string, timeZone: string): [string, string, string] {
  const dt = DateTime.fromISO(iso, { setZone: true }).setZone(timeZone);
  return [dt.toFormat('yyyy'), dt.toFormat('MM'), dt.toFormat('dd')];
}

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
