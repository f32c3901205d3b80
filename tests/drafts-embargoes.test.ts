/**
 * Drafts and embargoes, end to end: the whole built site (pages, listings, feeds,
 * sitemaps, search index, redirects, media) is searched for every trace of a draft or an
 * embargoed story, and compared byte for byte with a build where those stories do not
 * exist at all. A later build publishes the embargoed story; preview shows the draft.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { editions } from '../src/editions/registry.ts';
import { article, buildFixture, type FixtureFiles, type FixtureSite, jpeg, runCli, writeFixture } from './helpers/fixture-site.ts';
import { filesContaining, snapshot } from './helpers/site-files.ts';

const NOW = '2026-11-28T12:00:00Z';
const AFTER_EMBARGO = '2026-11-29T10:00:00Z';

/** Words that only the hidden stories use: any of them in the built site is a leak. */
const draft = {
  url: '/en/2026/11/25/zeppelin-draft-qx7/',
  traces: ['Zeppelin draft headline QX7', 'zeppelin-draft-qx7', 'Draftonly Summary QX7', 'draftonly-tag-qx7', 'Draft Author QX7'],
};
const embargoed = {
  url: '/en/2026/11/29/embargoed-budget-kv9/',
  traces: ['Embargoed budget leak KV9', 'embargoed-budget-kv9', 'Embargo summary KV9', 'embargo-only-tag-kv9', 'Embargo Author KV9'],
};
const embargoedRu = { url: '/ru/2026/11/29/embargo-ru-zh9/', traces: ['Эмбарго ЖЩ9', 'embargo-ru-zh9', 'Сводка ЖЩ9'] };
const hidden = [draft, embargoed, embargoedRu];

async function visibleFiles(): Promise<FixtureFiles> {
  return {
    'content/en/2026/11/night-trams.md': article(
      'headline: Council approves night trams\ndate: 2026-11-26T09:00\ntranslationKey: night-trams\ntags: [transport]\nbyline: Jana Novak\nsummary: Trams will run all night.\nphoto:\n  src: trams.jpg\n  alt: A tram at night',
      'The council voted on Thursday.',
    ),
    'content/en/2026/11/trams.jpg': await jpeg(1600, 900, '#336699'),
    'content/ru/2026/11/nochnye-tramvai.md': article('headline: Ночные трамваи\ndate: 2026-11-26T12:00\ntags: [транспорт]', 'Текст.'),
    'content/fa/2026/11/tramva.md': article('headline: تراموای شبانه\ndate: 2026-11-26T12:00', 'متن.'),
  };
}

async function hiddenFiles(): Promise<FixtureFiles> {
  return {
    'content/en/2026/11/zeppelin-draft-qx7.md': article(
      'headline: Zeppelin draft headline QX7\ndate: 2026-11-25T09:00\ndraft: true\nbreaking: true\nsummary: Draftonly Summary QX7\ntags: [draftonly-tag-qx7, transport]\nbyline: Draft Author QX7\naliases: [/en/old/zeppelin-draft-qx7/]',
      'Draft body [night trams](/en/2026/11/26/night-trams/).',
    ),
    'content/en/2026/11/embargoed-budget-kv9.md': article(
      'headline: Embargoed budget leak KV9\ndate: 2026-11-29T09:00\nbreaking: true\nsummary: Embargo summary KV9\ntags: [embargo-only-tag-kv9, transport]\nbyline: Embargo Author KV9\nsection: economy\nphoto:\n  src: embargo.jpg\n  alt: Embargo photo KV9',
      'Embargoed body.',
    ),
    'content/en/2026/11/embargo.jpg': await jpeg(1600, 900, '#aa2211'),
    // The Russian version of a published story, scheduled later: no "read in Russian" link yet.
    'content/ru/2026/11/embargo-ru-zh9.md': article(
      'headline: Эмбарго ЖЩ9\ndate: 2026-11-29T12:00\ntranslationKey: night-trams\nsummary: Сводка ЖЩ9\nbreaking: true',
      'Текст.',
    ),
  };
}

let production: FixtureSite;
let withoutHidden: FixtureSite;
let later: FixtureSite;
let preview: { outDir: string; code: number; stderr: string };

beforeAll(async () => {
  const all = { ...(await visibleFiles()), ...(await hiddenFiles()) };
  [production, withoutHidden, later] = await Promise.all([
    buildFixture(all, { now: NOW }),
    buildFixture(await visibleFiles(), { now: NOW }),
    buildFixture(all, { now: AFTER_EMBARGO }),
  ]);
  const dir = writeFixture(all);
  const outDir = path.join(dir, '_site');
  const run = await runCli('build', ['--content', path.join(dir, 'content'), '--out', outDir, '--now', NOW, '--quiet'], {
    MASTHEAD_MODE: 'preview',
  });
  preview = { outDir, ...run };
});

describe('a production build before the embargo', () => {
  it('succeeds, and says what is held back', () => {
    expect(production.stderr).not.toMatch(/error/i);
    expect(production.code).toBe(0);
  });

  it('publishes the visible stories (and the search for traces does find text)', () => {
    expect(production.has('/en/2026/11/26/night-trams/')).toBe(true);
    const files = filesContaining(production.outDir, ['Council approves night trams']);
    expect(files).toContain('en/2026/11/26/night-trams/index.html');
    expect(files.length).toBeGreaterThan(1); // listings, feeds, search … not only the page
  });

  it.each(hidden.map((h) => [h.url, h] as const))('leaves no trace of %s in any built file', (_url, story) => {
    expect(production.has(story.url)).toBe(false);
    expect(filesContaining(production.outDir, story.traces)).toEqual([]);
  });

  it('is byte for byte the build of the same content without the hidden stories', () => {
    expect(snapshot(production.outDir)).toEqual(snapshot(withoutHidden.outDir));
  });
});

describe('a production build after the embargo', () => {
  it('publishes the embargoed stories everywhere: page, front page, translation link', () => {
    expect(later.code, later.stderr).toBe(0);
    for (const story of [embargoed, embargoedRu]) {
      expect(later.has(story.url)).toBe(true);
      expect(filesContaining(later.outDir, [story.traces[0]!]).length).toBeGreaterThan(1);
    }
    expect(later.html('/en/').includes('Embargoed budget leak KV9')).toBe(true);
    expect(later.html('/en/2026/11/26/night-trams/')).toContain('/ru/2026/11/29/embargo-ru-zh9/');
  });

  it('still leaves the draft out', () => {
    expect(later.has(draft.url)).toBe(false);
    expect(filesContaining(later.outDir, draft.traces)).toEqual([]);
  });
});

describe('preview (npm start)', () => {
  const page = (sitePath: string) => parseHTML(readFileSync(path.join(preview.outDir, sitePath, 'index.html'), 'utf8')).document;

  it('shows the draft, marked DRAFT, and the embargoed stories', () => {
    expect(preview.stderr).toBe('');
    expect(preview.code).toBe(0);
    const doc = page(draft.url);
    expect(doc.querySelector('h1')?.textContent).toBe('Zeppelin draft headline QX7');
    expect(doc.querySelector('.draft-marker')?.textContent).toBe(editions.en.strings.draft);
    expect(page(embargoed.url).querySelector('h1')?.textContent).toBe('Embargoed budget leak KV9');
    expect(page(embargoed.url).querySelector('.draft-marker')).toBeNull();
  });
});
