import { describe, expect, it } from 'vitest';
import { headlineSlug, MAX_SLUG_LENGTH } from './headline-slug.ts';
import { SLUG_PATTERN } from './schema.ts';

describe('headlineSlug', () => {
  it.each([
    ['Parliament passes the budget', 'parliament-passes-the-budget'],
    ["Budget vote: what's next?", 'budget-vote-whats-next'],
    ['Café São Paulo — Straße Łódź', 'cafe-sao-paulo-strasse-lodz'],
    ['  Spaces   and -- dashes  ', 'spaces-and-dashes'],
    ['Inflation at 2.5% in 2026', 'inflation-at-2-5-in-2026'],
    // Cyrillic: a BGN/PCGN-like table, as the sample content is named.
    ['В Остравии задержан журналист', 'v-ostravii-zaderzhan-zhurnalist'],
    ['Нежелательная организация', 'nezhelatelnaya-organizatsiya'],
    ['Щука, ёлка, объём, Юг, Хабаровск, цирк, чай, шум', 'shchuka-yolka-obyom-yug-khabarovsk-tsirk-chay-shum'],
    ['Выборы-2026: «итоги»', 'vybory-2026-itogi'],
    // Persian: consonants and long vowels; و and ی as v/y or o/i by position; final silent ه as e.
    ['سیل در والدور', 'sil-dr-valdor'],
    ['ایران و روسیه', 'iran-va-rosie'],
    ['نمایشگاه کتاب', 'nmayshgah-ktab'],
    ['خانه‌ها', 'khaneha'],
    ['نرخ بهره ۲۰۲۶', 'nrkh-bhre-2026'],
    ['كتاب عربي', 'ktab-rbi'],
    // Decomposed input (NFD) gives the same slug as composed input.
    ['Cafe\u0301 Ёлка'.normalize('NFD'), 'cafe-yolka'],
    ['🎉🎉 ✓', ''],
    // Where the transliteration library on its own would give other slugs.
    ['Новый подъезд', 'novyy-podezd'],
    ['Müller und Ürün', 'muller-und-urun'],
    ['Budget of €5bn, ₽100', 'budget-of-5bn-100'],
    ['کـتاب', 'ktab'],
    // Scripts the library writes in Latin letters that the old tables dropped.
    ['Αθήνα', 'athina'],
    ['Hawaiʻi vote', 'hawaii-vote'],
  ])('%s → %s', (headline, slug) => {
    expect(headlineSlug(headline)).toBe(slug);
  });

  it('is always a valid slug for the contract, or empty', () => {
    for (const h of ['Ωmega ✓ 東京 — Ürün', 'Привет, мир!', 'سلام دنیا', 'a'.repeat(200)]) {
      const slug = headlineSlug(h);
      expect(slug === '' || SLUG_PATTERN.test(slug)).toBe(true);
      expect(slug).toMatch(/^[a-z0-9-]*$/);
    }
  });

  it(`is cut to at most ${MAX_SLUG_LENGTH} characters, at a word boundary`, () => {
    const slug = headlineSlug('Valdor parliament passes budget after all-night session on energy subsidies and more');
    expect(slug).toBe('valdor-parliament-passes-budget-after-all-night-session-on');
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(headlineSlug('x'.repeat(100))).toBe('x'.repeat(MAX_SLUG_LENGTH));
  });
});
