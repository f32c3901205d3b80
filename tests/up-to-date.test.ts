/**
 * The build with nothing to do (src/publish/up-to-date.ts, ADR 024): a second build of
 * the same content leaves the site exactly as it is, and every change that could change
 * a byte of the site — a story, a photo, a flag, "now" crossing an embargo or the news
 * sitemap's window, a file of the published site touched or deleted — builds again,
 * giving the site a clean build gives.
 */
import { appendFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { article, type FixtureFiles, runCli, writeFixture } from './helpers/fixture-site.ts';
import { snapshot } from './helpers/site-files.ts';

const NOW = '2026-11-28T12:00:00Z';
const SKIPPED = 'Nothing changed since the last build';

const files = (): FixtureFiles => ({
  'content/en/2026/11/harbour.md': article('headline: Harbour reopens\ndate: 2026-11-26T09:30\ntags: [ports]', 'The lighthouse keeper returned.'),
  // Embargoed until 29 November 10:00 in London.
  'content/en/2026/11/budget.md': article('headline: Budget passes\ndate: 2026-11-29T10:00', 'The vote was close.'),
  'content/ru/2026/11/mayak.md': article('headline: Маяк снова работает\ndate: 2026-11-26T09:30', 'Смотритель вернулся.'),
  'content/fa/2026/11/fanus.md': article('headline: فانوس دوباره روشن شد\ndate: 2026-11-26T09:30', 'نگهبان برگشت.'),
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function buildIn(dir: string, out: string, args: string[] = [], now = NOW): Promise<Run> {
  return runCli('build', ['--content', path.join(dir, 'content'), '--out', path.join(dir, out), '--now', now, ...args], {
    MASTHEAD_BODY_CACHE: path.join(dir, '.cache', 'bodies'),
    MASTHEAD_SEARCH_CACHE: path.join(dir, '.cache', 'search'),
  });
}

/** The site a build from nothing gives for the content as it is now. */
async function cleanBuild(dir: string, args: string[] = [], now = NOW) {
  const out = `_clean-${Math.random().toString(36).slice(2)}`;
  const run = await buildIn(dir, out, args, now);
  expect(run.code, run.stderr).toBe(0);
  return snapshot(path.join(dir, out));
}

describe('a build with nothing to do', () => {
  let dir: string;
  let first: Run;
  let second: Run;
  let inodeBefore: number;
  let inodeAfter: number;
  beforeAll(async () => {
    dir = writeFixture(files());
    first = await buildIn(dir, '_site');
    inodeBefore = statSync(path.join(dir, '_site', 'en', 'index.html')).ino;
    second = await buildIn(dir, '_site', ['--quiet'], '2026-11-28T12:30:00Z');
    inodeAfter = statSync(path.join(dir, '_site', 'en', 'index.html')).ino;
  });

  it('leaves the site as it is, even at another "now" that changes nothing', () => {
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).not.toContain(SKIPPED);
    expect(second.code, second.stderr).toBe(0);
    // --quiet prints nothing: the site is up to date.
    expect(second.stdout).toBe('');
    expect(inodeAfter).toBe(inodeBefore);
  });

  // Each change, made to the fixture as it is, must build again and give what a clean build gives.
  const changes: { change: string; make: (dir: string) => void; args?: string[]; now?: string }[] = [
    { change: 'a story edited', make: (d) => appendFileSync(path.join(d, 'content/en/2026/11/harbour.md'), '\nA correction.\n') },
    {
      change: 'a story edited keeping its size and modification time',
      make: (d) => {
        const file = path.join(d, 'content/ru/2026/11/mayak.md');
        const { atime, mtime } = statSync(file);
        writeFileSync(file, article('headline: Маяк снова светит\ndate: 2026-11-26T09:30', 'Смотритель вернулся.'));
        utimesSync(file, atime, mtime);
      },
    },
    {
      change: 'a story added',
      make: (d) => writeFileSync(path.join(d, 'content/fa/2026/11/bandar.md'), article('headline: بندر باز شد\ndate: 2026-11-27T08:00', 'متن.')),
    },
    { change: 'a story deleted', make: (d) => rmSync(path.join(d, 'content/fa/2026/11/bandar.md')) },
    { change: 'another base URL', make: () => {}, args: ['--base-url', 'https://mirror.example'] },
    { change: '"now" past an embargo', make: () => {}, now: '2026-11-29T12:00:00Z' },
    { change: '"now" past the news window of every story', make: () => {}, now: '2026-12-05T12:00:00Z' },
    { change: 'a page of the site changed', make: (d) => appendFileSync(path.join(d, '_site/en/index.html'), '<!-- tampered -->') },
    { change: 'a page of the site deleted', make: (d) => rmSync(path.join(d, '_site/ru/index.html')) },
  ];
  it.for(changes)('$change: builds again, as a clean build would', async ({ make, args = [], now = NOW }) => {
    make(dir);
    const run = await buildIn(dir, '_site', args, now);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toContain(SKIPPED);
    expect(snapshot(path.join(dir, '_site'))).toEqual(await cleanBuild(dir, args, now));
    // And then, with nothing changed again, nothing to do.
    const again = await buildIn(dir, '_site', args, now);
    expect(again.stdout).toContain(SKIPPED);
  });
});
