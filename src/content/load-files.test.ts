import { statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFixture } from '../../tests/helpers/fixture-site.ts';
import type { LoadedFiles } from './load-article.ts';
import { listArticleFiles, loadArticleFiles } from './load-files.ts';
import { formatProblem } from './problems.ts';

const site = writeFixture;

const ok = `---\nheadline: Budget passes\ndate: 2026-11-26T09:30\n---\nBody.\n`;

describe('content loader', () => {
  it('normalises a valid article', () => {
    const root = site({ 'content/ru/2026/11/budget-vote.md': ok.replace('Budget passes', 'Бюджет принят') });
    const { articles, problems } = loadArticleFiles({ rootDir: root });
    expect(problems).toEqual([]);
    expect(articles[0]).toMatchObject({
      edition: 'ru',
      slug: 'budget-vote',
      url: '/ru/2026/11/26/budget-vote/',
      headline: 'Бюджет принят',
      date: '2026-11-26T09:30:00+03:00',
      modified: '2026-11-26T09:30:00+03:00',
      section: 'news',
      byline: [],
      tags: [],
      breaking: false,
      draft: false,
    });
  });

  it('takes the URL from edition, date and file name, never from the headline', () => {
    const root = site({ 'content/en/a/b/quiet-story.md': ok.replace('Budget passes', 'A completely different headline') });
    expect(loadArticleFiles({ rootDir: root }).articles[0]?.url).toBe('/en/2026/11/26/quiet-story/');
  });

  it('normalises byline and keeps the slug override', () => {
    const root = site({ 'content/en/x.md': ok.replace('---\nBody', 'byline: Jana Novak\nslug: budget-vote\n---\nBody') });
    expect(loadArticleFiles({ rootDir: root }).articles[0]).toMatchObject({ byline: ['Jana Novak'], url: '/en/2026/11/26/budget-vote/' });
  });

  // Each row: the frontmatter lines replacing the valid ones, the field named, words the message must contain.
  it.each([
    ['missing headline', 'date: 2026-11-26T09:30', 'headline', 'is required', undefined],
    ['unparsable date', 'headline: H\ndate: next tuesday', 'date', 'ISO 8601', 3],
    ['date without time', 'headline: H\ndate: 2026-11-26', 'date', '2026-11-27T09:30', 3],
    ['misspelt key', 'headline: H\ndate: 2026-11-26T09:30\nbyine: Jana', 'byine', 'did you mean byline?', 4],
    ['photo without alt', 'headline: H\ndate: 2026-11-26T09:30\nphoto:\n  src: p.jpg', 'photo.alt', 'is required when there is a photo', 4],
    ['missing photo file', 'headline: H\ndate: 2026-11-26T09:30\nphoto:\n  src: nope.jpg\n  alt: A', 'photo.src', 'does not exist', 4],
    [
      'photo outside the repo',
      'headline: H\ndate: 2026-11-26T09:30\nphoto:\n  src: ../../../../etc/hostname\n  alt: A',
      'photo.src',
      'outside the repository',
      4,
    ],
    ['unknown section', 'headline: H\ndate: 2026-11-26T09:30\nsection: wrld', 'section', 'did you mean world?', 4],
    ['breaking not a flag', 'headline: H\ndate: 2026-11-26T09:30\nbreaking: maybe', 'breaking', 'true or false', 4],
    ['updated before date', 'headline: H\ndate: 2026-11-26T09:30\nupdated: 2026-11-25T09:30', 'updated', 'earlier than', 4],
  ])('%s is reported with file, line and field', (_name, frontmatter, field, words, line) => {
    const root = site({ 'content/en/2026/story.md': `---\n${frontmatter}\n---\nBody\n`, 'content/en/2026/p.jpg': 'x' });
    const { articles, problems } = loadArticleFiles({ rootDir: root });
    expect(articles).toEqual([]);
    const problem = problems.find((p) => p.field === field);
    expect(problem, JSON.stringify(problems)).toBeDefined();
    expect(problem).toMatchObject({ file: 'content/en/2026/story.md', severity: 'error' });
    expect(problem?.line).toBe(line);
    expect(formatProblem(problem!)).toContain(words);
  });

  it('reports broken YAML with its line in the file', () => {
    const root = site({ 'content/en/bad.md': '---\nheadline: H\ndate: 2026-11-26T09:30\ntags: [a, b\n---\nBody\n' });
    const [problem] = loadArticleFiles({ rootDir: root }).problems;
    expect(problem).toMatchObject({ file: 'content/en/bad.md', field: 'frontmatter', severity: 'error' });
    expect(problem?.line).toBeGreaterThanOrEqual(4);
    expect(problem?.message).toMatch(/not valid YAML/);
  });

  it('reports every problem of every file in one run', () => {
    const root = site({
      'content/en/a.md': '---\ndate: soon\nbyine: x\n---\n',
      'content/ru/b.md': '---\nheadline: B\n---\n',
      'content/fa/c.md': '',
      'content/en/d.md': ok,
    });
    const { articles, problems } = loadArticleFiles({ rootDir: root });
    expect(articles.map((a) => a.slug)).toEqual(['d']);
    expect(problems.map((p) => `${p.file} ${p.field ?? ''}`).sort()).toEqual([
      'content/en/a.md byine',
      'content/en/a.md date',
      'content/en/a.md headline',
      'content/fa/c.md ',
      'content/ru/b.md date',
    ]);
  });

  it.each([
    ['not UTF-8', Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x0a]), 'UTF-8'],
    ['empty', '', 'is empty'],
    ['no frontmatter', 'Just text', 'no frontmatter'],
    ['frontmatter is a list', '---\n- a\n- b\n---\n', 'field: value'],
  ])('a file that is %s gets a clear error', (_name, body, words) => {
    const root = site({ 'content/en/x.md': body });
    const [problem] = loadArticleFiles({ rootDir: root }).problems;
    expect(problem?.file).toBe('content/en/x.md');
    expect(problem?.message).toContain(words);
  });

  it('refuses an article or photo reached through a symbolic link out of the repository', () => {
    const outside = site({ 'secret.md': ok, 'secret.jpg': 'x' });
    const root = site({ 'content/en/ok.md': ok.replace('---\nBody', 'photo:\n  src: linked.jpg\n  alt: A\n---\nBody') });
    symlinkSync(path.join(outside, 'secret.md'), path.join(root, 'content/en/linked.md'));
    symlinkSync(path.join(outside, 'secret.jpg'), path.join(root, 'content/en/linked.jpg'));
    const { problems } = loadArticleFiles({ rootDir: root });
    expect(problems.map((p) => p.message).join('\n')).toMatch(/outside the repository[\s\S]*outside the repository/);
  });

  it('lists every Markdown file at any depth, sorted, skipping hidden files and following links that stay in the repository', () => {
    const root = site({
      'content/ru/2026/11/b.md': ok,
      'content/fa/c.md': ok,
      'content/en/2026/11/26/z.md': ok,
      'content/en/2026/a.md': ok,
      'content/en/2026/.draft.md': ok,
      'content/en/2026/notes.txt': 'x',
      'content/en/2026/photo.md.jpg': 'x',
      'elsewhere/hidden.md': ok,
    });
    symlinkSync(path.join(root, 'elsewhere'), path.join(root, 'content/en/linked-folder'));
    symlinkSync(path.join(root, 'content/en/2026/a.md'), path.join(root, 'content/fa/a-link.md'));
    expect(listArticleFiles(root).map((f) => path.relative(root, f))).toEqual([
      'content/en/2026/11/26/z.md',
      'content/en/2026/a.md',
      'content/en/linked-folder/hidden.md',
      'content/fa/a-link.md',
      'content/fa/c.md',
      'content/ru/2026/11/b.md',
    ]);
  });

  // [case, how the link is made (root, outside), the message]
  const links: [string, (root: string, outside: string) => void, RegExp][] = [
    [
      'an edition folder linked from outside',
      (root, outside) => symlinkSync(path.join(outside, 'en'), path.join(root, 'content/en')),
      /^content\/en: links to a folder outside the repository/,
    ],
    [
      'a subfolder linked from outside',
      (root, outside) => symlinkSync(path.join(outside, 'en'), path.join(root, 'content/ru/sub')),
      /^content\/ru\/sub: links to a folder outside the repository/,
    ],
    [
      'a dangling link',
      (root) => symlinkSync(path.join(root, 'gone.md'), path.join(root, 'content/ru/dangling.md')),
      /^content\/ru\/dangling\.md: is a symbolic link to .*gone\.md that does not exist/,
    ],
    [
      'a dangling folder link',
      (root) => symlinkSync(path.join(root, 'gone'), path.join(root, 'content/ru/gone')),
      /^content\/ru\/gone: is a symbolic link to .* that does not exist/,
    ],
    [
      'a link to itself',
      (root) => symlinkSync(path.join(root, 'content/ru/self.md'), path.join(root, 'content/ru/self.md')),
      /^content\/ru\/self\.md: is a symbolic link that leads back to itself/,
    ],
    [
      'a link to a folder above it',
      (root) => symlinkSync(path.join(root, 'content/ru'), path.join(root, 'content/ru/2026/up')),
      /^content\/ru\/2026\/up: is a symbolic link to a folder that holds it \(content\/ru\/\), a loop/,
    ],
  ];

  it.each(links)('reports %s with the link named, and loads the rest', (_name, link, message) => {
    const outside = site({ 'en/x.md': ok });
    const root = site({ 'content/ru/2026/a.md': ok });
    link(root, outside);
    const { articles, problems } = loadArticleFiles({ rootDir: root });
    expect(problems.map(formatProblem)).toEqual([expect.stringMatching(message)]);
    expect(articles.map((a) => a.sourcePath)).toEqual(['content/ru/2026/a.md']);
  });

  it('follows a link named x.md to a folder as the folder it is', () => {
    const root = site({ 'content/ru/a.md': ok, 'stories/b.md': ok.replace('Body', 'Other') });
    symlinkSync(path.join(root, 'stories'), path.join(root, 'content/ru/x.md'));
    const { articles, problems } = loadArticleFiles({ rootDir: root });
    expect(problems).toEqual([]);
    expect(articles.map((a) => a.sourcePath)).toEqual(['content/ru/a.md', 'content/ru/x.md/b.md']);
  });

  it('reports two files with the same URL', () => {
    const root = site({ 'content/en/a/same.md': ok, 'content/en/b/same.md': ok });
    const { articles, problems } = loadArticleFiles({ rootDir: root });
    expect(articles).toEqual([]);
    expect(problems).toHaveLength(2);
    expect(problems[0]?.message).toContain('same URL /en/2026/11/26/same/');
  });

  it('reports every story of each repeated URL, in the order the URLs first occur, and keeps the others', () => {
    const root = site({
      'content/en/a/x.md': ok,
      'content/en/b/y.md': ok,
      'content/en/c/x.md': ok,
      'content/en/d/y.md': ok,
      'content/en/e/x.md': ok,
      'content/en/f/z.md': ok,
    });
    const { articles, problems } = loadArticleFiles({ rootDir: root });
    expect(articles.map((a) => a.sourcePath)).toEqual(['content/en/f/z.md']);
    expect(problems.map((p) => `${p.file} ${p.message.split(':')[0]}`)).toEqual([
      'content/en/a/x.md has the same URL /en/2026/11/26/x/ as content/en/c/x.md, content/en/e/x.md',
      'content/en/c/x.md has the same URL /en/2026/11/26/x/ as content/en/a/x.md, content/en/e/x.md',
      'content/en/e/x.md has the same URL /en/2026/11/26/x/ as content/en/a/x.md, content/en/c/x.md',
      'content/en/b/y.md has the same URL /en/2026/11/26/y/ as content/en/d/y.md',
      'content/en/d/y.md has the same URL /en/2026/11/26/y/ as content/en/b/y.md',
    ]);
  });

  it('rejects a file name that is not a slug, and says how to fix it', () => {
    const root = site({ 'content/en/My Story.md': ok });
    expect(loadArticleFiles({ rootDir: root }).problems[0]).toMatchObject({ field: 'slug' });
  });
});

describe('content loader in the dev server (changed stories known from the watcher)', () => {
  const two = () =>
    site({
      'content/en/2026/11/harbour.md': ok.replace('Budget passes', 'Harbour reopens'),
      'content/en/2026/11/ferry.md': ok.replace('Budget passes', 'Ferry returns'),
    });
  // One dev server per fixture: what it loaded before is kept between its loads.
  const servers = new Map<string, LoadedFiles>();
  const headlines = (root: string, changedStories?: Set<string>) => {
    const loaded = servers.get(root) ?? servers.set(root, new Map()).get(root)!;
    return loadArticleFiles({ rootDir: root, loaded, ...(changedStories ? { changedStories } : {}) })
      .articles.map((a) => a.headline)
      .sort();
  };

  it('reads a story again after a write that kept its size and modification time', () => {
    const root = two();
    const ferry = path.join(root, 'content/en/2026/11/ferry.md');
    // Whole seconds, so that the time set again after the write is exactly the same.
    const second = Math.floor(Date.now() / 1000) - 60;
    utimesSync(ferry, second, second);
    expect(headlines(root)).toEqual(['Ferry returns', 'Harbour reopens']);
    const before = statSync(ferry);
    writeFileSync(ferry, ok.replace('Budget passes', 'Ferry RETURNS'));
    utimesSync(ferry, second, second);
    expect(statSync(ferry)).toMatchObject({ size: before.size, mtimeMs: before.mtimeMs });
    expect(headlines(root)).toEqual(['Ferry RETURNS', 'Harbour reopens']);
  });

  it('reads again the stories it is told changed, and takes the others as they were', () => {
    const root = two();
    expect(headlines(root)).toEqual(['Ferry returns', 'Harbour reopens']);
    const harbour = path.join(root, 'content/en/2026/11/harbour.md');
    const ferry = path.join(root, 'content/en/2026/11/ferry.md');
    writeFileSync(harbour, ok.replace('Budget passes', 'Harbour reopens at dawn'));
    writeFileSync(ferry, ok.replace('Budget passes', 'Ferry returns at noon'));
    // Only the harbour story is reported changed: the ferry story is not looked at.
    expect(headlines(root, new Set([harbour]))).toEqual(['Ferry returns', 'Harbour reopens at dawn']);
    // A load without that knowledge sees everything on disk.
    expect(headlines(root)).toEqual(['Ferry returns at noon', 'Harbour reopens at dawn']);
  });

  it('trusts nothing when a reported path is not one it lists (written differently, or deleted)', () => {
    const root = two();
    expect(headlines(root)).toEqual(['Ferry returns', 'Harbour reopens']);
    writeFileSync(path.join(root, 'content/en/2026/11/ferry.md'), ok.replace('Budget passes', 'Ferry returns at noon'));
    expect(headlines(root, new Set([path.join(root, 'content/en/2026/11/deleted-meanwhile.md')]))).toEqual(['Ferry returns at noon', 'Harbour reopens']);
  });
});
