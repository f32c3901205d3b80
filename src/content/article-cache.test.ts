import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { writeFixture } from '../../tests/helpers/fixture-site.ts';
import { ArticleCache, splitArticle } from './article-cache.ts';
import { BodyCache } from './body-cache.ts';
import { loadArticleFacts, loadArticleFiles } from './load-files.ts';

const site = (files: Record<string, string | Buffer>) => writeFixture(files, mkdtempSync(path.join(tmpdir(), 'masthead-article-cache-')));

const story = (extra = '', body = 'Body with [a link](/en/2026/11/25/other/).') =>
  `---\nheadline: Harbour reopens\ndate: 2026-11-26T09:30\n${extra}---\n${body}\n`;
const photo = () =>
  sharp({ create: { width: 1600, height: 900, channels: 3, background: '#4a7a9c' } })
    .jpeg()
    .toBuffer();

const twoStories = () =>
  site({ 'content/en/2026/11/harbour.md': story(), 'content/en/2026/11/ferry.md': story('', 'The ferry sailed.').replace('Harbour reopens', 'Ferry returns') });

/** A first build on a fresh cache folder (`<root>/.cache`), its caches saved. */
function firstBuild(root: string) {
  const cacheDir = path.join(root, '.cache');
  const caches = { bodies: new BodyCache(cacheDir), articles: new ArticleCache(cacheDir) };
  const loaded = loadArticleFiles({ rootDir: root, ...caches });
  caches.bodies.save();
  caches.articles.save();
  return { cacheDir, caches, loaded };
}

/** A later build: new cache instances on the same folder, and a file the dev-server memo has not seen. */
function laterBuild(root: string, cacheDir: string, files: string[]) {
  for (const f of files) utimesSync(path.join(root, f), new Date(), new Date(Date.now() + 1000 * Math.random()));
  const caches = { bodies: new BodyCache(cacheDir), articles: new ArticleCache(cacheDir) };
  return { caches, loaded: loadArticleFiles({ rootDir: root, ...caches }) };
}

describe('article cache', () => {
  it('gives a later build the same articles, links and warnings without validating again', () => {
    const root = site({ 'content/en/2026/11/harbour.md': story('', 'See ![a chart](chart.png) and [a link](/en/2026/11/25/other/).') });
    const { cacheDir, loaded: before } = firstBuild(root);
    expect(before.problems.map((p) => p.severity)).toEqual(['warning']);

    const { caches, loaded } = laterBuild(root, cacheDir, ['content/en/2026/11/harbour.md']);
    expect(caches.articles.stats).toEqual({ hits: 1, misses: 0 });
    expect(loaded.articles).toEqual(before.articles);
    expect(loaded.links).toEqual(before.links);
    expect(loaded.problems).toEqual(before.problems);
  });

  it('validates a changed file again', () => {
    const root = site({ 'content/en/2026/11/harbour.md': story() });
    const cacheDir = path.join(root, '.cache');
    const articles = new ArticleCache(cacheDir);
    loadArticleFiles({ rootDir: root, articles });
    articles.save();
    writeFileSync(path.join(root, 'content/en/2026/11/harbour.md'), story().replace('Harbour reopens', 'Harbour closes'));
    const { caches, loaded } = laterBuild(root, cacheDir, []);
    expect(caches.articles.stats).toEqual({ hits: 0, misses: 1 });
    expect(loaded.articles[0]?.headline).toBe('Harbour closes');
  });

  it('checks the photo on disk again: a cached story whose photo was deleted is reported, not served', async () => {
    const root = site({
      'content/en/2026/11/harbour.md': story('photo:\n  src: harbour.jpg\n  alt: The harbour\n'),
      'content/en/2026/11/harbour.jpg': await photo(),
    });
    const cacheDir = path.join(root, '.cache');
    const articles = new ArticleCache(cacheDir);
    expect(loadArticleFiles({ rootDir: root, articles }).problems).toEqual([]);
    articles.save();
    rmSync(path.join(root, 'content/en/2026/11/harbour.jpg'));
    const { loaded } = laterBuild(root, cacheDir, ['content/en/2026/11/harbour.md']);
    expect(loaded.articles).toEqual([]);
    expect(loaded.problems).toMatchObject([{ file: 'content/en/2026/11/harbour.md', field: 'photo.src', severity: 'error' }]);
  });

  it('keeps the body cache entries of stories it serves, so a code change re-renders nothing', () => {
    const root = twoStories();
    const { cacheDir } = firstBuild(root);
    // One headline edited: that story misses (and reads the body cache), the other is served whole.
    writeFileSync(path.join(root, 'content/en/2026/11/ferry.md'), story('', 'The ferry sailed.').replace('Harbour reopens', 'Ferry returns at noon'));
    const { caches } = laterBuild(root, cacheDir, ['content/en/2026/11/harbour.md']);
    expect(caches.articles.stats).toEqual({ hits: 1, misses: 1 });
    caches.bodies.save();
    caches.articles.save();
    // Then the code changes (a new article-cache fingerprint): both bodies are still cached.
    const afterChange = { bodies: new BodyCache(cacheDir), articles: new ArticleCache(cacheDir, 'other-code') };
    for (const f of ['harbour', 'ferry']) utimesSync(path.join(root, `content/en/2026/11/${f}.md`), new Date(), new Date(Date.now() + 5000));
    loadArticleFiles({ rootDir: root, ...afterChange });
    expect(afterChange.articles.stats).toEqual({ hits: 0, misses: 2 });
    expect(afterChange.bodies.stats).toEqual({ hits: 2, misses: 0 });
    afterChange.articles.save();
    expect(readdirSync(cacheDir).filter((n) => n.startsWith('articles-'))).toEqual(['articles-other-code.json']);
  });

  it('stores each body once, in the body cache, and serves npm run check the facts alone', () => {
    const root = site({ 'content/en/2026/11/harbour.md': story('summary: Boats are back.\n') });
    const { cacheDir, loaded: built } = firstBuild(root);
    const stored = (prefix: string) => readFileSync(path.join(cacheDir, readdirSync(cacheDir).find((n) => n.startsWith(prefix))!), 'utf8');
    expect(stored('articles-')).not.toContain('Body with');
    expect(stored('articles-')).not.toContain('Boats are back');
    expect(stored('article-texts-')).toContain('Boats are back');
    expect(stored('article-texts-')).not.toContain('<p>Body with');

    for (const f of ['content/en/2026/11/harbour.md']) utimesSync(path.join(root, f), new Date(), new Date(Date.now() + 3000));
    const check = { bodies: new BodyCache(cacheDir), articles: new ArticleCache(cacheDir) };
    const checked = loadArticleFacts({ rootDir: root, ...check });
    expect(check.articles.stats).toEqual({ hits: 1, misses: 0 });
    expect(check.articles.textStats).toEqual({ hits: 0, misses: 0 });
    expect(check.bodies.stats).toEqual({ hits: 0, misses: 0 });
    expect(checked.articles).toEqual([splitArticle(built.articles[0]!).facts]);
    expect(checked.links).toEqual(built.links);
    expect(checked.problems).toEqual(built.problems);

    // …and a build after the check gets the whole article back.
    const later = { bodies: new BodyCache(cacheDir), articles: new ArticleCache(cacheDir) };
    expect(loadArticleFiles({ rootDir: root, ...later }).articles).toEqual(built.articles);
  });

  it('splits an article into facts and texts that join back into it', async () => {
    const root = site({
      'content/en/2026/11/harbour.md': story(
        'summary: Boats are back.\ntranslationKey: harbour-2026\naliases:\n  - /en/old/harbour/\nphoto:\n  src: harbour.jpg\n  alt: The harbour\n',
      ),
      'content/en/2026/11/harbour.jpg': await photo(),
    });
    const [article] = loadArticleFiles({ rootDir: root }).articles;
    const { facts, texts } = splitArticle(article!);
    expect(Object.keys(facts).sort()).toEqual(['aliases', 'date', 'draft', 'edition', 'photo', 'slug', 'sourcePath', 'timestamp', 'translationKey', 'url']);
    // The body and the file's digest travel beside the parts (the digest is the cache's key).
    expect({ ...facts, ...texts, bodyHtml: article!.bodyHtml, digest: article!.digest }).toEqual(article);
  });

  it('leaves the body cache to the build when npm run check validates an edited story', () => {
    const root = twoStories();
    const { cacheDir } = firstBuild(root);

    const ferry = path.join(root, 'content/en/2026/11/ferry.md');
    writeFileSync(ferry, story('', 'The ferry sailed at dawn.').replace('Harbour reopens', 'Ferry returns'));
    const check = { bodies: new BodyCache(cacheDir), articles: new ArticleCache(cacheDir) };
    const checked = loadArticleFacts({ rootDir: root, ...check });
    expect(check.articles.stats).toEqual({ hits: 1, misses: 1 });
    expect(check.bodies.stats).toEqual({ hits: 0, misses: 0 });
    check.bodies.save();
    check.articles.save();

    // The untouched story's body and texts are still there; the edited one is validated again by the build.
    const { caches, loaded } = laterBuild(root, cacheDir, []);
    expect(caches.bodies.stats).toEqual({ hits: 1, misses: 1 });
    expect(caches.articles.stats).toEqual({ hits: 1, misses: 1 });
    expect(caches.articles.textStats).toEqual({ hits: 1, misses: 1 });
    expect(loaded.articles.map((a) => a.bodyHtml)).toEqual(['<p>The ferry sailed at dawn.</p>\n', expect.stringContaining('Body with')]);
    expect(loaded.articles.map((a) => splitArticle(a).facts)).toEqual(checked.articles);
  });

  it('does not read an untouched file again to find its entry; a written one it does', () => {
    const root = twoStories();
    const { cacheDir, caches: first } = firstBuild(root);
    expect(first.articles.stampStats).toEqual({ hits: 0, misses: 2 });
    // Rewritten with the same bytes: its stat changed, so it is read (and found by its bytes).
    const ferry = path.join(root, 'content/en/2026/11/ferry.md');
    writeFileSync(ferry, readFileSync(ferry));
    const { caches, loaded } = laterBuild(root, cacheDir, []);
    expect(caches.articles.stampStats).toEqual({ hits: 1, misses: 1 });
    expect(caches.articles.stats).toEqual({ hits: 2, misses: 0 });
    expect(loaded.articles.map((a) => a.headline).sort()).toEqual(['Ferry returns', 'Harbour reopens']);
  });
});
