/**
 * What killed builds leave — staging folders, links and site folders beside `_site`,
 * image encode folders, stores' temporary files, search restores — is removed by the
 * next build; what a running build has there is left alone; and git ignores all of it.
 * A killed build is a process that has exited: its id is on every name it left.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { article, type CliResult, jpeg, repoRoot, runCli, writeFixture } from './helpers/fixture-site.ts';
import { snapshot } from './helpers/site-files.ts';

let dir: string;
let first: Record<string, string>;
let second: CliResult;
/** A process that ran and is gone, as a killed build is. */
let dead: number;
/** One that is running (this test's): its files are another build's, in use. */
const live = process.pid;

const caches = () => ({
  MASTHEAD_BODY_CACHE: path.join(dir, 'cache', 'bodies'),
  MASTHEAD_IMAGE_CACHE: path.join(dir, 'cache', 'images'),
  MASTHEAD_SEARCH_CACHE: path.join(dir, 'cache', 'search'),
});
const build = () =>
  runCli('build', ['--content', path.join(dir, 'content'), '--out', path.join(dir, '_site'), '--now', '2026-11-28T00:00:00Z', '--quiet'], caches());

/** A store's file in a cache folder (filled by the first build). */
const storeIn = (folder: string) => readdirSync(path.join(dir, 'cache', folder)).find((n) => /\.(json|bin)$/.test(n))!;

// [what, its name for a build with this id (relative to the fixture folder), what it is]
const kinds: [string, (pid: number) => string, 'folder' | 'file' | 'link'][] = [
  ['a staging folder', (pid) => `._site.staging-${pid}`, 'folder'],
  ['a link not yet renamed over _site', (pid) => `._site.link-${pid}`, 'link'],
  ['a finished site folder no link shows', (pid) => `._site.site-${pid}-1764547200000`, 'folder'],
  ["an image encode's private folder", (pid) => `cache/images/tmp-${pid}-a1b2c3`, 'folder'],
  ["the body cache's temporary file", (pid) => `cache/bodies/${storeIn('bodies')}.${pid}.tmp`, 'file'],
  ["the image cache's temporary file", (pid) => `cache/images/${storeIn('images')}.${pid}.tmp`, 'file'],
  ['a search restore', (pid) => `cache/search/.restore-en-${pid}-x1y2z3`, 'folder'],
  ['a search bundle being stored', (pid) => `cache/search/en-0123456789abcdef.${pid}.tmp`, 'folder'],
];

function leave(pid: number): void {
  for (const [, name, kind] of kinds) {
    const target = path.join(dir, name(pid));
    if (kind === 'folder') writeFixture({ 'index.html': '<p>half written</p>' }, target);
    else if (kind === 'file') writeFileSync(target, 'half written');
    else symlinkSync(`._site.site-${pid}-1764547200000`, target);
  }
}

/** Whether a name is there (a dangling link too). */
const present = (name: string) => readdirSync(path.dirname(path.join(dir, name))).includes(path.basename(name));

beforeAll(async () => {
  dir = writeFixture({
    'content/en/2026/11/harbour.md': article(
      'headline: Harbour reopens\ndate: 2026-11-26T09:30\nphoto:\n  src: harbour.jpg\n  alt: Boats in the harbour',
      'The lighthouse keeper returned.',
    ),
    'content/en/2026/11/harbour.jpg': await jpeg(1600, 900, '#336699'),
    'content/ru/2026/11/mayak.md': article('headline: Маяк снова работает\ndate: 2026-11-26T10:00', 'Смотритель вернулся.'),
  });
  const built = await build();
  expect(built.code, built.stderr).toBe(0);
  first = snapshot(path.join(dir, '_site'));
  dead = spawnSync(process.execPath, ['-e', '0']).pid;
  leave(dead);
  leave(live);
  // Touched, not changed: the next build has work to do (a build with nothing to do stops
  // before the caches, ADR 024) and gives the same site.
  const story = path.join(dir, 'content/en/2026/11/harbour.md');
  utimesSync(story, new Date(), new Date());
  second = await build();
}, 180_000);

describe('the build after a killed build', () => {
  it('publishes the same site, and says nothing about the leftovers', () => {
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toBe('');
    expect(snapshot(path.join(dir, '_site'))).toEqual(first);
  });

  it.each(kinds.map(([what, name]) => [what, name] as const))("removes a dead build's %s, keeps a running build's", (_what, name) => {
    expect(present(name(dead))).toBe(false);
    expect(present(name(live))).toBe(true);
  });
});

describe('git', () => {
  it.each([
    '_site',
    '._site.staging-4242',
    '._site.site-4242-1764547200000',
    '._site.link-4242',
    '._site.previous-4242-1764547200000',
    '_site-en',
    '._site-en.staging-4242',
    '_dev/en/index.html',
    '.cache/images/tmp-4242-a1b2c3/x.webp',
  ])('ignores %s', (name) => {
    // --no-index: the patterns themselves, whatever is tracked.
    expect(execFileSync('git', ['check-ignore', '--no-index', name], { cwd: repoRoot, encoding: 'utf8' }).trim()).toBe(name);
  });
});
