import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNumber, machineDateTime, parseDateTime, resolveDateTime } from './dates.ts';
import { editions } from './registry.ts';

describe('parseDateTime', () => {
  it.each([
    ['2026-03-21T09:30', 'Europe/Moscow', '2026-03-21T09:30:00+03:00'],
    ['2026-03-21T09:30:15', 'Asia/Tehran', '2026-03-21T09:30:15+03:30'],
    ['2026-07-01T09:30', 'Europe/London', '2026-07-01T09:30:00+01:00'],
    ['2026-03-21T09:30+05:00', 'Europe/Moscow', '2026-03-21T09:30:00+05:00'],
    ['2026-03-21T09:30Z', 'Asia/Tehran', '2026-03-21T09:30:00Z'],
    ['2026-03-21 09:30', 'Europe/London', '2026-03-21T09:30:00+00:00'],
  ])('%s in %s → %s (no offset means the edition’s zone)', (input, zone, expected) => {
    expect(parseDateTime(input, zone)).toBe(expected);
  });

  it.each(['2026-03-21', 'yesterday', '2026-02-30T10:00', '2026-13-01T10:00', '21.03.2026 09:30', ''])('rejects %j', (input) => {
    expect(parseDateTime(input, 'UTC')).toBeUndefined();
  });
});

// Golden strings: what a reader of each edition sees (Node 20 ICU; see STACK.md).
describe('dates per edition', () => {
  const iso = '2026-03-21T09:30:00Z';
  it.each([
    ['en', 'March 21, 2026 at 9:30 AM GMT', 'March 21, 2026', '2026-03-21T09:30:00+00:00'],
    ['ru', '21 марта 2026 г. в 12:30 GMT+3', '21 марта 2026 г.', '2026-03-21T12:30:00+03:00'],
    ['fa', '۱ فروردین ۱۴۰۵ ساعت ۱۳:۰۰ (‎+۳:۳۰ گرینویچ)', '۱ فروردین ۱۴۰۵', '2026-03-21T13:00:00+03:30'],
  ] as const)('%s', (code, dateTime, date, machine) => {
    const edition = editions[code];
    expect(formatDateTime(iso, edition)).toBe(dateTime);
    expect(formatDate(iso, edition)).toBe(date);
    expect(machineDateTime(iso, edition)).toBe(machine);
  });

  it('URL dates use the edition’s calendar day, Gregorian and Latin digits', () => {
    // 22:30 UTC on 20 March is already 21 March in Tehran.
    expect(resolveDateTime('2026-03-20T22:30:00Z', 'Asia/Tehran')?.ymd).toEqual(['2026', '03', '21']);
    expect(resolveDateTime('2026-03-20T22:30:00Z', 'Europe/London')?.ymd).toEqual(['2026', '03', '20']);
  });

  it.each([
    ['en', '12'],
    ['ru', '12'],
    ['fa', '۱۲'],
  ] as const)('numbers in %s: %s', (code, expected) => {
    expect(formatNumber(12, editions[code])).toBe(expected);
  });
});
