/**
 * The editor's commands: `npm run new` scaffolds a story that `npm run check` accepts as
 * it is; `npm run check` finds what editors break, says where (`file:line: field:
 * message`, and GitHub annotations in CI), fails on errors and only warns of embargoes.
 */
import { execFile } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { frontmatterSchema } from '../src/content/schema.ts';
import { article, buildFixture, type CliResult, jpeg, repoRoot, runCli, writeFixture } from './helpers/fixture-site.ts';

const NO_STACK = /\n\s+at .*(\.(ts|js|cjs|mjs)|node:internal).*:\d+/;
// 22:30 UTC on 30 November is already 1 December in Moscow and Tehran.
const NOW = '2026-11-30T22:30:00Z';

describe('npm run new', () => {
  const dir = writeFixture({});
  const content = path.join(dir, 'content');
  const create = (...args: string[]) => runCli('new', ['--content', content, '--now', NOW, ...args]);

  // [edition, headline, file created, date written (the edition's zone)]
  const stories: [string, string, string, string][] = [
    ['en', 'Parliament passes the budget', 'en/2026/11/parliament-passes-the-budget.md', '2026-11-30T22:30'],
    ['ru', 'Парламент Вальдора принял бюджет', 'ru/2026/12/parlament-valdora-prinyal-byudzhet.md', '2026-12-01T01:30'],
    ['fa', 'سیل در والدور', 'fa/2026/12/sil-dr-valdor.md', '2026-12-01T02:00'],
  ];
  const created: Record<string, CliResult> = {};
  let checked: CliResult;

  beforeAll(async () => {
    for (const [edition, headline] of stories) created[edition] = await create('--edition', edition, headline);
    checked = await runCli('check', ['--content', content, '--now', NOW]);
  });

  describe.each(stories)('--edition %s "%s"', (edition, headline, file, date) => {
    it('creates the file at content/<edition>/<yyyy>/<mm>/<slug>.md and prints its path', () => {
      expect(created[edition]!.code).toBe(0);
      expect(created[edition]!.stdout.trim().endsWith(`content/${file}`)).toBe(true);
    });

    it('writes the headline, the time in the edition zone and every field of the contract', () => {
      const text = readFileSync(path.join(content, file), 'utf8');
      expect(text).toContain(`headline: ${JSON.stringify(headline)}\n`);
      expect(text).toMatch(new RegExp(`^date: ${date}\\s+#`, 'm'));
      expect(text).toMatch(/^draft: true\s+# .*delete this line to publish/m);
      const { frontmatterKeys, photoKeys } = frontmatterSchema();
      for (const key of frontmatterKeys) expect(text, key).toMatch(new RegExp(`^(# )?${key}:`, 'm'));
      for (const key of photoKeys) expect(text, `photo.${key}`).toMatch(new RegExp(`^#   ${key}:`, 'm'));
    });
  });

  it('creates files that `npm run check` accepts as they are', () => {
    expect(checked.stdout).toMatch(/Content OK: 3 articles loaded, 0 errors, 0 warnings/);
    expect(checked.code).toBe(0);
  });

  it('refuses to overwrite a story, and says so', async () => {
    const file = path.join(content, stories[0]![2]);
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nThe editor's text.\n`);
    const before = readFileSync(file, 'utf8');
    const again = await create('--edition', 'en', 'Parliament passes the budget');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(
      /parliament-passes-the-budget\.md already exists and was left as it is: choose another headline, or give another slug with --slug/,
    );
    expect(readFileSync(file, 'utf8')).toBe(before);
    const other = await create('--edition', 'en', '--slug', 'budget-passes', 'Parliament passes the budget');
    expect(other.code).toBe(0);
    expect(other.stdout.trim()).toMatch(/content\/en\/2026\/11\/budget-passes\.md$/);
  });

  it.each([
    ['no edition', ['Headline'], /--edition is required: one of en, ru, fa/],
    ['an unknown edition', ['--edition', 'de', 'Headline'], /--edition: "de" is not an edition; editions are en, ru, fa/],
    ['no headline', ['--edition', 'en'], /the headline is missing/],
    ['a headline with nothing to make a slug of', ['--edition', 'en', '🎉 ✓'], /cannot make a URL slug from "🎉 ✓": give one with --slug/],
    ['a bad slug', ['--edition', 'en', '--slug', 'Bad Slug', 'Headline'], /--slug: "Bad Slug" may only hold lowercase letters/],
    ['an unknown option', ['--edition', 'en', '--titel', 'x', 'Headline'], /Unknown option '--titel'/],
  ])('explains %s without a stack trace', async (_name, args, message) => {
    const run = await create(...args);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain('Usage: npm run new --');
    expect(run.stderr).not.toMatch(NO_STACK);
  });

  it('makes a draft: not published until the draft line is deleted', async () => {
    const site = await buildFixture({}, { dir, now: '2026-12-02T00:00:00Z' });
    expect(site.code).toBe(0);
    expect(site.has('/en/2026/11/30/parliament-passes-the-budget/')).toBe(false);
    const file = path.join(content, stories[0]![2]);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^draft: true.*\n/m, ''));
    const published = await buildFixture({}, { dir, now: '2026-12-02T00:00:00Z' });
    expect(published.code).toBe(0);
    expect(published.page('/en/2026/11/30/parliament-passes-the-budget/').querySelector('h1')?.textContent).toBe('Parliament passes the budget');
  });
});

describe('npm run check on content an editor broke', () => {
  let dir: string;
  let plain: CliResult;
  let github: CliResult;

  beforeAll(async () => {
    dir = writeFixture({
      'content/en/2026/11/good.md': article('headline: Good\ndate: 2026-11-26T09:00\nphoto:\n  src: good.jpg\n  alt: A photo'),
      'content/en/2026/11/good.jpg': await jpeg(1600, 900),
      'content/en/2026/11/typo.md': article('headline: Typo\ndate: 2026-11-26T09:00\nbyine: Jana Novak'),
      'content/en/2026/11/no-photo.md': article('headline: No photo\ndate: 2026-11-26T09:00\nphoto:\n  src: missing.jpg\n  alt: Gone'),
      'content/en/2026/11/not-a-photo.md': article('headline: Not a photo\ndate: 2026-11-26T09:00\nphoto:\n  src: notes.jpg\n  alt: Text'),
      'content/en/2026/11/notes.jpg': 'These are my notes, not a photo.\n',
      'content/en/2026/11/bad-date.md': article('headline: Bad date\ndate: 26.11.2026'),
      'content/en/2026/11/link.md': article(
        'headline: Link\ndate: 2026-11-26T09:00',
        'Para.\n\nSee [good](/en/2026/11/26/good/) and [gone](/en/2026/11/26/gone/).',
      ),
      'content/en/2026/12/good.md': article('headline: Same URL\ndate: 2026-11-26T10:00'),
      'content/ru/2026/11/zavtra.md': article('headline: Завтра\ndate: 2026-11-29T09:00'),
    });
    const args = ['--content', path.join(dir, 'content'), '--now', '2026-11-28T12:00Z'];
    [plain, github] = await Promise.all([runCli('check', args), runCli('check', args, { GITHUB_ACTIONS: 'true' })]);
  });

  it('exits 1 and prints one `file:line: field: message` line per problem, then a summary', () => {
    expect(plain.code).toBe(1);
    const lines = plain.stdout.trim().split('\n');
    expect(lines.filter((l) => l.startsWith('content/'))).toEqual([
      'content/en/2026/11/bad-date.md:3: date: "26.11.2026" is not an ISO 8601 date-time: write it as 2026-11-27T09:30 (edition time, Europe/London) or 2026-11-27T09:30+03:00',
      expect.stringMatching(/^content\/en\/2026\/11\/good\.md: slug: has the same URL \/en\/2026\/11\/26\/good\/ as content\/en\/2026\/12\/good\.md/),
      'content/en/2026/11/link.md:8: links to /en/2026/11/26/good/, which is not the address of any story: check the date and the slug in the link (if it is a story with a problem reported here, fix that first)',
      'content/en/2026/11/link.md:8: links to /en/2026/11/26/gone/, which is not the address of any story: check the date and the slug in the link (if it is a story with a problem reported here, fix that first)',
      expect.stringMatching(/^content\/en\/2026\/11\/no-photo\.md:4: photo\.src: "missing\.jpg" does not exist next to the article/),
      'content/en/2026/11/not-a-photo.md:4: photo.src: "notes.jpg" is a text file, not a photo, although its name says it is an image: commit the photo itself',
      'content/en/2026/11/typo.md:4: byine: unknown field — did you mean byline? Rename it to `byline`.',
      expect.stringMatching(/^content\/en\/2026\/12\/good\.md: slug: has the same URL \/en\/2026\/11\/26\/good\/ as content\/en\/2026\/11\/good\.md/),
      'content/ru/2026/11/zavtra.md:3: warning: date: embargoed until 2026-11-29T09:00:00+03:00 (Europe/Moscow): left out of the site, its listings, feeds, sitemaps and search until the first build after that time',
    ]);
    expect(lines.at(-1)).toMatch(/^Content has errors: \d+ articles? loaded, 8 errors, 1 warning \(\d+\.\d s\)\.$/);
    expect(`${plain.stdout}${plain.stderr}`).not.toMatch(NO_STACK);
  });

  it('adds GitHub annotations under GitHub Actions, so problems show on the pull request', () => {
    expect(github.code).toBe(1);
    expect(github.stdout).toContain('::error file=content/en/2026/11/typo.md,line=4::byine: unknown field — did you mean byline? Rename it to `byline`.');
    expect(github.stdout).toContain('::error file=content/en/2026/11/link.md,line=8::links to /en/2026/11/26/gone/');
    expect(github.stdout).toContain('::warning file=content/ru/2026/11/zavtra.md,line=3::date: embargoed until 2026-11-29T09:00:00+03:00');
    expect(plain.stdout).not.toContain('::error');
  });

  it('passes with warnings only (an embargo is not a mistake)', async () => {
    for (const f of ['typo', 'no-photo', 'not-a-photo', 'bad-date', 'link']) rmSync(path.join(dir, `content/en/2026/11/${f}.md`));
    rmSync(path.join(dir, 'content/en/2026/12'), { recursive: true });
    const run = await runCli('check', ['--content', path.join(dir, 'content'), '--now', '2026-11-28T12:00Z']);
    expect(run.stdout).toMatch(/Content OK: 2 articles loaded, 0 errors, 1 warning/);
    expect(run.code).toBe(0);
  });
});

describe('npm run check, called wrongly', () => {
  it.each([
    ['a content folder that does not exist', ['--content', '/nonexistent/content'], /--content: there is no content folder at \/nonexistent\/content/],
    ['a --now that is not a date', ['--now', 'tomorrow'], /--now: "tomorrow" is not an ISO 8601 date-time/],
    ['an unknown option', ['--contnet', 'x'], /Unknown option '--contnet'/],
  ])('explains %s with the usage, without a stack trace, and exits 2', async (_name, args, message) => {
    const run = await runCli('check', args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain('Usage: npm run check --');
    expect(run.stderr).not.toMatch(NO_STACK);
  });
});

describe('npm run new, called without the --', () => {
  // Through npm itself: it is npm that keeps the options written before `--`. Nothing is created.
  const npm = (args: string[]) =>
    new Promise<CliResult>((resolve) => {
      execFile('npm', ['run', '--silent', 'new', ...args], { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });

  it.each([
    [['--edition', 'en', 'Budget passes'], 'npm run new -- --edition en "Budget passes"'],
    [['--edition=ru', 'Бюджет принят'], 'npm run new -- --edition ru "Бюджет принят"'],
  ])('npm run new %j says npm kept --edition and gives the command with --', async (args, command) => {
    const run = await npm(args);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('npm kept --edition for itself');
    expect(run.stderr).toContain(command);
    expect(run.stderr).not.toMatch(NO_STACK);
  });
});
