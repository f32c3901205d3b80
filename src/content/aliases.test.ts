import { describe, expect, it } from 'vitest';
import { writeFixture } from '../../tests/helpers/fixture-site.ts';
import { loadArticleFiles } from '../content/load-files.ts';
import { aliasProblem, normaliseAlias, redirectPagePath } from './aliases.ts';

const contentRoot = writeFixture;

const story = (headline: string, extra = '') => `---\nheadline: ${headline}\ndate: 2026-11-26T09:30\n${extra}---\nBody.\n`;

describe('aliasProblem', () => {
  it.each([
    '/en/old/story/',
    '/en/2025/03/01/old-story/',
    '/old-site/story.html',
    '/ru/новость/',
    '/ru/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D1%8C/',
    '/en/world/2019/story',
  ])('accepts the site path %s', (alias) => {
    expect(aliasProblem(alias)).toBeUndefined();
  });

  it.each([
    ['https://old.example/story/', /full URL/],
    ['javascript:alert(1)', /full URL/],
    ['//evil.example/x', /full URL/],
    ['en/old/story/', /must start with "\/"/],
    ['/en/../etc/passwd', /"\.\."/],
    ['/en/%2e%2e/secret/', /"\.\."/],
    ['/en/./story/', /"\.\."/],
    ['/en/a%2Fb/', /encoded "\/"/],
    ['/en/%E0%A4%A/', /broken %-escape/],
    ['/en/old story/', /spaces/],
    ['/en/old\tstory/', /spaces/],
    ['/en/old\\story/', /backslash/],
    ['/en/story/?id=4', /query/],
    ['/en/story/#top', /query or fragment/],
    ['/en//story/', /empty segment/],
    ['/', /home page/],
    ['/en/', /edition page/],
    ['/ru/world/', /edition page/],
    ['/fa/about/', /edition page/],
  ])('rejects %j', (alias, message) => {
    expect(aliasProblem(alias)).toMatch(message);
  });
});

describe('normalised aliases and redirect pages', () => {
  it('decodes percent-escapes so every site path has one spelling', () => {
    expect(normaliseAlias('/ru/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D1%8C/')).toBe('/ru/новость/');
  });

  it.each([
    ['/en/old/', '/en/old/'],
    ['/en/old', '/en/old/'],
    ['/en/old.html', '/en/old.html'],
  ])('publishes the redirect for %s at %s', (alias, page) => {
    expect(redirectPagePath(alias)).toBe(page);
  });
});

describe('the loader reports alias problems with file and field', () => {
  it('reports an invalid alias at its index, with the line of `aliases`', () => {
    const root = contentRoot({ 'content/en/2026/11/moved.md': story('Moved', 'aliases: [/en/fine/, "https://old.example/x"]\n') });
    const { articles, problems } = loadArticleFiles({ rootDir: root });
    expect(articles).toEqual([]);
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'content/en/2026/11/moved.md',
        field: 'aliases[1]',
        line: 4,
        severity: 'error',
        message: expect.stringMatching(/full URL/),
      }),
    ]);
  });

  it('reports an alias that is a live story URL, and one claimed by two stories', () => {
    const root = contentRoot({
      'content/en/2026/11/a.md': story('A', 'aliases: [/en/2026/11/26/b/, /en/shared/]\n'),
      'content/en/2026/11/b.md': story('B', 'aliases: [/en/shared]\n'),
    });
    const { problems } = loadArticleFiles({ rootDir: root });
    expect(problems).toEqual([
      expect.objectContaining({ file: 'content/en/2026/11/a.md', field: 'aliases', message: expect.stringContaining('the story content/en/2026/11/b.md') }),
      expect.objectContaining({
        file: 'content/en/2026/11/b.md',
        field: 'aliases',
        message: expect.stringContaining('also an alias of content/en/2026/11/a.md'),
      }),
    ]);
  });

  it('stores aliases decoded and without duplicates', () => {
    const root = contentRoot({ 'content/ru/2026/11/a.md': story('A', 'aliases: ["/ru/%D0%B0/", /ru/а/]\n') });
    const { articles, problems } = loadArticleFiles({ rootDir: root });
    expect(problems).toEqual([]);
    expect(articles[0]?.aliases).toEqual(['/ru/а/']);
  });
});
