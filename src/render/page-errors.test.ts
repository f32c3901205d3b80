import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import renderArticle from '../../layouts/pages/article.11ty.tsx';
import renderListing from '../../layouts/pages/listing.11ty.tsx';
import { repoRoot, writeFixture } from '../../tests/helpers/fixture-site.ts';
import { type Build, prepareBuild } from '../build/build.ts';
import { openCaches } from '../build/caches.ts';
import { readBuildOptions } from '../build/options.ts';
import { explainedMessage, namedRender, PageRenderError, renderFailure } from './page-errors.ts';

let build: Build;

beforeAll(async () => {
  const root = writeFixture({
    'content/en/2026/11/harbour.md': '---\nheadline: Harbour reopens\ndate: 2026-11-26T09:30\ntags: [ports]\n---\n\nBody.\n',
  });
  const options = readBuildOptions({ MASTHEAD_CONTENT: path.join(root, 'content'), MASTHEAD_NOW: '2026-11-28T00:00Z', MASTHEAD_MODE: 'production' });
  const caches = openCaches(repoRoot, {
    MASTHEAD_BODY_CACHE: path.join(root, 'cache'),
    MASTHEAD_IMAGE_CACHE: path.join(root, 'images'),
    MASTHEAD_SEARCH_CACHE: path.join(root, 'search'),
  });
  const prepared = await prepareBuild({ rootDir: repoRoot, options, caches, fingerprintAssets: false });
  build = prepared.build!;
});

describe('a page that crashes while rendering', () => {
  // A date no loader would let through: formatting it throws "RangeError: Invalid time value", as pages did with a +24:00 offset.
  it('names the story file and its page, the error and where in the code', () => {
    const article = { ...build.articles[0]!, date: 'not a date' };
    let thrown: unknown;
    try {
      namedRender({ article, masthead: build }, renderArticle);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(PageRenderError);
    expect((thrown as Error).message).toMatch(
      /^content\/en\/2026\/11\/harbour\.md: its page \/en\/2026\/11\/26\/harbour\/ could not be rendered: RangeError: Invalid time value \(at .+\)$/,
    );
  });

  it('names a listing and the story files it lists', () => {
    const listing = build.listings.pages.find((p) => p.url === '/en/tag/ports/')!;
    const broken = { ...listing, articles: listing.articles.map((a) => ({ ...a, date: 'not a date' })) };
    expect(() => namedRender({ listing: broken, masthead: build }, renderListing)).toThrow(
      /^the tag page \/en\/tag\/ports\/ \(listing content\/en\/2026\/11\/harbour\.md\) could not be rendered: RangeError/,
    );
  });

  it('renders a good page as it is', () => {
    expect(namedRender({ article: build.articles[0]!, masthead: build }, renderArticle)).toContain('<h1>Harbour reopens</h1>');
  });
});

describe('what a command prints for an error', () => {
  const named = renderFailure(
    { article: { sourcePath: 'content/en/2026/11/harbour.md', url: '/en/2026/11/26/harbour/' } },
    new RangeError('Invalid time value'),
  );

  it.each([
    ['the error itself', named],
    ['wrapped by Eleventy (originalError)', Object.assign(new Error('Having trouble rendering 11ty.js template'), { originalError: named })],
    ['wrapped as a cause, twice', new Error('outer', { cause: new Error('inner', { cause: named }) })],
  ])('is the named message, %s', (_, error) => {
    expect(explainedMessage(error)).toMatch(
      /^content\/en\/2026\/11\/harbour\.md: its page \/en\/2026\/11\/26\/harbour\/ could not be rendered: RangeError: Invalid time value \(at .+\)$/,
    );
  });

  it.each([
    ['a plain crash', new TypeError('x is not a function')],
    ['a crash wrapped by Eleventy', Object.assign(new Error('Having trouble'), { originalError: new TypeError('x') })],
    ['no error at all', 'a string'],
  ])('is none for %s: the command prints its stack', (_, error) => {
    expect(explainedMessage(error)).toBeUndefined();
  });
});
