/**
 * The onion service's nginx rules (`_onion.nginx.conf`, src/outputs/onion-nginx.ts) in
 * Debian's real nginx: the test starts it as its own process on 127.0.0.1 with a
 * temporary configuration that includes the built file, as docs/deploy.md tells an
 * operator to, and stops it after. Pages, moved stories, not-found pages, host files and
 * every header are read from its responses.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editions } from '../../src/editions/registry.ts';
import { NOT_FOUND_BASE_HASH } from '../../src/render/not-found-base.ts';
import { article, buildFixture, type FixtureSite, jpeg } from '../helpers/fixture-site.ts';

const NGINX = process.env.MASTHEAD_NGINX ?? '/usr/sbin/nginx';
const ONION = new URL(editions.en.reach.onion ?? '').origin;

let site: FixtureSite;
let nginx: ChildProcess;
let origin: string;
let errors = '';

/** A port nobody listens on now (nginx takes it a moment later). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** One request, never following a redirect. */
async function get(urlPath: string): Promise<{ status: number; headers: Headers; body: string }> {
  const response = await fetch(origin + urlPath, { redirect: 'manual' });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

beforeAll(async () => {
  if (!existsSync(NGINX)) {
    throw new Error(`nginx not found at ${NGINX}: install it with \`apt-get install -y nginx\` (.ci/run does), or point MASTHEAD_NGINX at the binary.`);
  }
  site = await buildFixture({
    'content/en/2026/11/harbour-lights.md': article(
      `
headline: Harbour lights return
date: 2026-11-26T09:30
aliases: [/en/old/harbour-lights/, /en/older/harbour, /en/oldest/harbour.html]
section: culture
photo:
  src: harbour.jpg
  alt: A lighthouse at dusk
`,
      'The lamp was switched on.',
    ),
    'content/en/2026/11/harbour.jpg': await jpeg(1200, 800),
    'content/ru/2026/11/mayak.md': article('headline: Маяк снова горит\ndate: 2026-11-26T10:00', 'Текст новости.'),
    'content/fa/2026/11/fanus.md': article('headline: فانوس دوباره روشن شد\ndate: 2026-11-26T11:00', 'متن خبر.'),
  });
  expect(site.stderr).toBe('');
  expect(site.code).toBe(0);

  const dir = mkdtempSync(path.join(tmpdir(), 'masthead-nginx-'));
  mkdirSync(path.join(dir, 'logs'));
  const port = await freePort();
  // Everything nginx writes stays in the temporary folder; one process, no workers, no
  // user switch, in the foreground: the test's own child, never the system service.
  const conf = path.join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    `daemon off;
master_process off;
pid ${dir}/nginx.pid;
error_log ${dir}/logs/error.log warn;
events { worker_connections 64; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path ${dir}/body;
    proxy_temp_path ${dir}/proxy;
    fastcgi_temp_path ${dir}/fastcgi;
    uwsgi_temp_path ${dir}/uwsgi;
    scgi_temp_path ${dir}/scgi;
    server {
        listen 127.0.0.1:${port};
        root ${site.outDir};
        include ${site.outDir}/_onion.nginx.conf;
    }
}
`,
  );
  const test = spawnSync(NGINX, ['-t', '-p', dir, '-e', `${dir}/logs/error.log`, '-c', conf], { encoding: 'utf8' });
  expect(test.stderr, 'nginx -t').toMatch(/syntax is ok[\s\S]*test is successful/);
  nginx = spawn(NGINX, ['-p', dir, '-e', `${dir}/logs/error.log`, '-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
  nginx.stderr?.on('data', (chunk) => {
    errors += String(chunk);
  });
  origin = `http://127.0.0.1:${port}`;
  // Ready once it answers; it exits at once on a bad configuration.
  for (;;) {
    if (nginx.exitCode !== null) throw new Error(`nginx exited: ${errors}${readFileSync(`${dir}/logs/error.log`, 'utf8')}`);
    try {
      await fetch(`${origin}/`);
      break;
    } catch {
      await new Promise((done) => setTimeout(done, 50));
    }
  }
});

afterAll(async () => {
  if (nginx && nginx.exitCode === null) {
    const exited = new Promise((done) => nginx.once('exit', done));
    nginx.kill('SIGQUIT');
    await exited;
  }
});

describe('the onion service in nginx, with the built _onion.nginx.conf', () => {
  it('serves every edition front page and a story with the site headers, for plain HTTP', async () => {
    for (const urlPath of ['/', '/en/', '/ru/', '/fa/', '/en/2026/11/26/harbour-lights/', '/en/access/', '/mirrors.json']) {
      const { status, headers } = await get(urlPath);
      expect(status, urlPath).toBe(200);
      const csp = headers.get('content-security-policy') ?? '';
      expect(csp, urlPath).toContain("default-src 'self'");
      expect(csp, urlPath).toContain(`script-src 'self' 'wasm-unsafe-eval' ${NOT_FOUND_BASE_HASH}`);
      // Plain HTTP inside Tor: upgrading would break every request, HSTS means nothing.
      expect(csp, urlPath).not.toContain('upgrade-insecure-requests');
      expect(headers.get('strict-transport-security'), urlPath).toBeNull();
      expect(headers.get('x-content-type-options'), urlPath).toBe('nosniff');
      expect(headers.get('referrer-policy'), urlPath).toBe('strict-origin-when-cross-origin');
      expect(headers.get('x-frame-options'), urlPath).toBe('DENY');
      expect(headers.get('cache-control'), urlPath).toBe('public, max-age=300');
      expect(headers.get('server'), urlPath).toBe('nginx');
    }
    expect((await get('/en/')).headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect((await get('/mirrors.json')).headers.get('content-type')).toBe('application/json; charset=utf-8');
  });

  it('serves the pages as built, with their own onion-location', async () => {
    const { body } = await get('/en/2026/11/26/harbour-lights/');
    expect(body).toBe(site.html('/en/2026/11/26/harbour-lights/'));
    expect(body).toContain(`<meta http-equiv="onion-location" content="${ONION}/en/2026/11/26/harbour-lights/"/>`);
  });

  it('caches content-named files for a year', async () => {
    const css = /href="\.\.\/(assets\/masthead\.[0-9a-f]{10}\.css)"/.exec(site.html('/en/'))?.[1];
    const photo = /src="(?:\.\.\/)+(media\/[^"]+\.jpg)"/.exec(site.html('/en/2026/11/26/harbour-lights/'))?.[1];
    for (const file of [css, photo]) {
      const { status, headers } = await get(`/${file}`);
      expect(status, file).toBe(200);
      expect(headers.get('cache-control'), file).toBe('public, max-age=31536000, immutable');
      expect(headers.get('content-security-policy'), file).toContain("default-src 'self'");
    }
  });

  it.each([
    ['/en/old/harbour-lights/', '../../../en/2026/11/26/harbour-lights/'],
    ['/en/old/harbour-lights', '../../en/2026/11/26/harbour-lights/'],
    ['/en/older/harbour', '../../en/2026/11/26/harbour-lights/'],
    ['/en/older/harbour/', '../../../en/2026/11/26/harbour-lights/'],
    ['/en/oldest/harbour.html', '../../en/2026/11/26/harbour-lights/'],
  ])('moves %s with a 301 relative to the old address', async (from, to) => {
    const { status, headers } = await get(from);
    expect(status).toBe(301);
    expect(headers.get('location')).toBe(to);
    expect(new URL(to, origin + from).pathname).toBe('/en/2026/11/26/harbour-lights/');
    expect(headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it("adds a folder's slash with a relative redirect that names no port", async () => {
    const { status, headers } = await get('/en/about');
    expect(status).toBe(301);
    expect(headers.get('location')).toBe('/en/about/');
  });

  it.each([
    ['en', '/en/no-such/story/', 'Page not found', '/en/'],
    ['ru', '/ru/nope/', editions.ru.strings.notFoundTitle, '/ru/'],
    ['fa', '/fa/a/b/c/', editions.fa.strings.notFoundTitle, '/fa/'],
    ['root', '/no-such-edition/x/', editions.en.strings.notFoundTitle, '/'],
  ])('answers a missing page in %s with its 404 page, its base set for any depth', async (_name, urlPath, title, base) => {
    const { status, headers, body } = await get(urlPath);
    expect(status).toBe(404);
    expect(body).toContain(title);
    expect(body).toContain(`<meta charset="utf-8"/><base href="${base}"/>`);
    expect(headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(headers.get('cache-control')).toBe('public, max-age=300');
  });

  it('never serves the host files', async () => {
    for (const file of ['/_headers', '/_redirects', '/_onion.nginx.conf']) {
      expect(site.has(file), file).toBe(true);
      expect((await get(file)).status, file).toBe(404);
    }
  });

  it('logged no error', () => {
    expect(errors).toBe('');
  });
});
