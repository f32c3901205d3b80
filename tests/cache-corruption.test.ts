/**
 * A cache must never change what is published: every kind of cache file, damaged the
 * ways a faulty disk, a killed process or a bad restore damage it (bytes flipped,
 * truncated, emptied, a file missing or added), and a build over it is byte for byte the
 * clean build, exits 0, and `npm run check` over it passes. Each case starts from a copy
 * of the same warm caches.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { article, type CliResult, jpeg, runCli, writeFixture } from './helpers/fixture-site.ts';
import { snapshot } from './helpers/site-files.ts';

let dir: string;
let warm: string;
let clean: Record<string, string>;

const NOW = '2026-11-28T00:00:00Z';
const cacheEnv = (caches: string) => ({
  MASTHEAD_BODY_CACHE: path.join(caches, 'bodies'),
  MASTHEAD_IMAGE_CACHE: path.join(caches, 'images'),
  MASTHEAD_SEARCH_CACHE: path.join(caches, 'search'),
  // Node's own cache of the compiled modules every command loads (src/cli/main.mjs).
  NODE_COMPILE_CACHE: path.join(caches, 'node'),
});
const build = (caches: string, out: string): Promise<CliResult> =>
  runCli('build', ['--content', path.join(dir, 'content'), '--out', out, '--now', NOW, '--quiet'], cacheEnv(caches));
const check = (caches: string): Promise<CliResult> => runCli('check', ['--content', path.join(dir, 'content'), '--now', NOW], cacheEnv(caches));

/** Every file below `root` whose relative path matches, sorted: a case damages the first (or all). */
function filesMatching(root: string, pattern: RegExp): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .filter((f) => pattern.test(path.relative(root, f).split(path.sep).join('/')))
    .sort();
}

const flip = (file: string) => {
  const bytes = readFileSync(file);
  const at = Math.floor(bytes.length / 2);
  for (let i = at; i < Math.min(bytes.length, at + 16); i++) bytes[i] = bytes[i]! ^ 0x5a;
  writeFileSync(file, bytes);
};
const halve = (file: string) => truncateSync(file, Math.floor(statSync(file).size / 2));
const empty = (file: string) => writeFileSync(file, '');

// [case, the files (relative to the caches folder), what is done to each]
const damage: [string, RegExp, (file: string) => void][] = [
  ['rendered bodies: 16 bytes flipped', /^bodies\/bodies-.*\.bin$/, flip],
  ['rendered bodies: truncated to half', /^bodies\/bodies-.*\.bin$/, halve],
  ['validated articles: 16 bytes flipped', /^bodies\/articles-.*\.json$/, flip],
  ['validated articles: truncated to half', /^bodies\/articles-.*\.json$/, halve],
  ['article texts: emptied', /^bodies\/article-texts-.*\.json$/, empty],
  ['formatted dates: truncated to half', /^bodies\/dates-.*\.json$/, halve],
  ['photo inspections: truncated to half', /^images\/inspections-.*\.json$/, halve],
  ['image manifests: 16 bytes flipped', /^images\/manifests\/.*\.json$/, flip],
  ['image manifests: plain JSON of the wrong shape', /^images\/manifests\/.*\.json$/, (f) => writeFileSync(f, '[{"name":"../../etc/passwd"}]')],
  ['image renditions: 16 bytes flipped (same size)', /^images\/files\/.*\.(jpg|webp|avif)$/, flip],
  ['image renditions: truncated to half', /^images\/files\/.*\.(jpg|webp|avif)$/, halve],
  ['image renditions: deleted', /^images\/files\/.*-320\.webp$/, (f) => rmSync(f)],
  ['verified renditions store: 16 bytes flipped', /^images\/renditions-.*\.json$/, flip],
  ['search bundles: 16 bytes flipped in every index file', /^search\/[a-z]+-[0-9a-f]+\/.*\.pf_(index|fragment|meta)$/, flip],
  ['search bundles: a file missing', /^search\/[a-z]+-[0-9a-f]+\/pagefind-entry\.json$/, (f) => rmSync(f)],
  [
    'search bundles: a file added',
    /^search\/[a-z]+-[0-9a-f]+\/pagefind-entry\.json$/,
    (f) => writeFileSync(path.join(path.dirname(f), 'extra.js'), 'alert(1)'),
  ],
  ["compiled modules (Node's compile cache): 16 bytes flipped in every entry", /^node\/[^/]+\/[0-9a-f]+$/, flip],
  ["compiled modules (Node's compile cache): every entry truncated to half", /^node\/[^/]+\/[0-9a-f]+$/, halve],
  ["compiled modules (Node's compile cache): every entry emptied", /^node\/[^/]+\/[0-9a-f]+$/, empty],
  ['search bundles: the listing damaged', /^search\/[a-z]+-[0-9a-f]+\/\.masthead-files$/, flip],
];

beforeAll(async () => {
  dir = writeFixture({
    'content/en/2026/11/harbour.md': article(
      'headline: Harbour reopens\ndate: 2026-11-26T09:30\ntags: [ports]\nphoto:\n  src: harbour.jpg\n  alt: Boats in the harbour',
      'The lighthouse keeper returned. See [the vote](budget.md).',
    ),
    'content/en/2026/11/harbour.jpg': await jpeg(1600, 900, '#336699'),
    'content/en/2026/11/budget.md': article('headline: Budget passes\ndate: 2026-11-25T09:30\nsection: economy\nbyline: Jana Novak', 'A *close* vote.'),
    'content/ru/2026/11/mayak.md': article(
      'headline: Маяк снова работает\ndate: 2026-11-26T10:00\nphoto:\n  src: mayak.jpg\n  alt: Маяк',
      'Смотритель вернулся.',
    ),
    'content/ru/2026/11/mayak.jpg': await jpeg(1200, 800, '#996633'),
    'content/fa/2026/11/fanus.md': article('headline: فانوس دوباره روشن شد\ndate: 2026-11-26T09:30', 'نگهبان برگشت.'),
  });
  // The clean build, with caches of its own that it fills; then the warm caches are what it left.
  warm = mkdtempSync(path.join(tmpdir(), 'masthead-caches-'));
  const first = await build(warm, path.join(dir, '_site-clean'));
  expect(first.code, first.stderr).toBe(0);
  clean = snapshot(path.join(dir, '_site-clean'));
  // A second build over the warm caches, so every cache holds what a warm build reads.
  const second = await build(warm, path.join(dir, '_site-warm'));
  expect(second.code, second.stderr).toBe(0);
  expect(snapshot(path.join(dir, '_site-warm'))).toEqual(clean);
}, 180_000);

describe.each(damage)('a build over a cache with %s', (name, pattern, harm) => {
  let run: CliResult;
  let checked: CliResult;
  let out: string;
  beforeAll(async () => {
    const caches = mkdtempSync(path.join(tmpdir(), 'masthead-caches-'));
    cpSync(warm, caches, { recursive: true });
    const files = filesMatching(caches, pattern);
    expect(files.length, `files for ${name}`).toBeGreaterThan(0);
    for (const file of files) harm(file);
    out = path.join(dir, `_site-${name.replace(/\W+/g, '-')}`);
    run = await build(caches, out);
    checked = await check(caches);
  }, 120_000);

  it('exits 0 and is byte for byte the clean build', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(snapshot(out)).toEqual(clean);
  });

  it('passes npm run check', () => {
    expect(checked.code, checked.stdout + checked.stderr).toBe(0);
  });
});
