import { describe, expect, it } from 'vitest';
import { authorPath, pagePath, sectionPath, slugify, tagPath } from './slugs.ts';

describe('slugify', () => {
  it.each([
    ['Elections', 'elections'],
    ['  Budget   vote 2026! ', 'budget-vote-2026'],
    ['Jana Novák', 'jana-novák'],
    ["O'Brien, Seán", 'o-brien-seán'],
    ['C++ / Rust', 'c-rust'],
    ['Выборы', 'выборы'],
    ['Выборы в Госдуму — 2026', 'выборы-в-госдуму-2026'],
    ['Алёна Петрова', 'алёна-петрова'],
    ['انتخابات', 'انتخابات'],
    ['امید رحیمی', 'امید-رحیمی'],
    // ZWNJ separates the parts of a Persian compound; in a URL it becomes a hyphen.
    ['ریاست\u200Cجمهوری', 'ریاست-جمهوری'],
    // Arabic yeh/kaf and Persian yeh/kaf are the same letter to a Persian reader.
    ['كيهان', 'کیهان'],
    ['بودجه ۱۴۰۵', 'بودجه-1405'],
    ['عَلی', 'علی'],
    ['«اقتصاد»', 'اقتصاد'],
  ])('%s → %s', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it('gives the same slug for NFC and NFD spellings', () => {
    const nfd = 'Jana Nova\u0301k';
    expect(nfd).not.toBe(nfd.normalize('NFC'));
    expect(slugify(nfd)).toBe(slugify('Jana Novák'));
    expect(slugify('й'.normalize('NFD'))).toBe('й');
  });

  it('gives names without letters a stable, non-empty, distinct slug', () => {
    expect(slugify('🙂')).toMatch(/^x-[0-9a-f]{8}$/);
    expect(slugify('🙂')).toBe(slugify('🙂'));
    expect(slugify('🙂')).not.toBe(slugify('🎉'));
  });

  it('produces slugs that are their own slug (idempotent) and hold no separators', () => {
    for (const name of ['Выборы 2026', 'ریاست‌جمهوری', 'Jana Novák', '  a--b  ']) {
      const slug = slugify(name);
      expect(slugify(slug)).toBe(slug);
      expect(slug).not.toMatch(/[\s/?#%]|^-|-$|--/);
    }
  });
});

describe('listing paths', () => {
  it('builds edition-scoped paths with Unicode kept', () => {
    expect(tagPath('ru', 'Выборы')).toBe('/ru/tag/выборы/');
    expect(authorPath('fa', 'امید رحیمی')).toBe('/fa/author/امید-رحیمی/');
    expect(sectionPath('en', 'world')).toBe('/en/world/');
  });

  it.each([
    [1, '/en/world/'],
    [2, '/en/world/page/2/'],
    [13, '/en/world/page/13/'],
  ])('page %i of a listing is at %s', (n, path) => {
    expect(pagePath('/en/world/', n)).toBe(path);
  });
});
