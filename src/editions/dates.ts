/**
 * Dates as readers of each edition expect them: in the edition's time zone, locale,
 * calendar and digits. Always through toLocaleString (Intl), never toFormat with
 * month names, which mixes the Gregorian day and year with Persian month names.
 */
import { DateTime } from 'luxon';
import { memoise } from '../build/memoise.ts';
import type { Edition, EditionCode } from './edition.ts';
import { editions } from './registry.ts';

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
 * on every call. The golden strings in dates.test.ts hold both to the same output.
 */
const DATE_TIME: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' };
const DATE: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'long', day: 'numeric' };
const MACHINE: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'longOffset',
  calendar: 'gregory',
  numberingSystem: 'latn',
};

const KINDS: Readonly<Record<string, { options: Intl.DateTimeFormatOptions; locale?: string }>> = {
  'date-time': { options: DATE_TIME },
  date: { options: DATE },
  machine: { options: MACHINE, locale: 'en-US' },
};

const formatter = memoise((key: string): Intl.DateTimeFormat => {
  const [code, kind] = key.split('\u0000') as [EditionCode, string];
  const edition = editions[code];
  const { options, locale = edition.locale } = KINDS[kind]!;
  return new Intl.DateTimeFormat(locale, { calendar: edition.calendar, numberingSystem: edition.numberingSystem, ...options, timeZone: edition.timeZone });
});
const formatterFor = (edition: Edition, kind: string) => formatter(`${edition.code}\u0000${kind}`);

/** "November 27, 2026 at 9:30 AM GMT" / "27 ноября 2026 г. в 12:30 MSK"-style, in the edition's zone. */
export const formatDateTime = (iso: string, edition: Edition): string => formatterFor(edition, 'date-time').format(Date.parse(iso));

/** Date only, for listings. */
export const formatDate = (iso: string, edition: Edition): string => formatterFor(edition, 'date').format(Date.parse(iso));

/** Machine-readable value for `<time datetime>`: the instant in the edition's zone, with its offset. */
export function machineDateTime(iso: string, edition: Edition): string {
  const parts = Object.fromEntries(
    formatterFor(edition, 'machine')
      .formatToParts(Date.parse(iso))
      .map((p) => [p.type, p.value]),
  );
  const offset = parts.timeZoneName === 'GMT' ? '+00:00' : String(parts.timeZoneName).replace('GMT', '');
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}

/** Where formatted dates are kept across builds: the content caches (src/build/caches.ts). */
export interface DateTextStore {
  get(key: string): string | undefined;
  set(key: string, text: string): void;
}

const FORMATS = { dateTime: ['date-time', formatDateTime], date: ['date', formatDate], machine: ['machine', machineDateTime] } as const;

/**
 * A build's dates: each (edition, instant, format) formatted once, and with a store once
 * for as long as nothing that decides it changes. A story's date is shown on its page and
 * on every listing, feed and search record that includes it, and formatting one with its
 * zone, calendar and month name is the costly part (ADR 018). The store's fingerprint must change
 * with the code, the editions and Node's ICU and time zone data, which decide the text.
 */
export class DateTexts {
  readonly #store: DateTextStore | undefined;
  readonly #known = new Map<string, string>();

  constructor(store?: DateTextStore) {
    this.#store = store;
  }

  #text(which: keyof typeof FORMATS, iso: string, edition: Edition): string {
    const [kind, format] = FORMATS[which];
    const key = `${kind}\u0000${edition.code}\u0000${iso}`;
    let value = this.#known.get(key) ?? this.#store?.get(key);
    if (value === undefined) {
      value = format(iso, edition);
      this.#store?.set(key, value);
    }
    this.#known.set(key, value);
    return value;
  }

  dateTime(iso: string, edition: Edition): string {
    return this.#text('dateTime', iso, edition);
  }

  date(iso: string, edition: Edition): string {
    return this.#text('date', iso, edition);
  }

  machine(iso: string, edition: Edition): string {
    return this.#text('machine', iso, edition);
  }
}

export function epochMillis(iso: string): number {
  return DateTime.fromISO(iso, { setZone: true }).toMillis();
}

const numberFormat = memoise((code: string) => {
  const edition = editions[code as EditionCode];
  return new Intl.NumberFormat(edition.locale, { numberingSystem: edition.numberingSystem, useGrouping: false });
});

/** A number in the edition's digits (Persian digits for fa). */
export const formatNumber = (n: number, edition: Edition): string => numberFormat(edition.code).format(n);
