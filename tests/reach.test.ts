/**
 * Reaching readers behind censorship (issue 19, ADR 021), on a site built by the real
 * CLI: the onion-location of every page, Onion-Location in `_headers`, mirrors.json, the
 * page "If this site is blocked" in every edition and the links to it; and bad reach
 * settings in an edition file, which `npm run check` and the build report naming the
 * file, the line and the field.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { npmScriptArgs } from '../scripts/npm-script.ts';
import type { EditionCode } from '../src/editions/edition.ts';
import { editions } from '../src/editions/registry.ts';
import { headersFor, parseHeadersFile } from '../src/preview/host-rules.ts';
import { article, buildFixture, type FixtureSite, repoRoot } from './helpers/fixture-site.ts';

const EDITIONS: EditionCode[] = ['en', 'ru', 'fa'];
const onion = (code: EditionCode) => new URL(editions[code].reach.onion ?? '').origin;

let site: FixtureSite;

beforeAll(async () => {
  site = await buildFixture({
    'content/en/2026/11/harbour.md': article('headline: Harbour lights return\ndate: 2026-11-26T09:30\naliases: [/en/old/harbour/]', 'Text.'),
    'content/ru/2026/11/маяк.md': article('headline: Маяк снова горит\ndate: 2026-11-26T10:00\ntags: [гавань]', 'Текст.'),
    'content/fa/2026/11/fanus.md': article('headline: فانوس دوباره روشن شد\ndate: 2026-11-26T11:00', 'متن خبر.'),
  });
  expect(site.stderr).toBe('');
  expect(site.code).toBe(0);
});

/** Site paths of every built HTML page. */
function pages(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((e) => {
    if (e.isDirectory()) return e.name.includes('pagefind') ? [] : pages(dir, `${prefix}${e.name}/`);
    return e.name.endsWith('.html') ? [`/${prefix}${e.name === 'index.html' ? '' : e.name}`] : [];
  });
}

describe('the onion service', () => {
  it('is named on every page, with the page’s own path (the root pages: the first edition’s)', () => {
    const all = pages(site.outDir);
    expect(all.length).toBeGreaterThan(30);
    for (const page of all) {
      const code = (EDITIONS as string[]).includes(page.split('/')[1] ?? '') ? (page.split('/')[1] as EditionCode) : 'en';
      const metas = [...site.page(page).querySelectorAll('meta[http-equiv="onion-location"]')].map((m) => m.getAttribute('content'));
      expect(metas, page).toEqual([onion(code) + encodeURI(page)]);
    }
  });

  it.each([
    ['/en/2026/11/26/harbour/', `${onion('en')}/en/2026/11/26/harbour/`],
    ['/ru/tag/%D0%B3%D0%B0%D0%B2%D0%B0%D0%BD%D1%8C/', `${onion('ru')}/ru/tag/%D0%B3%D0%B0%D0%B2%D0%B0%D0%BD%D1%8C/`],
    ['/fa/', `${onion('fa')}/fa/`],
    ['/', `${onion('en')}/`],
  ])('is sent as Onion-Location for %s by the hosts that read _headers', (urlPath, expected) => {
    const rules = parseHeadersFile(readFileSync(path.join(site.outDir, '_headers'), 'utf8'));
    const { headers, conflicts } = headersFor(rules, urlPath);
    expect(conflicts).toEqual([]);
    expect(headers.get('Onion-Location')).toBe(expected);
  });

  it('is not sent for files Tor Browser does not switch (photos, stylesheets)', () => {
    const rules = parseHeadersFile(readFileSync(path.join(site.outDir, '_headers'), 'utf8'));
    expect(headersFor(rules, '/assets/masthead.0123456789.css').headers.get('Onion-Location')).toBeUndefined();
    expect(headersFor(rules, '/media/0123456789abcdef-640.avif').headers.get('Onion-Location')).toBeUndefined();
  });
});

describe('mirrors.json', () => {
  it('lists each edition’s mirrors and onion, in the bypass-mirrors v2 format', () => {
    const list = JSON.parse(readFileSync(path.join(site.outDir, 'mirrors.json'), 'utf8'));
    expect(list.version).toBe('2.0');
    expect(list.sites.map((s: { main_domain: string }) => s.main_domain)).toEqual(['meridian.example', 'meridian.example', 'meridian.example']);
    EDITIONS.forEach((code, i) => {
      const reach = editions[code].reach;
      const date = `${reach.checked} 00:00:00`;
      expect(list.sites[i].available_alternatives).toEqual([
        ...(reach.mirrors ?? []).map((m) => ({ proto: 'https', type: 'mirror', created_at: date, updated_at: date, url: `${m}${code}/` })),
        { proto: 'tor', type: 'eotk', created_at: date, updated_at: date, url: `${onion(code)}/${code}/` },
      ]);
    });
  });
});

describe.each(EDITIONS)('the page "If this site is blocked" in %s', (code) => {
  const edition = editions[code];
  const page = `/${code}/access/`;

  it('is in the edition’s language, with every address as text to copy', () => {
    const doc = site.page(page);
    expect(doc.documentElement.getAttribute('lang')).toBe(edition.lang);
    expect(doc.documentElement.getAttribute('dir')).toBe(edition.dir);
    expect(doc.querySelector('h1')?.textContent).toBe(edition.access.title);
    const addresses = [...doc.querySelectorAll('.access-addresses code')].map((c) => c.textContent);
    expect(addresses).toEqual([...(edition.reach.mirrors ?? []).map((m) => `${m}${code}/`), `${onion(code)}/${code}/`]);
    for (const c of doc.querySelectorAll('.access-addresses a')) expect(c.getAttribute('dir')).toBe('ltr');
  });

  it('explains Tor Browser, names Tor Browser and Psiphon, the offline edition, and offers no download of ours', () => {
    const doc = site.page(page);
    const text = doc.querySelector('main')?.textContent ?? '';
    expect(text).toContain(code === 'fa' ? 'مرورگر تور' : 'Tor Browser');
    expect(text).toContain(code === 'fa' ? 'سایفون' : 'Psiphon');
    for (const p of edition.access.onionText) expect(text).toContain(p);
    for (const p of edition.access.offline?.paragraphs ?? []) expect(text).toContain(p);
    const hrefs = [...doc.querySelectorAll('main a')].map((a) => a.getAttribute('href') ?? '');
    expect(hrefs.filter((h) => /\.(exe|apk|dmg|msi|zip|tar\.xz)$/i.test(h))).toEqual([]);
    // Nothing from another origin: only the addresses themselves are absolute.
    const own = new Set([...(edition.reach.mirrors ?? []).map((m) => `${m}${code}/`), `${onion(code)}/${code}/`]);
    expect(hrefs.filter((h) => /^[a-z]+:/i.test(h) && !own.has(h))).toEqual([]);
  });

  it('is linked from every page’s footer, beside the disclaimer, and from the about page', () => {
    for (const from of [`/${code}/`, `/${code}/about/`, `/${code}/search/`, `/${code}/404.html`]) {
      expect(site.targets(from, 'footer .access-link a'), from).toEqual([page]);
      expect(site.page(from).querySelector('footer .access-link a')?.textContent).toBe(edition.access.linkText);
    }
    expect(site.targets(`/${code}/about/`, 'main a')).toContain(page);
    expect(site.page(`/${code}/about/`).querySelector('main')?.textContent).toContain(edition.access.aboutText);
  });
});

/** A copy of the repository's code with its node_modules, to run the CLI with edited edition files. */
function repoCopy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'masthead-repo-'));
  for (const entry of ['.eleventy.ts', 'package.json', 'tsconfig.json', 'src', 'layouts', 'assets', 'scripts', 'content']) {
    cpSync(path.join(repoRoot, entry), path.join(dir, entry), { recursive: true });
  }
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'));
  return dir;
}

/** The command's exit code and everything it printed. */
function run(dir: string, name: 'check' | 'build', args: string[] = []): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [...npmScriptArgs(dir, name), ...args], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, output: stdout + stderr }),
    );
  });
}

describe('bad reach settings in an edition file', () => {
  it('are every one reported by npm run check and the build, naming file, line and field', async () => {
    const dir = repoCopy();
    const edit = (code: EditionCode, from: string, to: string) => {
      const file = path.join(dir, 'src/editions', `${code}.ts`);
      const text = readFileSync(file, 'utf8');
      expect(text).toContain(from);
      writeFileSync(file, text.replace(from, to));
    };
    edit('en', `onion: '${editions.en.reach.onion}'`, `onion: 'https://${new URL(editions.en.reach.onion ?? '').hostname}'`);
    edit('ru', `'${editions.ru.reach.mirrors?.[1]}'`, "'http://mirror-ru.meridian.example'");
    edit('fa', `checked: '${editions.fa.reach.checked}'`, "checked: '2026-13-40'");
    const lineOf = (code: EditionCode, needle: string) =>
      readFileSync(path.join(dir, 'src/editions', `${code}.ts`), 'utf8')
        .split('\n')
        .findIndex((l) => l.includes(needle)) + 1;
    const expected = [
      `src/editions/en.ts:${lineOf('en', 'onion: ')}: reach.onion: "https://`,
      `src/editions/ru.ts:${lineOf('ru', 'http://mirror-ru')}: reach.mirrors[1]: "http://mirror-ru.meridian.example" must start with https://`,
      `src/editions/fa.ts:${lineOf('fa', 'checked: ')}: reach.checked: "2026-13-40" is not a date`,
    ];
    const check = await run(dir, 'check');
    expect(check.code).not.toBe(0);
    for (const line of expected) expect(check.output).toContain(line);
    const build = await run(dir, 'build', ['--quiet']);
    expect(build.code).not.toBe(0);
    for (const line of expected) expect(build.output).toContain(line);
  }, 120_000);
});
