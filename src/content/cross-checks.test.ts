import { beforeAll, describe, expect, it } from 'vitest';
import { writeFixture } from '../../tests/helpers/fixture-site.ts';
import { type BuildOptions, readBuildOptions } from '../build/options.ts';
import { checkArticles, embargoWarnings } from './cross-checks.ts';
import { type LoadedContent, loadArticleFiles } from './load-files.ts';
import { formatProblem } from './problems.ts';

const site = writeFixture;

const story = (fm: string, body: string) => `---\n${fm}\n---\n\n${body}\n`;
const NOW = '2026-11-28T12:00Z';
const options = (extra: Record<string, string> = {}): BuildOptions =>
  readBuildOptions({ MASTHEAD_NOW: NOW, MASTHEAD_MODE: 'production', MASTHEAD_BASE_URL: 'https://meridian.example', ...extra });

// Line numbers below count from the opening --- (line 1) of the linking story:
// ---, headline, date, ---, empty line → the body starts on line 6.
const LINKING = 'content/en/2026/11/linking.md';
const cases: [string, string, RegExp | undefined][] = [
  ['an existing story', '[x](/en/2026/11/26/target/)', undefined],
  ['an existing story, without the trailing slash', '[x](/en/2026/11/26/target)', undefined],
  ['an existing story, relative', '[x](../../26/target/)', undefined],
  ['an existing story, absolute on the site origin', '[x](https://meridian.example/en/2026/11/26/target/#more)', undefined],
  ['an old address of a story (alias)', '[x](/en/2025/01/02/old-target/)', undefined],
  ['a Cyrillic slug, percent-encoded', '[x](/ru/2026/11/26/%D0%B2%D1%8B%D0%B1%D0%BE%D1%80%D1%8B/)', undefined],
  ['a Cyrillic slug, as written', '[x](/ru/2026/11/26/выборы/)', undefined],
  ['a page that is not a story (checked after the build)', '[x](/en/economy/)', undefined],
  ['another site', '[x](https://example.org/en/2026/11/26/nothing/)', undefined],
  ['a story by its file, relative', '[x](target.md)', undefined],
  ['a story by its file, relative with a fragment', '[x](../11/target.md#more)', undefined],
  ['a story by its file, from the repository root', '[x](/content/en/2026/11/target.md)', undefined],
  ['a story in another edition by its file', '[x](../../../ru/2026/11/выборы.md)', undefined],
  ['a story in another edition by its file, percent-encoded', '[x](../../../ru/2026/11/%D0%B2%D1%8B%D0%B1%D0%BE%D1%80%D1%8B.md)', undefined],
  [
    'a story file that does not exist',
    '[x](../10/target.md)',
    /^content\/en\/2026\/11\/linking\.md:6: links to \.\.\/10\/target\.md, which is no story file: there is no article at content\/en\/2026\/10\/target\.md — did you mean target\.md\?/,
  ],
  [
    'a Markdown file that is no story',
    '[x](../../../../README.md)',
    /:6: links to \.\.\/\.\.\/\.\.\/\.\.\/README\.md, which is no story file: there is no article at README\.md; check/,
  ],
  ['a draft by its file', '[x](a-draft.md)', /:6: links to a-draft\.md, which is a draft \(content\/en\/2026\/11\/a-draft\.md\)/],
  [
    'a story that does not exist',
    'One line.\nTwo [x](/en/2026/11/26/nothing/)',
    /^content\/en\/2026\/11\/linking\.md:7: links to \/en\/2026\/11\/26\/nothing\/, which is not the address of any story/,
  ],
  [
    'the right slug on the wrong day',
    '[x](/en/2026/11/27/target/)',
    /:6: links to .*, which is not the address of any story — did you mean \/en\/2026\/11\/26\/target\/ \(content\/en\/2026\/11\/target\.md\)\?/,
  ],
  ['a draft', '[x](/en/2026/11/25/a-draft/)', /:6: links to \/en\/2026\/11\/25\/a-draft\/, which is a draft \(content\/en\/2026\/11\/a-draft\.md\)/],
  [
    'an embargoed story',
    '\n\n[x](/en/2026/11/30/scheduled/)',
    /:8: links to .*, which is embargoed until 2026-11-30T09:00:00\+00:00 \(content\/en\/2026\/11\/scheduled\.md\)/,
  ],
];

const others = {
  'content/en/2026/11/target.md': story('headline: Target\ndate: 2026-11-26T09:00\naliases: [/en/2025/01/02/old-target/]', 'Text.'),
  'content/en/2026/11/a-draft.md': story('headline: Draft\ndate: 2026-11-25T09:00\ndraft: true', 'Text.'),
  'content/en/2026/11/scheduled.md': story('headline: Scheduled\nbyline: X\ndate: 2026-11-30T09:00', 'Text.'),
  'content/ru/2026/11/выборы.md': story('headline: Выборы\ndate: 2026-11-26T09:00', 'Текст.'),
};

describe.each(cases)('a body link to %s', (_name, body, expected) => {
  let loaded: LoadedContent;
  let root: string;
  beforeAll(() => {
    root = site({ ...others, [LINKING]: story('headline: Linking\ndate: 2026-11-26T10:00', body) });
    loaded = loadArticleFiles({ rootDir: root });
  });

  it(expected ? 'is an error, with file and line' : 'is fine', () => {
    expect(loaded.problems).toEqual([]);
    const lines = checkArticles(loaded.articles, loaded.links, options())
      .filter((p) => p.file === LINKING)
      .map(formatProblem);
    if (expected) {
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(expected);
    } else expect(lines).toEqual([]);
  });
});

describe('checks across articles', () => {
  const root = site({
    ...others,
    [LINKING]: story(
      'headline: Linking\ndate: 2026-11-26T10:00',
      '[draft](/en/2026/11/25/a-draft/) [later](/en/2026/11/30/scheduled/) [ru](/ru/2026/11/26/nothing/)',
    ),
    'content/en/2026/11/crlf.md': '---\r\nheadline: CRLF\r\ndate: 2026-11-26T11:00\r\n---\r\nOne.\r\n\r\n[x](/en/2026/11/26/nothing-either/)\r\n',
  });
  const loaded = loadArticleFiles({ rootDir: root });

  it('warns, with the line of `date`, that a future-dated story is embargoed, and does not fail', () => {
    const problems = embargoWarnings(loaded.articles, options(), root);
    expect(problems.map(formatProblem)).toEqual([
      'content/en/2026/11/scheduled.md:4: warning: date: embargoed until 2026-11-30T09:00:00+00:00 (Europe/London): left out of the site, its listings, feeds, sitemaps and search until the first build after that time',
    ]);
  });

  it('finds the line of a link in a file with Windows line ends', () => {
    const problems = checkArticles(loaded.articles, loaded.links, options()).filter((p) => p.file.endsWith('crlf.md'));
    expect(problems.map((p) => p.line)).toEqual([7]);
  });

  it('lets previews link to drafts and embargoed stories: they are rendered there', () => {
    const problems = checkArticles(loaded.articles, loaded.links, options({ MASTHEAD_MODE: 'preview' })).filter((p) => p.file === LINKING);
    expect(problems.map((p) => p.message)).toEqual([expect.stringContaining('/ru/2026/11/26/nothing/, which is not the address of any story')]);
  });

  it('checks links into other editions in an edition shard too: every build loads every edition', () => {
    const problems = checkArticles(loaded.articles, loaded.links, options({ MASTHEAD_EDITIONS: 'en' })).filter((p) => p.file === LINKING);
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringContaining('which is a draft'),
      expect.stringContaining('which is embargoed until'),
      expect.stringContaining('/ru/2026/11/26/nothing/, which is not the address of any story'),
    ]);
  });

  it('is no problem after the embargo', () => {
    const later = options({ MASTHEAD_NOW: '2026-11-30T09:00Z' });
    expect(embargoWarnings(loaded.articles, later, root)).toEqual([]);
    expect(checkArticles(loaded.articles, loaded.links, later).filter((p) => /embargo/.test(p.message))).toEqual([]);
  });
});
