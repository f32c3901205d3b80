/**
 * The file name (and so the URL slug) `npm run new` gives a story, from its headline:
 * Latin letters without accents, Cyrillic transliterated (BGN/PCGN-like, as the sample
 * content is named: "нежелательная" → "nezhelatelnaya") and Persian romanised letter by
 * letter. Only for new article files: tag and author URLs keep their script
 * (src/site/slugs.ts, ADR 002). Editors can always rename the file or set `slug:`.
 */
import transliterateToLatin from '@sindresorhus/transliterate';

/**
 * Where the library's tables give other slugs than those stories were named by before
 * (src/content/headline-slug.test.ts holds them).
 */
const REPLACEMENTS: ReadonlyArray<[string, string]> = [
  // BGN/PCGN, like the sample content: щ is shch and ы always y (the library: sch, and
  // iy for ый); a hard sign is dropped, not written y before е.
  ['щ', 'shch'],
  ['ы', 'y'],
  ['ъ', ''],
  // Belarusian short u, which the library does not know.
  ['ў', 'u'],
  // Accents dropped, not spelt the German way: a headline names people and places of
  // any language, and "Ürün" (Turkish) is not "ueruen".
  ['ä', 'a'],
  ['ö', 'o'],
  ['ü', 'u'],
  // The library reads these letters as Arabic (th, dh, d, q, w, a, t, and ع/ء as e); in
  // Persian they sound s, z, z, gh, o, e, e, and ع/ء are not written.
  ['ث', 's'],
  ['ذ', 'z'],
  ['ض', 'z'],
  ['ق', 'gh'],
  ['ؤ', 'o'],
  ['إ', 'e'],
  ['ة', 'e'],
  ['ع', ''],
  ['ء', ''],
  // ZWNJ joins the parts of one Persian word (خانه‌ها); the library leaves it, and the
  // slug would break the word there.
  ['\u200c', ''],
];

const ARABIC_LETTER = /[\u0621-\u064A\u0671-\u06D3\u06FA-\u06FC]/;
const isArabicLetter = (c: string | undefined) => c !== undefined && ARABIC_LETTER.test(c);
const VOWEL_LETTERS: ReadonlySet<string> = new Set(['ا', 'آ', 'و', 'ی', 'ي', 'ى']);

/**
 * The Persian letters whose sound depends on the letters around them, which a table of
 * replacements (the library's or ours) cannot say; undefined for every other character.
 * Persian does not write its short vowels, so none are guessed: و and ی are consonants
 * (v, y) next to a vowel letter or at the start of a word and vowels (o, i) otherwise,
 * and a final heh is usually the silent vowel "-e" (خانه → khane).
 */
function persianLetter(chars: readonly string[], i: number): string | undefined {
  const c = chars[i]!;
  const prev = chars[i - 1];
  const next = chars[i + 1];
  const atStart = !isArabicLetter(prev) && prev !== '\u200c';
  const atEnd = !isArabicLetter(next);
  if (c === 'و') {
    if (atStart && atEnd) return 'va'; // the conjunction "and"
    if (prev === 'ا' && !isArabicLetter(chars[i - 2])) return 'o'; // word-initial "او"
    return atStart || VOWEL_LETTERS.has(next ?? '') || VOWEL_LETTERS.has(prev ?? '') ? 'v' : 'o';
  }
  if (c === 'ی' || c === 'ي' || c === 'ى') {
    if (prev === 'ا' && !isArabicLetter(chars[i - 2])) return 'i'; // word-initial "ای"
    return atStart || VOWEL_LETTERS.has(next ?? '') || VOWEL_LETTERS.has(prev ?? '') ? 'y' : 'i';
  }
  // Not after a long a, though: گاه → gah.
  if (c === 'ه') return atEnd && prev !== 'ا' && prev !== 'آ' ? 'e' : 'h';
  if (c === 'ا' && atStart && (next === 'ی' || next === 'ي' || next === 'و')) return ''; // "ای…" is "i…", "او…" is "u…"/"o…"
  return undefined;
}

export function transliterate(text: string): string {
  const chars = [...text.normalize('NFC').toLowerCase()]
    // Marks left after composing (Arabic vowel marks, accents with no precomposed
    // letter) and the tatweel are optional spelling: they must not stand between a
    // Persian letter and the neighbours that decide how it is read, nor split a word.
    .filter((c) => !/[\p{M}\u0640]/u.test(c));
  const persian = chars.map((c, i) => (isArabicLetter(c) ? (persianLetter(chars, i) ?? c) : c)).join('');
  // Symbols are not words: the library writes some as letters (€ → e, ₽ → p, 💯 → 100),
  // which the slug would then read as part of the word beside them.
  const words = persian.replace(/[\p{Sc}\p{Sm}\p{So}]/gu, ' ');
  return transliterateToLatin(words, { customReplacements: REPLACEMENTS }).toLowerCase();
}

export const MAX_SLUG_LENGTH = 60;

/**
 * "В Остравии задержан журналист" → "v-ostravii-zaderzhan-zhurnalist". Lowercase ASCII
 * letters, digits and single hyphens, at most MAX_SLUG_LENGTH characters, cut at a word
 * boundary. Empty when the headline has no letter or digit we can write in Latin.
 */
export function headlineSlug(headline: string): string {
  const slug = transliterate(headline)
    .replace(/['’ʼ`]/g, '') // "what's" → "whats", not "what-s"
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const cut = slug.slice(0, MAX_SLUG_LENGTH + 1);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > 20 ? cut.slice(0, lastHyphen) : slug.slice(0, MAX_SLUG_LENGTH)).replace(/-+$/, '');
}
