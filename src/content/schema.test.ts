/**
 * The contract's rules for odd and oversized input, as an editor sees them: each case is
 * one article file, and the loader's report of it (`file:line: field: message`), with the
 * limits checked before anything expensive and time linear in the input.
 */
import { describe, expect, it } from 'vitest';
import { writeFixture } from '../../tests/helpers/fixture-site.ts';
import { MAX_FILE_BYTES } from './limits.ts';
import { loadArticleFiles } from './load-files.ts';
import { formatProblem } from './problems.ts';

const FILE = 'content/en/2026/11/story.md';
const story = (frontmatter: string, body = 'Body.') => `---\n${frontmatter}\n---\n\n${body}\n`;
const HEAD = 'headline: A story\ndate: 2026-11-26T09:30';

function report(text: string, file = FILE): string[] {
  const root = writeFixture({ [file]: text });
  return loadArticleFiles({ rootDir: root }).problems.map(formatProblem);
}

// [case, file text, the one problem reported (errors and warnings alike)]
const cases: [string, string, RegExp][] = [
  // Dates
  [
    'an offset of +24:00',
    story('headline: A\ndate: 2026-11-26T09:30+24:00'),
    /^content\/en\/2026\/11\/story\.md:3: date: .*\+24:00 is not a time zone offset; offsets run from -12:00 to \+14:00/,
  ],
  ['an offset of -13:00', story('headline: A\ndate: 2026-11-26T09:30-13:00'), /:3: date: .*-13:00 is not a time zone offset/],
  ['the year 0000', story('headline: A\ndate: 0000-01-01T10:00'), /:3: date: "0000-01-01T10:00": the year 0000 is outside 1900–2200/],
  ['the year 2201', story(`${HEAD}\nupdated: 2201-01-01T10:00`), /:4: updated: .*the year 2201 is outside 1900–2200/],
  ['T24:00', story('headline: A\ndate: 2026-11-27T24:00'), /:3: date: .*24:00 is the next day's 00:00/],
  ['30 February', story('headline: A\ndate: 2026-02-30T10:00'), /:3: date: "2026-02-30T10:00": February 2026 has no day 30 \(it has 28 days\)/],
  ['month 13', story('headline: A\ndate: 2026-13-01T10:00'), /:3: date: .*there is no month 13/],
  ['a minute of 61', story('headline: A\ndate: 2026-11-01T10:61'), /:3: date: .*10:61 is not a time of day/],
  ['a second of 60', story('headline: A\ndate: 2026-11-01T10:30:60'), /:3: date: .*10:30:60 is not a time of day; hours run 00–23, minutes and seconds 00–59/],
  [
    'a local time the clocks skip (London, 2026-03-29 01:30)',
    story('headline: A\ndate: 2026-03-29T01:30'),
    /:3: date: "2026-03-29T01:30": 01:30 on that day does not exist in Europe\/London, because the clocks go forward then/,
  ],
  [
    'a local time the clocks repeat (London, 2026-10-25 01:30): a warning',
    story('headline: A\ndate: 2026-10-25T01:30'),
    /:3: warning: date: "2026-10-25T01:30": 01:30 happens twice on that day in Europe\/London.*read as 01:30\+00:00\. Add \+01:00 or \+00:00/,
  ],
  [
    'a correction in the repeated hour',
    story(`${HEAD}\ncorrections:\n  - date: 2026-10-25T01:10\n    text: Fixed.`),
    /:4: warning: corrections\[0\]\.date: .*happens twice/,
  ],
  // Sizes
  ['a 301-character headline', story(`headline: ${'a'.repeat(301)}\ndate: 2026-11-26T09:30`), /:2: headline: is 301 characters long, over the limit of 300/],
  ['31 tags', story(`${HEAD}\ntags: [${Array.from({ length: 31 }, (_, i) => `t${i}`).join(', ')}]`), /:4: tags: has 31 entries, over the 30/],
  [
    'a 151-character Russian tag (302 bytes as a folder name)',
    story(`${HEAD}\ntags: ["${'т'.repeat(151)}"]`),
    /:4: tags\[0\]: is 151 characters long, over the limit of 100/,
  ],
  [
    'a tag whose slug is over 255 bytes',
    story(`${HEAD}\ntags: ["${'漢'.repeat(86)}"]`),
    /:4: tags\[0\]: makes the URL segment "漢漢漢.*" 258 bytes long, over the 255 bytes/,
  ],
  ['a byline name whose slug is over 255 bytes', story(`${HEAD}\nbyline: "${'漢'.repeat(90)}"`), /:4: byline: makes the URL segment .* 270 bytes long/],
  ['a long slug', story(`${HEAD}\nslug: ${'я'.repeat(130)}`), /:4: slug: makes the URL segment .* 260 bytes long/],
  ['a file over 10 MB', story(HEAD, 'x'.repeat(MAX_FILE_BYTES)), /^content\/en\/2026\/11\/story\.md: is 10,240 KB, over the 10,240 KB an article may be/],
  ['a frontmatter over 64 KB', story(`${HEAD}\nsummary: ${'word '.repeat(14_000)}`), /:1: frontmatter: is over 64 KB/],
  [
    'YAML aliases that expand a text thousands of times',
    story(
      `${HEAD}\nx: &a "${'x'.repeat(10_000)}"\ny: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nz: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nw: [*c, *c, *c, *c, *c]`,
    ),
    /:2: frontmatter: expands to more than 256 KB of text/,
  ],
  // Characters
  [
    'a right-to-left override in the headline',
    story('headline: "Invoice \u202Efdp.exe"\ndate: 2026-11-26T09:30'),
    /:2: headline: contains the invisible direction control U\+202E \(RIGHT-TO-LEFT OVERRIDE\) at character 9/,
  ],
  ['a left-to-right isolate in a tag', story(`${HEAD}\ntags: ["a\u2066b"]`), /:4: tags\[0\]: contains the invisible direction control U\+2066/],
  ['a direction override in the summary', story(`${HEAD}\nsummary: "a\u202Db"`), /:4: summary: contains the invisible direction control U\+202D/],
  [
    'a headline of Hangul fillers only',
    story('headline: "\u3164\u3164"\ndate: 2026-11-26T09:30'),
    /:2: headline: shows nothing: it holds only invisible characters/,
  ],
  ['a byline of zero-width spaces', story(`${HEAD}\nbyline: "\u200B\u200B"`), /:4: byline: shows nothing/],
  [
    'an invisible slug (U+3164)',
    story(`${HEAD}\nslug: "\u3164"`),
    /:4: slug: may only hold lowercase letters, digits and single hyphens \(it holds the invisible character U\+3164\)/,
  ],
  [
    'a line break in the headline',
    story('headline: "One\\ntwo"\ndate: 2026-11-26T09:30'),
    /:2: headline: contains the control character U\+000A at character 4/,
  ],
  // Names
  [
    'a byline with a comma',
    story(`${HEAD}\nbyline: Test Editor, Other Person`),
    /:4: warning: byline: "Test Editor, Other Person" is one name with a comma in it, so it gets one author page; if these are several people, write a list: `byline: \[Test Editor, Other Person\]`/,
  ],
  [
    'a Persian byline with an Arabic comma',
    story(`${HEAD}\nbyline: "امید رحیمی، جانا نواک"`),
    /:4: warning: byline: .*write a list: `byline: \[امید رحیمی, جانا نواک\]`/,
  ],
];

describe.each(cases)('%s', (_name, text, expected) => {
  it('is reported with file, line and field', () => {
    expect(report(text)).toEqual([expect.stringMatching(expected)]);
  });
});

// [key written, the field suggested]
const synonyms: [string, string][] = [
  ['image', 'photo'],
  ['picture', 'photo'],
  ['author', 'byline'],
  ['authors', 'byline'],
  ['tag', 'tags'],
  ['category', 'section'],
  ['title', 'headline'],
  ['description', 'summary'],
  ['Title', 'headline'],
  ['keywords', 'tags'],
  ['published', 'date'],
  ['permalink', 'slug'],
  ['redirect_from', 'aliases'],
];

describe('unknown fields', () => {
  it.each(synonyms)('%s → did you mean %s?', (key, field) => {
    expect(report(story(`${HEAD}\n${key}: x`))).toEqual([`${FILE}:4: ${key}: unknown field — did you mean ${field}? Rename it to \`${field}\`.`]);
  });

  it.each([
    ['photo.file', 'src'],
    ['photo.photographer', 'credit'],
    ['photo.title', 'caption'],
  ])('%s → did you mean %s?', (key, field) => {
    const [, inner] = key.split('.');
    expect(report(story(`${HEAD}\nphoto:\n  src: x.jpg\n  alt: A\n  ${inner}: x`)).join('\n')).toContain(`${key}: unknown field — did you mean ${field}?`);
  });

  it('reports the first 20 of thousands, then their number, in time linear in their count', () => {
    const keys = (n: number) => story(`${HEAD}\n${Array.from({ length: n }, (_, i) => `k${i}: 1`).join('\n')}`);
    const problems = report(keys(7000));
    expect(problems).toHaveLength(21);
    expect(problems[0]).toBe(
      `${FILE}:4: k0: unknown field: remove it, or use one of headline, date, updated, byline, credits, photo, summary, section, tags, breaking, draft, slug, translationKey, aliases, corrections`,
    );
    expect(problems[19]).toMatch(/^content\/en\/2026\/11\/story\.md:23: k19: /);
    expect(problems[20]).toBe(`${FILE}: frontmatter: has 6,980 more unknown fields: remove them`);
  });
});
