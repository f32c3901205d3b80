/**
 * `npm run preview` answers like the static hosts we deploy to: the site mounted at its
 * prefix, `_headers` and `_redirects` applied, folders served by index.html, a missing
 * page answered by the nearest 404.html with status 404, and nothing outside the site,
 * not even through a symbolic link inside it.
 * A hand-written site folder, so every rule is exercised on purpose.
 */
import { execFile } from 'node:child_process';
import { symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { npmScriptArgs } from '../../scripts/npm-script.ts';
import { type RunningPreview, startPreview } from '../../src/cli/preview.ts';
import { repoRoot, writeFixture } from '../helpers/fixture-site.ts';

let preview: RunningPreview;
let root: string;

beforeAll(async () => {
  root = writeFixture({
    'index.html': '<h1>root</h1>',
    'en/index.html': '<h1>en home</h1>',
    'en/about/index.html': '<h1>about</h1>',
    'en/404.html': '<h1>en not found</h1>',
    'ru/index.html': '<h1>ru home</h1>',
    '404.html': '<h1>site not found</h1>',
    'assets/masthead.0123456789.css': 'body{}',
    'assets/font.woff2': 'wOF2',
    'pagefind/wasm.unknown.pagefind': 'x',
    'pagefind/pagefind.wasm': 'x',
    'feed.xml': '<feed/>',
    _headers: [
      '# comment',
      '/news/*',
      '  X-Content-Type-Options: nosniff',
      "  Content-Security-Policy: default-src 'self'",
      '/news/assets/*',
      '  Cache-Control: public, max-age=31536000, immutable',
      '/news/en/*',
      '  Cache-Control: public, max-age=300',
      '/news/:code/about/',
      '  X-About: yes',
    ].join('\n'),
    _redirects: [
      '/news/old/* /news/en/:splat 301',
      '/news/moved /news/en/about/ 308',
      '/news/alias/ /news/en/about/ 200',
      '/news/rewritten-leak /news/en/leak.txt 200',
    ].join('\n'),
  });
  // Links inside the built folder: one to a file of the site, one out of it.
  // Out of it also: a 404 page (the edition's nearest), and a folder with an index.html.
  const outside = writeFixture({ 'secret.txt': 'not part of the site', 'secret.html': '<h1>secret page</h1>', 'folder/index.html': '<h1>secret index</h1>' });
  symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'en', 'leak.txt'));
  symlinkSync(path.join(outside), path.join(root, 'en', 'leaked-folder'));
  symlinkSync(path.join(outside, 'secret.html'), path.join(root, 'ru', '404.html'));
  symlinkSync(path.join(outside, 'folder'), path.join(root, 'ru', 'linked-index'));
  symlinkSync(path.join(root, 'feed.xml'), path.join(root, 'en', 'feed.xml'));
  preview = await startPreview(root, '/news/', 0);
});

afterAll(async () => {
  preview.server.closeAllConnections();
  await new Promise((done) => preview.server.close(done));
});

const get = (p: string, init: RequestInit = {}) => fetch(new URL(p, preview.url), { redirect: 'manual', ...init });

describe('npm run preview', () => {
  it('serves on 127.0.0.1 under the path prefix', () => {
    expect(preview.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/news\/$/);
  });

  it.each([
    ['/news/', 200, 'text/html; charset=utf-8', 'root'],
    ['/news/en/', 200, 'text/html; charset=utf-8', 'en home'],
    ['/news/en/about/', 200, 'text/html; charset=utf-8', 'about'],
    ['/news/assets/masthead.0123456789.css', 200, 'text/css; charset=utf-8', 'body{}'],
    ['/news/assets/font.woff2', 200, 'font/woff2', 'wOF2'],
    ['/news/pagefind/pagefind.wasm', 200, 'application/wasm', 'x'],
    ['/news/pagefind/wasm.unknown.pagefind', 200, 'application/octet-stream', 'x'],
    ['/news/feed.xml', 200, 'application/xml; charset=utf-8', '<feed/>'],
    ['/news/en/missing/', 404, 'text/html; charset=utf-8', 'en not found'],
    ['/news/ru/missing', 404, 'text/html; charset=utf-8', 'site not found'],
    ['/news/_headers', 404, 'text/html; charset=utf-8', 'site not found'],
    ['/news/_redirects', 404, 'text/html; charset=utf-8', 'site not found'],
    ['/news/..%2f..%2f..%2fetc%2fpasswd', 404, 'text/html; charset=utf-8', 'site not found'],
    ['/en/', 404, 'text/plain; charset=utf-8', 'Not found'],
    ['/news/alias/', 200, 'text/html; charset=utf-8', 'about'],
    ['/news/en/feed.xml', 200, 'application/xml; charset=utf-8', '<feed/>'],
    ['/news/en/leak.txt', 404, 'text/html; charset=utf-8', 'en not found'],
    ['/news/en/leaked-folder/secret.txt', 404, 'text/html; charset=utf-8', 'en not found'],
    ['/news/en/leaked-folder/folder/', 404, 'text/html; charset=utf-8', 'en not found'],
    ['/news/rewritten-leak', 404, 'text/html; charset=utf-8', 'site not found'],
    ['/news/ru/linked-index/', 404, 'text/html; charset=utf-8', 'site not found'],
    ['/news/ru/linked-index', 404, 'text/html; charset=utf-8', 'site not found'],
  ])('%s → %i %s', async (p, status, type, body) => {
    const res = await get(p);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toBe(type);
    expect(await res.text()).toContain(body);
  });

  it.each([
    ['/news/en', 301, '/news/en/'],
    ['/news/en/about?x=1', 301, '/news/en/about/?x=1'],
    ['/news/old/about/', 301, '/news/en/about/'],
    ['/news/moved', 308, '/news/en/about/'],
  ])('%s redirects (%i) to %s', async (p, status, location) => {
    const res = await get(p);
    expect(res.status).toBe(status);
    expect(res.headers.get('location')).toBe(location);
  });

  it.each([
    ['/news/en/', { 'x-content-type-options': 'nosniff', 'cache-control': 'public, max-age=300', 'x-about': null }],
    ['/news/en/about/', { 'x-content-type-options': 'nosniff', 'cache-control': 'public, max-age=300', 'x-about': 'yes' }],
    ['/news/assets/masthead.0123456789.css', { 'cache-control': 'public, max-age=31536000, immutable', 'content-security-policy': "default-src 'self'" }],
    ['/news/en/missing/', { 'x-content-type-options': 'nosniff', 'cache-control': 'public, max-age=300' }],
    ['/elsewhere/', { 'x-content-type-options': null }],
  ])('applies _headers to %s', async (p, expected) => {
    const res = await get(p);
    for (const [name, value] of Object.entries(expected)) expect(res.headers.get(name), name).toBe(value);
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get('/news/en/', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await get('/news/en/', { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('is started by `npm run preview` with a clear message for a missing folder', async () => {
    const result = await new Promise<{ code: number; stderr: string }>((done) =>
      execFile(process.execPath, [...npmScriptArgs(repoRoot, 'preview'), '--dir', path.join(root, 'nope')], { cwd: repoRoot }, (error, _out, stderr) =>
        done({ code: error ? Number(error.code ?? 1) : 0, stderr }),
      ),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('does not exist: run `npm run build` first');
  });
});

describe('npm run preview over host files it cannot read, or rules with a name used twice', () => {
  let broken: RunningPreview;
  let dir: string;
  beforeAll(async () => {
    dir = writeFixture({
      'en/index.html': '<h1>en home</h1>',
      _headers: '/*/*\n  X-Twice: yes\n/:a/:a/\n  X-Named-Twice: yes\n',
      _redirects: '/old/*/* /en/:splat 301\n',
    });
    broken = await startPreview(dir, '/', 0);
  });
  afterAll(async () => {
    broken.server.closeAllConnections();
    await new Promise((done) => broken.server.close(done));
  });
  const fetchIt = (p: string) => fetch(new URL(p, broken.url), { redirect: 'manual' });

  it('applies them as a host would', async () => {
    const page = await fetchIt('/en/');
    expect(page.status).toBe(200);
    expect(page.headers.get('x-twice')).toBe('yes');
    const missing = await fetchIt('/en/x/');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('x-named-twice')).toBe('yes');
    const moved = await fetchIt('/old/en/x');
    expect(moved.status).toBe(301);
    expect(moved.headers.get('location')).toBe('/en/en');
  });

  it('answers 500 saying why when _headers cannot be read, and keeps serving once it is fixed', async () => {
    const headers = path.join(dir, '_headers');
    writeFileSync(headers, '  X-Orphan: 1\n');
    // A new modification time, so the server reads the file again.
    utimesSync(headers, new Date(), new Date(Date.now() + 5000));
    const failed = await fetchIt('/en/');
    expect(failed.status).toBe(500);
    expect(await failed.text()).toContain('_headers: "X-Orphan: 1" is not under a path');
    writeFileSync(headers, '/*\n  X-Fixed: yes\n');
    utimesSync(headers, new Date(), new Date(Date.now() + 10_000));
    const fixed = await fetchIt('/en/');
    expect(fixed.status).toBe(200);
    expect(fixed.headers.get('x-fixed')).toBe('yes');
  });
});
