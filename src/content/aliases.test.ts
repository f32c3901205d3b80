import { describe, expect, it } from 'vitest';
import { writeFixture } from '../../tests/helpers/fixture-site.ts';
import { loadArticleFiles } from '../content/load-files.ts';
import { aliasProblem, normaliseAlias, redirectPagePath } from './aliases.ts';

const contentRoot = writeFixture;

const story = (headline: string, extra = '') => `---\nheadline: ${headline}\ndate: 2026-11-26T09:30\n${extra}---\nBody.\n`;

describe('aliasProblem', () => {
  it.each([
    ['en', '/en/old/story/'],
    ['en', '/en/2025/03/01/old-story/'],
    ['en', '/en/old-site/story.html'],
    ['ru', '/ru/новость/'],
    ['ru', '/ru/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D1%8C/'],
    ['en', '/en/2019/world/story'],
    ['en', '/en/a:b/'],
    ['en', '/en/old%20story/'],
  ] as const)('accepts for a story of %s the site path %s', (edition, alias) => {
    expect(aliasProblem(alias, edition)).toBeUndefined();
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
    // Patterns hosts read in _redirects, written or %-encoded.
    ['/en/*', /"\*"/],
    ['/*', /"\*"/],
    ['/en/%2A/', /"\*"/],
    ['/en/:slug/', /placeholder/],
    ['/en/%3Aslug', /placeholder/],
    // Hidden in %-escapes.
    ['/en/x%00', /control character/],
    ['/en/x%0A/', /control character/],
    ['/en/x%3Fy=1', /"\?"/],
    ['/en/x%23top', /"#"/],
    ['/en/x%5Cy', /backslash/],
    [`/en/${'ы'.repeat(130)}/`, /260 bytes long, over the 255/],
    // Outside the story's edition, and pages the build writes.
    ['/old-site/story.html', /outside the en edition/],
    ['/ru/old/', /outside the en edition/],
    ['/assets/masthead.css', /outside the en edition/],
    ['/en/', /front page of the en edition/],
    ['/en/index.html', /en edition's index\.html/],
    ['/en/world/', /world section/],
    ['/en/world/page/2/', /world section/],
    ['/en/economy/rss.xml', /economy section/],
    ['/en/about/', /about page/],
    ['/en/search/', /search page/],
    ['/en/pagefind/pagefind.js', /search index/],
    ['/en/tag/budget/', /tag pages/],
    ['/en/author/jana-novak/page/2/', /author pages/],
    ['/en/feed.xml', /feed\.xml/],
    ['/en/rss.xml', /rss\.xml/],
    ['/en/feed.json', /feed\.json/],
    ['/en/sitemap.xml', /sitemap\.xml/],
    ['/en/sitemap-2.xml', /sitemap-2\.xml/],
    ['/en/news-sitemap.xml', /news-sitemap\.xml/],
    ['/en/404.html', /404\.html/],
  ])('rejects %j', (alias, message) => {
    expect(aliasProblem(alias, 'en')).toMatch(message);
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

  it('reports an alias that is a story page written out (index.html), and one whose folder is another alias file', () => {
    const root = contentRoot({
      'content/en/2026/11/a.md': story('A', 'aliases: [/en/2026/11/26/b/index.html, /en/old.html]\n'),
      'content/en/2026/11/b.md': story('B', 'aliases: [/en/old.html/more/, /en/2026/11/26/a/index.html/x/]\n'),
    });
    const { problems } = loadArticleFiles({ rootDir: root });
    expect(problems.map((p) => `${p.file}:${p.line}: ${p.field}: ${p.message}`)).toEqual([
      expect.stringMatching(
        /^content\/en\/2026\/11\/a\.md:4: aliases: "\/en\/2026\/11\/26\/b\/index\.html" is the address of the story content\/en\/2026\/11\/b\.md/,
      ),
      expect.stringMatching(
        /^content\/en\/2026\/11\/b\.md:4: aliases: "\/en\/old\.html\/more\/" needs a folder \/en\/old\.html\/ where the alias "\/en\/old\.html" of content\/en\/2026\/11\/a\.md is a file/,
      ),
      expect.stringMatching(
        /^content\/en\/2026\/11\/b\.md:4: aliases: "\/en\/2026\/11\/26\/a\/index\.html\/x\/" needs a folder .* where the story content\/en\/2026\/11\/a\.md is a file/,
      ),
    ]);
  });

  it('stores aliases decoded and without duplicates', () => {
    const root = contentRoot({ 'content/ru/2026/11/a.md': story('A', 'aliases: ["/ru/%D0%B0/", /ru/а/]\n') });
    const { articles, problems } = loadArticleFiles({ rootDir: root });
    expect(problems).toEqual([]);
    expect(articles[0]?.aliases).toEqual(['/ru/а/']);
  });
});
