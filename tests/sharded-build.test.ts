/**
 * Sharded builds: one build per edition, then `npm run assemble`, must publish exactly
 * the site a single `npm run build` publishes, byte for byte.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { article, buildFixture, type CliResult, jpeg, runCli, writeFixture } from './helpers/fixture-site.ts';
import { snapshot } from './helpers/site-files.ts';

const NOW = '2026-11-28T00:00:00Z';
const FLAGS = ['--now', NOW, '--pathprefix', '/news/', '--quiet'];

let dir: string;
let monolithic: string;
let shards: Record<string, CliResult>;
let assembled: CliResult;

beforeAll(async () => {
  const photo = await jpeg(1200, 800);
  dir = writeFixture({
    'content/en/2026/11/floods.md': article(
      'headline: Floods in Valdor\ndate: 2026-11-26T09:30\nbreaking: true\ntranslationKey: floods\ntags: [floods, valdor]\nbyline: Jana Novak\naliases: [/en/old/floods/]\nphoto:\n  src: floods.jpg\n  alt: A flooded street',
      'Water rose overnight. See [the budget story](/en/2026/11/25/budget/).',
    ),
    'content/en/2026/11/floods.jpg': photo,
    'content/en/2026/11/budget.md': article('headline: Budget passes\ndate: 2026-11-25T09:30\nsection: economy'),
    'content/ru/2026/11/navodnenie.md': article(
      'headline: Наводнение в Валдоре\ndate: 2026-11-26T10:00\ntranslationKey: floods\ntags: [наводнение]',
      'Вода поднялась.',
    ),
    'content/fa/2026/11/seyl.md': article(
      'headline: سیل در والدور\ndate: 2026-11-26T11:00\ntranslationKey: floods\nphoto:\n  src: seyl.jpg\n  alt: خیابانی زیر آب',
      'آب بالا آمد.',
    ),
    'content/fa/2026/11/seyl.jpg': photo,
  });
  const content = ['--content', path.join(dir, 'content')];
  const whole = await buildFixture({}, { dir, args: ['--pathprefix', '/news/'] });
  expect(whole.stderr).toBe('');
  monolithic = whole.outDir;
  shards = {};
  for (const edition of ['en', 'ru', 'fa']) {
    shards[edition] = await runCli('build', [...content, ...FLAGS, '--edition', edition, '--out', path.join(dir, `_site-${edition}`)]);
  }
  assembled = await runCli('assemble', [
    ...content,
    ...FLAGS,
    ...['en', 'ru', 'fa'].flatMap((e) => ['--from', path.join(dir, `_site-${e}`)]),
    '--out',
    path.join(dir, '_site-assembled'),
  ]);
});

describe('sharded build', () => {
  it('builds every edition alone, with its own pages only', () => {
    for (const [edition, result] of Object.entries(shards)) {
      expect(result.stderr, edition).toBe('');
      expect(result.code).toBe(0);
      const files = Object.keys(snapshot(path.join(dir, `_site-${edition}`)));
      const tops = new Set(files.map((f) => f.split(path.sep)[0]));
      // Its edition, plus the fingerprinted assets every page links to; no cross-edition file.
      expect([...tops].filter((t) => !['assets', 'media', edition].includes(t!))).toEqual([]);
      const parts = readdirSync(path.join(dir, `_site-${edition}`, edition, 'pagefind'));
      expect(parts.length).toBeGreaterThan(0);
      for (const part of parts) expect(existsSync(path.join(dir, `_site-${edition}`, edition, 'pagefind', part, 'pagefind.js'))).toBe(true);
    }
  });

  it('assembles into exactly the monolithic site, byte for byte', () => {
    expect(assembled.stderr).toBe('');
    expect(assembled.code).toBe(0);
    const whole = snapshot(monolithic);
    expect(Object.keys(whole)).toContain('index.html');
    expect(Object.keys(whole)).toContain('sitemap.xml');
    expect(Object.keys(whole)).toContain('_redirects');
    expect(snapshot(path.join(dir, '_site-assembled'))).toEqual(whole);
  });

  it('refuses shards built from different content', async () => {
    const other = await runCli('build', [
      '--content',
      path.join(dir, 'content'),
      '--now',
      '2026-11-29T00:00:00Z',
      '--pathprefix',
      '/news/',
      '--quiet',
      '--edition',
      'en',
      '--out',
      path.join(dir, '_site-en-later'),
    ]);
    expect(other.code).toBe(0);
    const result = await runCli('assemble', [
      '--content',
      path.join(dir, 'content'),
      ...FLAGS,
      '--from',
      path.join(dir, '_site-en'),
      '--from',
      path.join(dir, '_site-en-later'),
      '--out',
      path.join(dir, '_site-mixed'),
    ]);
    // Same stories, but "now" moved (feeds and the news sitemap carry it), and assemble says so.
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Shards disagree about en\/\S+: was every shard built from the same content and flags\?/);
    expect(existsSync(path.join(dir, '_site-mixed'))).toBe(false);
  });
});
