/**
 * The editions' reach settings (`reach` in src/editions/<code>.ts: the onion service and
 * the mirrors, ADR 021): checked when a build or `npm run check` starts, each problem
 * naming the edition file, the line and the field; and read by everything that prints
 * an address (the onion-location meta tag, `_headers`, mirrors.json, the nginx config,
 * the page "If this site is blocked").
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildOptions } from '../build/options.ts';
import type { ContentProblem } from '../content/problems.ts';
import type { Edition, EditionCode } from './edition.ts';
import { editions } from './registry.ts';

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';
const EXAMPLE_ONION = 'http://<56 letters a–z and digits 2–7>.onion';

/** The 35 bytes a v3 onion address spells: public key, checksum, version (Tor's rend-spec-v3). */
function base32Decode(text: string): Buffer {
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const c of text) {
    value = (value << 5) | BASE32.indexOf(c);
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

/** Whether a 56-character label is a real v3 address: version 3 and the SHA3 checksum Tor puts in every address. */
function isOnionV3(label: string): boolean {
  const bytes = base32Decode(label);
  const key = bytes.subarray(0, 32);
  const version = bytes.subarray(34, 35);
  const checksum = createHash('sha3-256')
    .update(Buffer.concat([Buffer.from('.onion checksum'), key, version]))
    .digest()
    .subarray(0, 2);
  return version[0] === 3 && checksum.equals(bytes.subarray(32, 34));
}

/** What is wrong with an onion address as written, or undefined. */
export function onionProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `"${value}" is not a URL: write http:// and the onion service's address, ${EXAMPLE_ONION}`;
  }
  if (url.protocol !== 'http:') {
    return `"${value}" must start with http://: an onion service is reached over plain HTTP, which Tor encrypts end to end (the build's nginx config serves it so)`;
  }
  if (!url.hostname.endsWith('.onion')) return `"${value}" is not an onion address (its host must end in .onion): put other addresses in reach.mirrors`;
  if (url.username || url.password || url.port || url.pathname !== '/' || url.search || url.hash) {
    return `"${value}" must be the onion service's origin alone, ${EXAMPLE_ONION}: no port, path, query or fragment (it serves the site at its root)`;
  }
  const label = url.hostname.slice(0, -'.onion'.length);
  if (!/^[a-z2-7]{56}$/.test(label)) {
    return `"${url.hostname}" is not a v3 onion address: 56 letters a–z and digits 2–7 before .onion (16-character v2 addresses no longer work in Tor)`;
  }
  if (!isOnionV3(label)) return `"${url.hostname}" has a wrong checksum: a character is mistyped; copy the address from the onion service's hostname file`;
  return undefined;
}

/** What is wrong with a mirror's address as written, or undefined. */
export function mirrorProblem(value: string, options: Pick<BuildOptions, 'baseUrl'>): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `"${value}" is not a URL: write the https address of the site's root on the mirror, e.g. https://mirror-1.meridian.example/`;
  }
  if (url.hostname.endsWith('.onion')) return `"${value}" is an onion address: put it in reach.onion`;
  if (url.protocol !== 'https:')
    return `"${value}" must start with https://: readers type and share mirror addresses, and plain http can be read and altered on the way`;
  if (url.username || url.password || url.search || url.hash)
    return `"${value}" has a user name, query or fragment: write only the address of the site's root on the mirror`;
  if (!url.pathname.endsWith('/'))
    return `"${value}" must end with "/": it is the address of the folder the site's root is in (e.g. https://cdn.example/meridian/)`;
  if (url.origin === new URL(options.baseUrl).origin && url.pathname === '/')
    return `"${value}" is the main site itself (--base-url): a mirror is a copy elsewhere`;
  return undefined;
}

/** What is wrong with the day the addresses were checked, as written, or undefined. */
export function dateProblem(value: string): string | undefined {
  const day = new Date(`${value}T00:00:00Z`);
  // 2026-13-40 is no day (an invalid Date), 2026-02-30 another day (March 2nd).
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(day.getTime()) && day.toISOString().startsWith(value);
  return valid ? undefined : `"${value}" is not a date: write the day the addresses were last confirmed to work, e.g. 2026-11-20`;
}

/** The onion service's origin, without a trailing slash (`http://….onion`), when the edition has one. */
export function onionOrigin(edition: Edition): string | undefined {
  return edition.reach.onion ? new URL(edition.reach.onion).origin : undefined;
}

/** The onion service's address of a page: `<onion origin><site path>` (the onion serves the site at its root). */
export function onionUrl(edition: Edition, sitePath: string): string | undefined {
  const origin = onionOrigin(edition);
  return origin ? origin + encodeURI(sitePath) : undefined;
}

/** The onion service for the pages above the editions (the root page, the root 404): the first edition's that has one. */
export function siteOnion(codes: readonly EditionCode[]): Edition | undefined {
  return codes.map((c) => editions[c]).find((e) => e.reach.onion);
}

/** The edition's mirrors, each the URL of the site's root on it (ends with "/"). */
export function mirrorsOf(edition: Edition): string[] {
  return (edition.reach.mirrors ?? []).map((m) => new URL(m).href);
}

/** The edition file as a repo-relative path, and the line of a value written in it (or of `reach:`). */
function whereIn(rootDir: string, code: EditionCode): { file: string; lineOf: (value?: string) => number | undefined } {
  const absolute = fileURLToPath(new URL(`./${code}.ts`, import.meta.url));
  const file = path.relative(rootDir, absolute).split(path.sep).join('/');
  let lines: string[] | undefined;
  const lineOf = (value?: string) => {
    try {
      lines ??= readFileSync(absolute, 'utf8').split('\n');
    } catch {
      return undefined;
    }
    const needle = value === undefined ? /^\s*reach:/ : undefined;
    const index = lines.findIndex((l) => (needle ? needle.test(l) : l.includes(`'${value}'`) || l.includes(`"${value}"`)));
    return index < 0 ? undefined : index + 1;
  };
  return { file, lineOf };
}

/** Every problem of every edition's reach settings, as `src/editions/<code>.ts:line: reach.<field>: message`. */
export function reachProblems(rootDir: string, options: Pick<BuildOptions, 'baseUrl' | 'editions'>): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const code of options.editions) {
    const { reach } = editions[code];
    const { file, lineOf } = whereIn(rootDir, code);
    const report = (field: string, message: string, value?: string) => {
      const line = lineOf(value);
      problems.push({ file, ...(line ? { line } : {}), field, message, severity: 'error' });
    };
    if (reach.onion !== undefined) {
      const problem = onionProblem(reach.onion);
      if (problem) report('reach.onion', problem, reach.onion);
    }
    const seen = new Set<string>();
    (reach.mirrors ?? []).forEach((mirror, i) => {
      const problem = mirrorProblem(mirror, options);
      if (problem) report(`reach.mirrors[${i}]`, problem, mirror);
      else if (seen.has(new URL(mirror).href)) report(`reach.mirrors[${i}]`, `"${mirror}" is listed twice`, mirror);
      else seen.add(new URL(mirror).href);
    });
    if (reach.checked !== undefined) {
      const problem = dateProblem(reach.checked);
      if (problem) report('reach.checked', problem, reach.checked);
    } else if (reach.onion !== undefined || reach.mirrors?.length) {
      report('reach.checked', 'is missing: give the day the addresses were last confirmed to work (YYYY-MM-DD); mirrors.json dates each address by it');
    }
  }
  return problems;
}
