/**
 * Safe publishing: the same content always builds to the same bytes; a failed build
 * (bad content, or a link inside the site that leads nowhere) leaves the published
 * `_site/` byte for byte as it was and no staging folder behind; the link check names
 * the page, the link and, for a link in an article body, the file and line.
 */
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { article, buildFixture, type FixtureFiles, type FixtureSite, jpeg, repoRoot, runCli } from './helpers/fixture-site.ts';
import { siteFiles, snapshot } from './helpers/site-files.ts';

const NO_STACK = /\n\s+at .*(\.(ts|js|cjs|mjs)|node:internal).*:\d+/;

async function newsroom(): Promise<FixtureFiles> {
  return {
    'content/en/2026/11/budget-vote.md': article(
      'headline: Parliament passes the budget\ndate: 2026-11-26T09:30\nupdated: 2026-11-26T14:00\nbyline: [Jana Novak, Omid Rahimi]\ncredits: [Reuters, AFP]\nsection: economy\ntags: [budget, parliament]\nbreaking: true\ntranslationKey: budget\nsummary: The vote ended a standoff.\nphoto:\n  src: budget.jpg\n  alt: Lawmakers in the chamber\n  caption: The chamber\n  credit: Jana Novak/Meridian\ncorrections:\n  - date: 2026-11-27T10:00\n    text: An earlier version misstated the margin.',
      'The vote was close.\n\n## Next\n\nSee [the earlier story](/en/2026/11/25/budget-debate/).',
    ),
    'content/en/2026/11/budget.jpg': await jpeg(1600, 900, '#335577'),
    'content/en/2026/11/budget-debate.md': article('headline: Budget debate opens\ndate: 2026-11-25T08:00\ntags: [budget]\naliases: [/en/old/budget-debate/]'),
    'content/ru/2026/11/byudzhet.md': article(
      'headline: Парламент принял бюджет\ndate: 2026-11-26T12:00\ntranslationKey: budget\ntags: [бюджет]\nbyline: Анна Петрова',
      'Текст «новости».',
    ),
    'content/fa/2026/11/budje.md': article(
      'headline: تصویب بودجه\ndate: 2026-11-26T12:00\ntranslationKey: budget\ntags: [بودجه]\nphoto:\n  src: budje.jpg\n  alt: نمایندگان',
      'متن خبر.',
    ),
    'content/fa/2026/11/budje.jpg': await jpeg(1200, 800, '#775533'),
  };
}

/** Unfinished staging folders (the previous site, `….previous`, is deleted in the background after a swap). */
function stagingLeftovers(dir: string): string[] {
  return readdirSync(dir).filter((name) => /\.staging-\d+$/.test(name));
}

describe('two builds of the same content', () => {
  let first: FixtureSite;
  let second: FixtureSite;
  let sampleA: Awaited<ReturnType<typeof runCli>> & { out: string };
  let sampleB: Awaited<ReturnType<typeof runCli>> & { out: string };

  beforeAll(async () => {
    first = await buildFixture(await newsroom());
    second = await buildFixture({}, { dir: first.dir, args: ['--out', path.join(first.dir, '_site-again')] });
    // The sample content of the repository, as an editor would build it twice.
    const out = (n: string) => path.join(first.dir, n);
    const sample = (o: string) => runCli('build', ['--content', path.join(repoRoot, 'content'), '--out', o, '--now', '2026-11-28T12:00Z', '--quiet']);
    sampleA = { ...(await sample(out('sample-a'))), out: out('sample-a') };
    sampleB = { ...(await sample(out('sample-b'))), out: out('sample-b') };
  });

  it('are byte-identical, every file (fixture site: three editions, photos, corrections, translations)', () => {
    expect(first.code).toBe(0);
    expect(second.code).toBe(0);
    const again = path.join(first.dir, '_site-again');
    expect(siteFiles(again).length).toBeGreaterThan(40);
    expect(snapshot(again)).toEqual(snapshot(first.outDir));
  });

  it('are byte-identical, every file (the sample content in content/)', () => {
    expect(sampleA.stderr).toBe('');
    expect(sampleB.code).toBe(0);
    expect(siteFiles(sampleA.out).length).toBeGreaterThan(80);
    expect(snapshot(sampleB.out)).toEqual(snapshot(sampleA.out));
  });
});

describe('a failed build', () => {
  let site: FixtureSite;
  let published: Record<string, string>;

  beforeAll(async () => {
    site = await buildFixture(await newsroom());
    expect(site.code).toBe(0);
    published = snapshot(site.outDir);
  });

  // [case, the file added to good content, what the editor is told]
  const failures: [string, string, string, RegExp[]][] = [
    [
      'a body link that leads nowhere once rendered (the link check after the build)',
      'content/en/2026/11/relative-link.md',
      article('headline: Relative link\ndate: 2026-11-26T10:00', 'Intro.\n\nSee [the list](../../../../economy/nowhere/).'),
      [
        /^content\/en\/2026\/11\/relative-link\.md:8: \/en\/2026\/11\/26\/relative-link\/: broken link \.\.\/\.\.\/\.\.\/\.\.\/economy\/nowhere\/ \(href\) leads to no page$/m,
        /Build stopped: 1 broken link inside the site \(checked \d+ links on \d+ pages\)/,
      ],
    ],
    [
      'a body link to a story that does not exist (before rendering)',
      'content/en/2026/11/missing-link.md',
      article('headline: Missing link\ndate: 2026-11-26T10:00', 'See [the vote](/en/2026/11/27/budget-vote/).'),
      [
        /^content\/en\/2026\/11\/missing-link\.md:6: links to \/en\/2026\/11\/27\/budget-vote\/, which is not the address of any story — did you mean \/en\/2026\/11\/26\/budget-vote\/ /m,
      ],
    ],
    [
      'a body link to an embargoed story',
      'content/en/2026/11/early-link.md',
      `${article('headline: Early link\ndate: 2026-11-26T10:00', 'See [tomorrow](/en/2026/11/29/tomorrow/).')}`,
      [/^content\/en\/2026\/11\/early-link\.md:6: links to \/en\/2026\/11\/29\/tomorrow\/, which is embargoed until 2026-11-29T09:00:00\+00:00/m],
    ],
  ];

  describe.each(failures)('because of %s', (_name, file, text, messages) => {
    let run: FixtureSite;
    beforeAll(async () => {
      const extra: FixtureFiles = { [file]: text };
      if (file.includes('early-link')) extra['content/en/2026/11/tomorrow.md'] = article('headline: Tomorrow\ndate: 2026-11-29T09:00');
      run = await buildFixture(extra, { dir: site.dir });
      for (const added of Object.keys(extra)) rmSync(path.join(site.dir, added));
    });

    it('exits non-zero and tells the editor where and what, without a stack trace', () => {
      expect(run.code).toBe(1);
      for (const message of messages) expect(run.stderr).toMatch(message);
      expect(run.stderr).toContain('Nothing was published');
      expect(run.stderr).not.toMatch(NO_STACK);
    });

    it('leaves the published site byte for byte as it was, and no staging folder', () => {
      expect(snapshot(site.outDir)).toEqual(published);
      expect(stagingLeftovers(site.dir)).toEqual([]);
    });
  });

  it('is followed by a good build that replaces the site', async () => {
    writeFileSync(path.join(site.dir, 'content/en/2026/11/fixed.md'), article('headline: Fixed\ndate: 2026-11-26T11:00'));
    const run = await buildFixture({}, { dir: site.dir });
    rmSync(path.join(site.dir, 'content/en/2026/11/fixed.md'));
    expect(run.code).toBe(0);
    expect(run.has('/en/2026/11/26/fixed/')).toBe(true);
    expect(stagingLeftovers(site.dir)).toEqual([]);
  });
});

describe('the link check under a path prefix', () => {
  it('passes with body links made relative to the page (the prefix is for absolute URLs only)', async () => {
    const files = await newsroom();
    const ok = await buildFixture(files, { args: ['--pathprefix', '/news/'] });
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.html('/en/2026/11/26/budget-vote/')).toContain('href="../../../../../en/2026/11/25/budget-debate/"');
  });
});
