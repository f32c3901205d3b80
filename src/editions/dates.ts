/**
 * Dates as readers of each edition expect them: in the edition's time zone, locale,
 * calendar and digits. Always through toLocaleString (Intl), never toFormat with
 * month names, which mixes the Gregorian day and year with Persian month names.
 */
import { DateTime } from 'luxon';
import { memoise } from '../build/memoise.ts';
import type { Edition, EditionCode } from './edition.ts';
import { editions } from './registry.ts';

const DATE_TIME_SHAPE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/;

/** The years a story may be dated in: a typo such as 0026 or 20266 must not publish at /en/0/… */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2200;
/** Offsets in use on Earth run from -12:00 to +14:00; anything beyond is a typo. */
const MAX_OFFSET_EAST = 14 * 60;
const MAX_OFFSET_WEST = 12 * 60;

/**
 * Parses a frontmatter date-time. Without an offset it means the edition's zone.
 * Returns the instant as an ISO string that keeps the offset it was written with
 * (or the edition's), or undefined when it is not a usable date-time.
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
  /** What the editor should know about a usable but ambiguous time (the contract carries readDateTime's warning here). */
  warning?: string;
}

/**
 * A frontmatter date-time read: the instant, or what is wrong with it in words an editor
 * can act on; `warning` when it is usable but ambiguous (a local time that happens twice).
 */
export type DateReading = { resolved: ResolvedDateTime; warning?: string } | { problem: string };

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const pad = (n: number) => String(n).padStart(2, '0');
const offsetText = (minutes: number) => `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;

/**
 * Everything the loader needs from one frontmatter date, from a single parse: zone
 * offset lookups (Intl) are the costly part, so each date is resolved exactly once.
 *
 * A local time (no offset) is read on the edition's clock. Daylight saving makes two
 * kinds of clock time special: one in the hour the clocks skip (London, 2026-03-29
 * 01:30) never happened, and is refused — moving it silently would publish a story at
 * a time nobody wrote; one in the hour the clocks repeat (2026-10-25 01:30) happened
 * twice, and is read as the second (the zone's standard time, as luxon does) with a
 * warning that says how to choose the other with an offset.
 */
export function readDateTime(value: string, timeZone: string): DateReading {
  const text = value.trim();
  const shape = DATE_TIME_SHAPE.exec(text);
  const example = '2026-11-27T09:30 or 2026-11-27T09:30+03:00';
  if (!shape) return { problem: `"${value}" is not an ISO 8601 date-time: write it as ${example}` };
  const [year, month, day, hour, minute, second = 0] = shape.slice(1, 7).map((n) => Number(n ?? 0)) as number[] as [
    number,
    number,
    number,
    number,
    number,
    number?,
  ];
  const zoneText = shape[8];
  if (year < FIRST_YEAR || year > LAST_YEAR) return { problem: `"${value}": the year ${shape[1]} is outside ${FIRST_YEAR}–${LAST_YEAR}; check the date` };
  if (month < 1 || month > 12) return { problem: `"${value}": there is no month ${shape[2]}; months run from 01 to 12` };
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) {
    return { problem: `"${value}": ${MONTHS[month - 1]} ${year} has no day ${shape[3]} (it has ${daysInMonth} days); check the date` };
  }
  if (hour === 24) return { problem: `"${value}": 24:00 is the next day's 00:00; write that date with T00:00 (or T23:59 for the end of this day)` };
  if (hour > 23 || minute > 59 || second > 59) {
    const time = shape[6] === undefined ? `${shape[4]}:${shape[5]}` : `${shape[4]}:${shape[5]}:${shape[6]}`;
    return { problem: `"${value}": ${time} is not a time of day; hours run 00–23, minutes and seconds 00–59` };
  }
  if (zoneText && zoneText !== 'Z') {
    const [, sign, hh, mm = '00'] = /^([+-])(\d{2}):?(\d{2})?$/.exec(zoneText) ?? [];
    const minutes = Number(hh) * 60 + Number(mm);
    if (Number(mm) > 59 || (sign === '+' ? minutes > MAX_OFFSET_EAST : minutes > MAX_OFFSET_WEST)) {
      return {
        problem: `"${value}": ${zoneText} is not a time zone offset; offsets run from -12:00 to +14:00 (e.g. +03:00), or leave it out for the edition's zone`,
      };
    }
  }
  const dt = DateTime.fromISO(text.replace(' ', 'T'), { zone: timeZone, setZone: true });
  if (!dt.isValid) return { problem: `"${value}" is not an ISO 8601 date-time: write it as ${example}` };
  let warning: string | undefined;
  if (!zoneText) {
    const wall = Date.UTC(year, month - 1, day, hour, minute, second);
    const zone = dt.zone;
    // The offsets a few hours either side cover every daylight-saving change.
    const around = [...new Set([zone.offset(wall - 12 * 3_600_000), zone.offset(wall + 12 * 3_600_000), dt.offset])];
    const readings = around.filter((offset) => zone.offset(wall - offset * 60_000) === offset).sort((a, b) => b - a);
    const clock = `${shape[4]}:${shape[5]}`;
    if (readings.length === 0) {
      return {
        problem: `"${value}": ${clock} on that day does not exist in ${timeZone}, because the clocks go forward then; write the time the clocks showed (e.g. ${pad(dt.hour)}:${pad(dt.minute)}) or add an offset`,
      };
    }
    if (readings.length > 1) {
      warning = `"${value}": ${clock} happens twice on that day in ${timeZone}, because the clocks go back; read as ${clock}${offsetText(dt.offset)}. Add ${readings.map(offsetText).join(' or ')} to say which`;
    }
  }
  const local = dt.zoneName === timeZone ? dt : dt.setZone(timeZone);
  const resolved: ResolvedDateTime = {
    iso: dt.toISO({ suppressMilliseconds: true }) ?? text,
    millis: dt.toMillis(),
    ymd: [String(local.year), pad(local.month), pad(local.day)],
  };
  return warning ? { resolved, warning } : { resolved };
}

/** The instant of a frontmatter date-time, or undefined when readDateTime finds a problem with it. */
export function resolveDateTime(value: string, timeZone: string): ResolvedDateTime | undefined {
  const reading = readDateTime(value, timeZone);
  return 'resolved' in reading ? reading.resolved : undefined;
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
