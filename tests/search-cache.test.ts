/**
 * The search cache: an edition whose articles are unchanged since an earlier build gets
 * its Pagefind bundle from the cache, byte for byte what indexing writes; an edition
 * with a changed story is indexed again.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { article, type CliResult, runCli, writeFixture } from './helpers/fixture-site.ts';
import { snapshot } from './helpers/site-files.ts';

let dir: string;
const cache = mkdtempSync(path.join(tmpdir(), 'masthead-search-cache-'));
const build = (out: string): Promise<CliResult> =>
  runCli('build', ['--content', path.join(dir, 'content'), '--out', path.join(dir, out), '--now', '2026-11-28T00:00:00Z'], {
    MASTHEAD_SEARCH_CACHE: cache,
  });
const runs: CliResult[] = [];

beforeAll(async () => {
  dir = writeFixture({
    'content/en/2026/11/harbour.md': article('headline: Harbour reopens\ndate: 2026-11-26T09:30', 'The lighthouse keeper returned.'),
    'content/ru/2026/11/mayak.md': article('headline: Маяк снова работает\ndate: 2026-11-26T09:30', 'Смотритель вернулся.'),
    'content/fa/2026/11/fanus.md': article('headline: فانوس دوباره روشن شد\ndate: 2026-11-26T09:30', 'نگهبان برگشت.'),
  });
  runs.push(await build('_site-1'));
  runs.push(await build('_site-2'));
  writeFileSync(
    path.join(dir, 'content/en/2026/11/harbour.md'),
    article('headline: Harbour reopens\ndate: 2026-11-26T09:30', 'The lighthouse keeper returned at dawn.'),
  );
  runs.push(await build('_site-3'));
});

describe('search cache', () => {
  it('indexes every edition the first time', () => {
    expect(runs[0]?.code).toBe(0);
    // One part per edition: each edition has one story.
    expect(runs[0]?.stdout).toContain('3 articles in 3 parts: 3 indexed, 0 from the cache');
  });

  it('reuses every bundle when nothing changed, with the same bytes', () => {
    expect(runs[1]?.stdout).toContain('3 articles in 3 parts: 0 indexed, 3 from the cache');
    for (const edition of ['en', 'ru', 'fa']) {
      expect(snapshot(path.join(dir, '_site-2', edition, 'pagefind'))).toEqual(snapshot(path.join(dir, '_site-1', edition, 'pagefind')));
    }
  });

  it('indexes again only the part whose story changed', () => {
    expect(runs[2]?.stdout).toContain('3 articles in 3 parts: 1 indexed, 2 from the cache');
    expect(snapshot(path.join(dir, '_site-3', 'en', 'pagefind'))).not.toEqual(snapshot(path.join(dir, '_site-1', 'en', 'pagefind')));
    expect(snapshot(path.join(dir, '_site-3', 'ru', 'pagefind'))).toEqual(snapshot(path.join(dir, '_site-1', 'ru', 'pagefind')));
  });
});
