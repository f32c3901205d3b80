/**
 * The pages around the articles, as built by the real CLI: front pages, paginated
 * section, tag and author listings in every edition's language and digits, the root
 * page, the 404 pages, and search (the Pagefind index and the only page with a script).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EditionCode } from '../src/editions/edition.ts';
import { editions } from '../src/editions/registry.ts';
import { NOT_FOUND_BASE_SCRIPT } from '../src/render/not-found-base.ts';
import { article, buildFixture, type FixtureFiles, type FixtureSite, jpeg } from './helpers/fixture-site.ts';

const EDITIONS: EditionCode[] = ['en', 'ru', 'fa'];
const COUNT = 45;
const hostileTag = '<b>Bold</b> & "co"';

/** What each edition's 45 world stories are tagged with and written by. */
const people: Record<EditionCode, { tag: string; tagPath: string; author: string; authorPath: string }> = {
  en: { tag: 'Elections', tagPath: '/en/tag/elections/', author: 'Jana Novak', authorPath: '/en/author/jana-novak/' },
  ru: { tag: 'Выборы', tagPath: '/ru/tag/выборы/', author: 'Иван Петров', authorPath: '/ru/author/иван-петров/' },
  fa: { tag: 'انتخابات ریاست‌جمهوری', tagPath: '/fa/tag/انتخابات-ریاست-جمهوری/', author: 'امید رحیمی', authorPath: '/fa/author/امید-رحیمی/' },
};

const pageOf: Record<EditionCode, (n: number, m: number) => string> = {
  en: (n, m) => `Page ${n} of ${m}`,
  ru: (n, m) => `Страница ${n} из ${m}`,
  fa: (n, m) => `صفحهٔ ${'۰۱۲۳۴۵۶۷۸۹'[n]} از ${'۰۱۲۳۴۵۶۷۸۹'[m]}`,
};

const notFound: Record<EditionCode, { title: string; dir: string }> = {
  en: { title: 'Page not found', dir: 'ltr' },
  ru: { title: 'Страница не найдена', dir: 'ltr' },
  fa: { title: 'صفحه پیدا نشد', dir: 'rtl' },
};

/** Story i of an edition was published i hours after 2026-11-01T00:00Z: 44 is the newest. */
const hour = (i: number) => new Date(Date.UTC(2026, 10, 1, i)).toISOString().replace(':00.000Z', 'Z');
/** Article URLs carry the date in the edition's time zone (Tehran is ahead of UTC). */
const storyPath = (edition: EditionCode, i: number) =>
  `/${edition}/2026/11/${DateTime.fromISO(hour(i)).setZone(editions[edition].timeZone).toFormat('dd')}/world-${i}/`;

async function fixture(): Promise<FixtureFiles> {
  const files: FixtureFiles = {};
  const photo = await jpeg(640, 360);
  for (const edition of EDITIONS) {
    const p = people[edition];
    for (let i = 0; i < COUNT; i++) {
      const withPhoto = i === COUNT - 1 || i === COUNT - 2;
      files[`content/${edition}/2026/11/world-${i}.md`] = article(`
headline: World story ${i} (${edition})
date: ${hour(i)}
section: world
tags: ['${p.tag}'${i === 0 ? `, '${hostileTag}'` : ''}]
byline: ${i === COUNT - 1 ? `['${p.author}', Second Author]` : `'${p.author}'`}
summary: Summary of world story ${i}.
${withPhoto ? `photo:\n  src: world-${i}.jpg\n  alt: Photo of world story ${i}` : ''}
`);
      if (withPhoto) files[`content/${edition}/2026/11/world-${i}.jpg`] = photo;
    }
    files[`content/${edition}/2026/11/economy-1.md`] = article(`
headline: Economy story (${edition})
date: 2026-10-30T12:00Z
section: economy
`);
    // Embargoed: after the build's "now", so on no listing.
    files[`content/${edition}/2026/12/embargoed.md`] = article(`
headline: Embargoed story (${edition})
date: 2026-12-24T12:00Z
section: world
tags: ['${p.tag}']
`);
  }
  return files;
}

let site: FixtureSite;

/** Whether a site path (as `linkTarget` gives it) is a built page or file. */
const resolves = (target: string | null) => target !== null && site.has(target);
/** Where the links matching `selector` on a page lead, as site paths. */
const hrefs = (page: string, selector: string) => site.targets(page, selector);
const cardLinks = (page: string) => hrefs(page, '.story-cards .story-card-headline a');

beforeAll(async () => {
  site = await buildFixture(await fixture());
  expect(site.stderr).toBe('');
  expect(site.code).toBe(0);
});

describe.each(EDITIONS)('%s listings', (edition) => {
  const p = people[edition];

  it.each([
    ['section', `/${edition}/world/`],
    ['tag', p.tagPath],
    ['author', p.authorPath],
  ])('%s: 45 stories on 3 pages of 20, 20 and 5, newest first', (_kind, first) => {
    const pages = [first, `${first}page/2/`, `${first}page/3/`].map((u) => cardLinks(u));
    expect(pages.map((links) => links.length)).toEqual([20, 20, 5]);
    expect(pages.flat()).toEqual(Array.from({ length: COUNT }, (_, k) => storyPath(edition, COUNT - 1 - k)));
    expect(site.has(`${first}page/4/`)).toBe(false);
    expect(site.has(`${first}page/1/`)).toBe(false);
  });

  it('says "Page N of M" in the edition\'s language and digits, with newer/older links that resolve', () => {
    const first = `/${edition}/world/`;
    for (const [n, url] of [
      [1, first],
      [2, `${first}page/2/`],
      [3, `${first}page/3/`],
    ] as const) {
      const doc = site.page(url);
      const nav = doc.querySelector('nav.pagination');
      expect(nav?.getAttribute('aria-label')).toBeTruthy();
      expect(nav?.querySelector('.pagination-status')?.textContent).toBe(pageOf[edition](n, 3));
      expect(doc.querySelector('title')?.textContent).toContain(pageOf[edition](n, 3));
      const newer = hrefs(url, 'nav.pagination a[rel="prev"]')[0] ?? null;
      const older = hrefs(url, 'nav.pagination a[rel="next"]')[0] ?? null;
      expect(newer).toBe(n === 1 ? null : n === 2 ? first : `${first}page/2/`);
      expect(older).toBe(n === 3 ? null : `${first}page/${n + 1}/`);
      for (const link of [newer, older]) if (link) expect(resolves(link)).toBe(true);
      expect(hrefs(url, 'head link[rel="prev"]')[0] ?? null).toBe(newer);
      expect(hrefs(url, 'head link[rel="next"]')[0] ?? null).toBe(older);
    }
  });

  it('builds the Unicode tag and author pages at their slugs, linked from the article', () => {
    const story = storyPath(edition, COUNT - 1);
    const doc = site.page(story);
    expect(hrefs(story, '.topics a')).toEqual([p.tagPath]);
    expect([...doc.querySelectorAll('.byline a')].map((a) => a.textContent)).toEqual([p.author, 'Second Author']);
    expect(hrefs(story, '.byline a')).toEqual([p.authorPath, `/${edition}/author/second-author/`]);
    for (const href of [...hrefs(story, '.topics a'), ...hrefs(story, '.byline a')]) expect(resolves(href)).toBe(true);
    expect(site.page(p.tagPath).querySelector('h1')?.textContent).toBe(p.tag);
    expect(site.page(p.authorPath).querySelector('h1')?.textContent).toBe(p.author);
  });

  it('keeps empty sections as pages (the navigation links them) and embargoed stories off every listing', () => {
    const culture = site.page(`/${edition}/culture/`);
    expect(cardLinks(`/${edition}/culture/`)).toEqual([]);
    expect(culture.querySelector('.empty-listing')?.textContent).toBeTruthy();
    expect(culture.querySelector('nav.pagination')).toBeNull();
    for (const href of hrefs(`/${edition}/`, 'header nav.sections a')) expect(resolves(href)).toBe(true);
    const everywhere = [`/${edition}/`, `/${edition}/world/`, p.tagPath].flatMap((u) => hrefs(u, 'main a'));
    expect(everywhere.some((h) => h.includes('embargoed'))).toBe(false);
  });

  it('front page: the newest story large with its photo, then the next ones, then the sections', () => {
    const doc = site.page(`/${edition}/`);
    const lead = doc.querySelector('main .story-card-lead');
    expect(hrefs(`/${edition}/`, 'main .story-card-lead a')).toEqual([storyPath(edition, COUNT - 1)]);
    const img = lead?.querySelector('img');
    expect(img?.getAttribute('alt')).toBe(`Photo of world story ${COUNT - 1}`);
    expect(Number(img?.getAttribute('width'))).toBeGreaterThanOrEqual(640);
    expect(lead?.querySelector('.story-card-summary')?.textContent).toBe(`Summary of world story ${COUNT - 1}.`);
    expect(lead?.querySelector('time')?.getAttribute('datetime')).toBeTruthy();
    const rest = cardLinks(`/${edition}/`);
    expect(rest).toEqual(Array.from({ length: 19 }, (_, k) => storyPath(edition, COUNT - 2 - k)));
    // The second story has a thumbnail, decorative beside its headline.
    expect(doc.querySelector('.story-cards li:first-child img')?.getAttribute('alt')).toBe('');
    const sections = [...doc.querySelectorAll('.front-section')];
    expect(sections).toHaveLength(4);
    const more = hrefs(`/${edition}/`, '.front-section .more-link a');
    expect(more).toEqual([`/${edition}/world/`, `/${edition}/economy/`]);
    // Under World, the newest stories not already above (the top 20 are 44…25).
    expect(hrefs(`/${edition}/`, '.front-section ul a').slice(0, 3)).toEqual([24, 23, 22].map((i) => storyPath(edition, i)));
  });
});

describe('text from content in listings', () => {
  it('is escaped in tag names and gets a clean slug', () => {
    const html = site.html('/en/tag/b-bold-b-co/');
    expect(html).not.toContain('<b>Bold</b>');
    expect(site.page('/en/tag/b-bold-b-co/').querySelector('h1')?.textContent).toBe(hostileTag);
  });
});

describe('root and not-found pages', () => {
  it('the root page lists every edition, each link in its own language and direction', () => {
    const doc = site.page('/');
    const links = [...doc.querySelectorAll('main a')].map((a) => [a.getAttribute('href'), a.getAttribute('lang'), a.getAttribute('dir')]);
    expect(links).toEqual([
      ['./en/', 'en', 'ltr'],
      ['./ru/', 'ru', 'ltr'],
      ['./fa/', 'fa', 'rtl'],
    ]);
    for (const target of hrefs('/', 'main a')) expect(resolves(target)).toBe(true);
  });

  it.each(EDITIONS)('%s has a 404 page in its language and direction', (edition) => {
    const doc = site.page(`/${edition}/404.html`);
    expect(doc.documentElement.getAttribute('lang')).toBe(edition);
    expect(doc.documentElement.getAttribute('dir')).toBe(notFound[edition].dir);
    expect(doc.querySelector('h1')?.textContent).toBe(notFound[edition].title);
    expect(hrefs(`/${edition}/404.html`, 'main a')).toContain(`/${edition}/`);
  });

  it('the root 404 says "not found" in every edition, each block in its language', () => {
    const doc = site.page('/404.html');
    const blocks = [...doc.querySelectorAll('main [lang]')].map((b) => [
      b.getAttribute('lang'),
      b.getAttribute('dir'),
      b.querySelector('p')?.textContent !== '',
    ]);
    expect(blocks).toEqual([
      ['en', 'ltr', true],
      ['ru', 'ltr', true],
      ['fa', 'rtl', true],
    ]);
    expect(hrefs('/404.html', 'main a')).toEqual(['/en/', '/ru/', '/fa/']);
  });
});

describe('search', () => {
  function htmlFiles(dir: string): string[] {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.html'))
      .map((e) => path.join(e.parentPath, e.name));
  }

  it('the search page of each edition is the only page that loads JavaScript, from a file; the not-found pages run only their base script', () => {
    const scriptsOf = (file: string) =>
      // JSON-LD and other data blocks are not JavaScript.
      [...parseHTML(readFileSync(file, 'utf8')).document.querySelectorAll('script')].filter((s) => !/json/i.test(s.getAttribute('type') ?? ''));
    const withScript = htmlFiles(site.outDir)
      .filter((file) => scriptsOf(file).length)
      .map((file) => `/${path.relative(site.outDir, file).split(path.sep).join('/')}`)
      .sort();
    const notFound = ['/404.html', '/en/404.html', '/fa/404.html', '/ru/404.html'];
    expect(withScript).toEqual([
      '/404.html',
      '/en/404.html',
      '/en/search/index.html',
      '/fa/404.html',
      '/fa/search/index.html',
      '/ru/404.html',
      '/ru/search/index.html',
    ]);
    for (const page of notFound) {
      const scripts = scriptsOf(path.join(site.outDir, page));
      expect(scripts.map((s) => [s.getAttribute('src'), s.textContent])).toEqual([[null, NOT_FOUND_BASE_SCRIPT]]);
    }
    for (const edition of EDITIONS) {
      const page = `/${edition}/search/`;
      const doc = site.page(page);
      const scripts = [...doc.querySelectorAll('script')];
      expect(scripts.map((s) => [s.getAttribute('type'), s.textContent])).toEqual([['module', '']]);
      expect(site.has(site.targets(page, 'script', 'src')[0] ?? '')).toBe(true);
      // Every part of the index the page names is there, newest first (ADR 023), relative to the page (ADR 020).
      const parts = (doc.querySelector('form[role="search"]')?.getAttribute('data-pagefind-parts') ?? '').split(' ');
      expect(parts.length).toBeGreaterThan(0);
      for (const part of parts) expect(site.has(`${new URL(part, `https://x${page}`).pathname}pagefind.js`), part).toBe(true);
      expect(site.targets(page, 'form[role="search"]', 'data-base-url')).toEqual(['/']);
      expect(doc.querySelector('label[for="search-input"]')?.textContent).toBeTruthy();
      expect(hrefs(`/${edition}/`, 'header a.search-link')).toEqual([`/${edition}/search/`]);
    }
  });

  it('indexes the articles of every edition in its own language, and nothing else', () => {
    // Each edition's index in parts (/<ed>/pagefind/<part>/), each holding only its edition's language.
    const counts: Record<string, number> = {};
    for (const edition of EDITIONS) {
      for (const part of readdirSync(path.join(site.outDir, edition, 'pagefind'))) {
        const entry = JSON.parse(readFileSync(path.join(site.outDir, edition, 'pagefind', part, 'pagefind-entry.json'), 'utf8')) as {
          languages: Record<string, { page_count: number }>;
        };
        for (const [lang, l] of Object.entries(entry.languages)) counts[lang] = (counts[lang] ?? 0) + l.page_count;
      }
    }
    // 45 world stories + 1 economy story per edition; no listing, about or 404 page.
    expect(counts).toEqual({ en: COUNT + 1, ru: COUNT + 1, fa: COUNT + 1 });
  });
});

describe('page size', () => {
  let small: FixtureSite;
  beforeAll(async () => {
    const files: FixtureFiles = {};
    for (let i = 0; i < 5; i++) files[`content/en/2026/11/world-${i}.md`] = article(`headline: Story ${i}\ndate: ${hour(i)}\nsection: world`);
    small = await buildFixture(files, { args: ['--page-size', '2', '--edition', 'en'] });
    expect(small.stderr).toBe('');
    expect(small.code).toBe(0);
  });

  it('--page-size sets the stories per listing page', () => {
    const sizes = ['/en/world/', '/en/world/page/2/', '/en/world/page/3/'].map((u) => small.page(u).querySelectorAll('.story-cards > li').length);
    expect(sizes).toEqual([2, 2, 1]);
    expect(small.has('/en/world/page/4/')).toBe(false);
  });
});
