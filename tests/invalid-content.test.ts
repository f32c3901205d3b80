/**
 * Bad input from editors: each kind is reported as `file:line: field: message`, the
 * build exits non-zero, and the previously published site is left byte for byte.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { article, buildFixture, type FixtureSite, jpeg } from './helpers/fixture-site.ts';
import { snapshot } from './helpers/site-files.ts';

const good = article('headline: A good story\ndate: 2026-11-26T09:30');
let published: FixtureSite;
let before: Record<string, string>;

beforeAll(async () => {
  published = await buildFixture({
    'content/en/2026/good-story.md': good,
    'content/en/2026/photo.jpg': await jpeg(640, 360),
  });
  expect(published.code).toBe(0);
  before = snapshot(published.outDir);
});

// [case, file content, field, what the message says]
const cases: [string, string, string, RegExp][] = [
  ['broken YAML', '---\nheadline: A\ndate: 2026-11-26T09:30\ntags: [a, b\n---\nBody\n', 'frontmatter', /:\d+: frontmatter: is not valid YAML/],
  ['missing headline', article('date: 2026-11-26T09:30'), 'headline', /headline: is required: add a line such as `headline:/],
  ['unparsable date', article('headline: A\ndate: 26/11/2026'), 'date', /:3: date: "26\/11\/2026" is not an ISO 8601 date-time/],
  ['photo without alt', article('headline: A\ndate: 2026-11-26T09:30\nphoto:\n  src: photo.jpg'), 'photo.alt', /photo\.alt: is required when there is a photo/],
  [
    'photo that does not exist',
    article('headline: A\ndate: 2026-11-26T09:30\nphoto:\n  src: gone.jpg\n  alt: A'),
    'photo.src',
    /photo\.src: "gone\.jpg" does not exist/,
  ],
  [
    'photo outside the repository',
    article('headline: A\ndate: 2026-11-26T09:30\nphoto:\n  src: ../../../../../../etc/passwd\n  alt: A'),
    'photo.src',
    /photo\.src: .* points outside the repository/,
  ],
  ['unknown key', article('headline: A\ndate: 2026-11-26T09:30\nbyine: Jana Novak'), 'byine', /:4: byine: unknown field — did you mean byline\?/],
];

describe.each(cases)('%s', (_name, content, field, message) => {
  let run: FixtureSite;
  beforeAll(async () => {
    run = await buildFixture({ 'content/en/2026/broken.md': content }, { dir: published.dir });
    rmSync(path.join(published.dir, 'content/en/2026/broken.md'));
  });

  it('exits non-zero', () => {
    expect(run.code).not.toBe(0);
  });

  it(`names the file and the field (${field}) and says how to fix it`, () => {
    expect(run.stderr).toContain(`content/en/2026/broken.md:`);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at .*\.(ts|js):\d+/); // no stack trace for content problems
  });

  it('leaves the previous _site/ exactly as it was', () => {
    expect(snapshot(published.outDir)).toEqual(before);
  });
});

it('reports every problem of every file in one run', async () => {
  const run = await buildFixture(
    {
      'content/en/2026/one.md': article('date: tomorrow\nbyine: x'),
      'content/ru/2026/two.md': article('headline: Два\ndate: 2026-11-26T09:30\nphoto:\n  src: nope.jpg'),
    },
    { dir: published.dir },
  );
  rmSync(path.join(published.dir, 'content/en/2026/one.md'));
  rmSync(path.join(published.dir, 'content/ru'), { recursive: true });
  expect(run.code).toBe(1);
  for (const expected of ['one.md: headline:', 'one.md:2: date:', 'one.md:3: byine:', 'two.md:4: photo.alt:', 'two.md:4: photo.src:']) {
    expect(run.stderr).toContain(expected);
  }
  expect(run.stderr).toContain('5 problems in the content');
  expect(snapshot(published.outDir)).toEqual(before);
});
