/**
 * Production builds write article and listing pages outside Eleventy's pagination
 * (ADR 012); the dev server and plain `eleventy` runs still render them through the
 * templates. Both must publish the same bytes, so an editor previewing a story sees what
 * readers get.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { article, buildFixture, type CliResult, jpeg, repoRoot, writeFixture } from './helpers/fixture-site.ts';
import { snapshot } from './helpers/site-files.ts';

const NOW = '2026-11-28T00:00:00Z';
let cli: string;
let eleventy: CliResult & { outDir: string };

function runEleventy(contentDir: string, outDir: string): Promise<CliResult & { outDir: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [
        '--import',
        path.join(repoRoot, 'src/render/jsx/register-tsx.ts'),
        path.join(repoRoot, 'node_modules/@11ty/eleventy/cmd.cjs'),
        '--config=.eleventy.ts',
        `--output=${outDir}`,
        '--quiet',
      ],
      { cwd: repoRoot, env: { ...process.env, MASTHEAD_CONTENT: contentDir, MASTHEAD_NOW: NOW, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? 1 : 0, stdout, stderr, outDir }),
    );
  });
}

beforeAll(async () => {
  const photo = await jpeg(1200, 800);
  const dir = writeFixture({
    'content/en/2026/11/floods.md': article(
      'headline: Floods in <Valdor> & "beyond"\ndate: 2026-11-26T09:30\nbreaking: true\ntranslationKey: floods\ntags: [floods, valdor]\nbyline: [Jana Novak, Ola Berg]\ncredits: [Reuters, AFP]\naliases: [/en/old/floods/]\nphoto:\n  src: floods.jpg\n  alt: A flooded street\n  caption: Water in the old town (file photo)',
      'Water rose overnight. See [the budget story](/en/2026/11/25/budget/).\n\n## What next\n\n- sandbags\n- pumps',
    ),
    'content/en/2026/11/floods.jpg': photo,
    'content/en/2026/11/budget.md': article('headline: Budget passes\ndate: 2026-11-25T09:30\nsection: economy\nupdated: 2026-11-27T08:00'),
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
  const built = await buildFixture({}, { dir, now: NOW });
  expect(built.stderr).toBe('');
  cli = built.outDir;
  eleventy = await runEleventy(path.join(dir, 'content'), path.join(dir, '_eleventy'));
});

describe('article and listing pages written directly', () => {
  const articlePages = [
    'en/2026/11/26/floods/index.html',
    'en/2026/11/25/budget/index.html',
    'ru/2026/11/26/navodnenie/index.html',
    'fa/2026/11/26/seyl/index.html',
    'en/news/index.html',
    'en/tag/floods/index.html',
    'en/author/jana-novak/index.html',
    'ru/tag/наводнение/index.html',
  ];

  it('plain Eleventy renders the site through the templates', () => {
    expect(eleventy.stderr).toBe('');
    expect(eleventy.code).toBe(0);
  });

  it.each(articlePages)('%s is byte for byte what the template renders', (file) => {
    const mine = snapshot(cli);
    const theirs = snapshot(eleventy.outDir);
    expect(mine[file]).toBeDefined();
    expect(mine[file]).toBe(theirs[file]);
  });

  it('every other page Eleventy writes is the same too (the CLI adds only the search bundles)', () => {
    const theirs = snapshot(eleventy.outDir);
    const mine = Object.fromEntries(Object.entries(snapshot(cli)).filter(([f]) => !f.includes('/pagefind/')));
    expect(mine).toEqual(theirs);
  });
});
