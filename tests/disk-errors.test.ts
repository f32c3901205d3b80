/**
 * A full or read-only disk: the build says what it could not do, where and why (never a
 * bare ENOSPC, a stack trace or the usage text), exits 1, and the published site stays as
 * it was; a cache that cannot be saved is a warning, and the build publishes. Each case
 * runs the real CLI in a mount namespace of its own (`unshare`), on a small tmpfs that
 * exists only there, so nothing on the machine is filled or remounted.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { npmScriptArgs } from '../scripts/npm-script.ts';
import { article, repoRoot, writeFixture } from './helpers/fixture-site.ts';

const NO_STACK = /\n\s+at .*(\.(ts|js|cjs|mjs)|node:internal).*:\d+/;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `script` (sh) as root of a new user and mount namespace, with a tmpfs of `sizeKb` at `disk`. */
function onSmallDisk(disk: string, sizeKb: number, script: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      'unshare',
      ['--user', '--map-root-user', '--mount', 'sh', '-euc', `mount -t tmpfs -o size=${sizeKb}k tmpfs "${disk}"\n${script}`],
      { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

let dir: string;
const build = (out: string, extra = '') =>
  [process.execPath, ...npmScriptArgs(repoRoot, 'build'), '--content', path.join(dir, 'content'), '--out', out, '--now', '2026-11-28T00:00:00Z', '--quiet']
    .map(shellQuote)
    .join(' ') + extra;
/** A story touched, not changed: the next build has work to do (one with nothing to do writes nothing, ADR 024), and the same site to write. */
const touched = () => `touch ${shellQuote(path.join(dir, 'content/en/2026/11/harbour.md'))}`;
/** A listing of every file of the site at `out` with its checksum, printed between markers. */
const listing = (out: string, mark: string) => `echo ${mark}; (cd ${shellQuote(out)}/ && find . -type f | sort | xargs sha256sum); echo ${mark}-end`;
const between = (text: string, mark: string) => text.slice(text.indexOf(`${mark}\n`) + mark.length + 1, text.indexOf(`${mark}-end`));

beforeAll(() => {
  dir = writeFixture({
    'content/en/2026/11/harbour.md': article('headline: Harbour reopens\ndate: 2026-11-26T09:30\ntags: [ports]', 'The lighthouse keeper returned.'),
    'content/ru/2026/11/mayak.md': article('headline: Маяк снова работает\ndate: 2026-11-26T10:00', 'Смотритель вернулся.'),
  });
});

describe.each([
  // [case, tmpfs size in KB (one site of this fixture fits, two do not), what happens between the builds, the message]
  ['the disk is full', 2200, '', /^Could not .*: the disk is full \(ENOSPC\); free some space on that disk/m],
  [
    'the disk is read-only',
    8000,
    'mount -o remount,ro "$DISK"',
    /^Could not create the folder .*\._site\.staging-\d+: the file system is read-only \(EROFS\)/m,
  ],
])('a build when %s', (_name, sizeKb, between_, message) => {
  let run: Run;
  let disk: string;
  beforeAll(async () => {
    disk = path.join(dir, `disk-${sizeKb}`);
    mkdirSync(disk);
    const out = path.join(disk, '_site');
    run = await onSmallDisk(
      disk,
      sizeKb,
      [
        `DISK=${shellQuote(disk)}`,
        build(out),
        listing(out, 'BEFORE'),
        between_,
        touched(),
        `${build(out, ' 2>&1')} && echo SECOND=0 || echo SECOND=$?`,
        listing(out, 'AFTER'),
        'echo LEFT; ls -a "$DISK"',
      ]
        .filter(Boolean)
        .join('\n'),
    );
  }, 180_000);

  it('says what could not be done, where and why, without a stack trace or the usage, and exits 1', () => {
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(message);
    expect(run.stdout).toContain('SECOND=1');
    expect(run.stdout).toContain('Nothing was published; _site/ is unchanged.');
    expect(run.stdout).not.toMatch(NO_STACK);
    expect(run.stdout).not.toContain('Usage:');
  });

  it('leaves the published site byte for byte as it was, and no staging folder', () => {
    const before = between(run.stdout, 'BEFORE');
    expect(before.split('\n').length).toBeGreaterThan(30);
    expect(between(run.stdout, 'AFTER')).toBe(before);
    const left = run.stdout
      .slice(run.stdout.indexOf('LEFT\n') + 5)
      .trim()
      .split('\n');
    expect(left.filter((n) => !['.', '..'].includes(n))).toEqual([expect.stringMatching(/^\._site\.site-\d+-\d+$/), '_site']);
  });
});

describe('a build whose body cache is on a full disk', () => {
  let run: Run;
  let cache: string;
  beforeAll(async () => {
    cache = path.join(dir, 'cache-disk');
    mkdirSync(cache);
    run = await onSmallDisk(
      cache,
      8,
      `MASTHEAD_BODY_CACHE=${shellQuote(cache)} ${build(path.join(dir, '_site-cache-full'))}; echo BUILT=$?; ls -a ${shellQuote(cache)}`,
    );
  }, 180_000);

  it('warns that the cache could not be saved, and publishes', () => {
    expect(run.stderr).toMatch(/^warning: could not save the cache .*cache-disk\/.* \(ENOSPC\): the next build will redo its work$/m);
    expect(run.stdout).toContain('BUILT=0');
    expect(readdirSync(path.join(dir, '_site-cache-full', 'en')).length).toBeGreaterThan(3);
  });

  it('leaves no temporary file in the cache', () => {
    expect(run.stdout).not.toMatch(/\.tmp$/m);
  });
});

describe('a build whose search cache is on a full disk', () => {
  let run: Run;
  let cache: string;
  beforeAll(async () => {
    cache = path.join(dir, 'search-cache-disk');
    mkdirSync(cache);
    run = await onSmallDisk(
      cache,
      8,
      `MASTHEAD_SEARCH_CACHE=${shellQuote(cache)} ${build(path.join(dir, '_site-search-cache-full'))}; echo BUILT=$?; find ${shellQuote(cache)}`,
    );
  }, 180_000);

  it('warns, for each edition, that its index could not be kept, and publishes the whole index', () => {
    for (const code of ['en', 'ru']) {
      expect(run.stderr).toMatch(
        new RegExp(`^warning: could not save the cache .*search-cache-disk/.* \\(ENOSPC\\): the next build will index ${code} again$`, 'm'),
      );
      const index = path.join(dir, '_site-search-cache-full', code, 'pagefind');
      for (const part of readdirSync(index)) expect(readdirSync(path.join(index, part)).length).toBeGreaterThan(3);
    }
    expect(run.stdout).toContain('BUILT=0');
  });

  it('leaves no temporary file in the cache', () => {
    expect(run.stdout).not.toMatch(/\.tmp/);
  });
});

describe('a build whose image cache is on a full disk', () => {
  // The renditions are made in the image cache and published from it: without room there, no site.
  let run: Run;
  beforeAll(async () => {
    const cache = path.join(dir, 'image-cache-disk');
    mkdirSync(cache);
    const out = path.join(dir, '_site-image-cache-full');
    run = await onSmallDisk(
      cache,
      64,
      [
        `MASTHEAD_IMAGE_CACHE=${shellQuote(path.join(dir, 'image-cache-roomy'))} ${build(out, ' 2>&1')} && echo FIRST=0 || echo FIRST=$?`,
        listing(out, 'BEFORE'),
        touched(),
        `MASTHEAD_IMAGE_CACHE=${shellQuote(cache)} ${build(out, ' 2>&1')} && echo SECOND=0 || echo SECOND=$?`,
        listing(out, 'AFTER'),
      ].join('\n'),
    );
  }, 180_000);

  it('says the image cache is full, naming it and how to move it, never "the file may be damaged" or a stack, and exits 1', () => {
    expect(run.stdout).toMatch(
      /^npm run build: could not write the photo renditions into .*image-cache-disk\/ \(the image cache; MASTHEAD_IMAGE_CACHE moves it\): the disk is full \(ENOSPC\)/m,
    );
    expect(run.stdout).toContain('FIRST=0');
    expect(run.stdout).toContain('SECOND=1');
    expect(run.stdout).not.toContain('damaged');
    expect(run.stdout).not.toMatch(NO_STACK);
  });

  it('leaves the published site as it was', () => {
    const before = between(run.stdout, 'BEFORE');
    expect(before.split('\n').length).toBeGreaterThan(30);
    expect(between(run.stdout, 'AFTER')).toBe(before);
  });
});
