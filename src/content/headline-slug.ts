/**
 * The file name (and so the URL slug) `npm run new` gives a story, from its headline:
 * Latin letters without accents and Cyrillic transliterated by
 * @sindresorhus/transliterate (BGN/PCGN-like, as the sample content is named:
 * "нежелательная" → "nezhelatelnaya"), Persian romanised by the rules below. Only for
 * new article files: tag and author URLs keep their script (src/site/slugs.ts, ADR 002).
 * Editors can always rename the file or set `slug:`.
 */
import libraryTransliterate from '@sindresorhus/transliterate';

/** Where we romanise differently from the library: щ as BGN/PCGN writes it. */
const REPLACEMENTS: [string, string][] = [
  ['щ', 'shch'],
  ['Щ', 'Shch'],
];

/**
 * Persian: consonants and long vowels (short vowels are not written, so they are not
 * guessed). The library romanises Arabic-script letters one by one, as Arabic; Persian
 * و, ی and a final ه read as a consonant or a vowel by their place in the word, which
 * no replacement table can express, so this is ours.
 */
const PERSIAN: Readonly<Record<string, string>> = {
  ا: 'a',
  آ: 'a',
  أ: 'a',
  إ: 'e',
  ب: 'b',
  پ: 'p',
  ت: 't',
  ث: 's',
  ج: 'j',
  چ: 'ch',
  ح: 'h',
  خ: 'kh',
  د: 'd',
  ذ: 'z',
  ر: 'r',
  ز: 'z',
  ژ: 'zh',
  س: 's',
  ش: 'sh',
  ص: 's',
  ض: 'z',
  ط: 't',
  ظ: 'z',
  ع: '',
  غ: 'gh',
  ف: 'f',
  ق: 'gh',
  ک: 'k',
  ك: 'k',
  گ: 'g',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ء: '',
  ئ: 'y',
  ؤ: 'o',
  ة: 'e',
  ۀ: 'e',
};

const ARABIC_LETTER = /[\u0621-\u064A\u0671-\u06D3\u06FA-\u06FC]/;
const isArabicLetter = (c: string | undefined) => c !== undefined && ARABIC_LETTER.test(c);
const VOWEL_LETTERS: ReadonlySet<string> = new Set(['ا', 'آ', 'و', 'ی', 'ي', 'ى']);

/** و and ی are consonants (v, y) next to a vowel letter or at the start of a word, vowels (o, i) otherwise. */
function persianLetter(chars: readonly string[], i: number): string {
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
  // A final heh is usually the silent vowel "-e" (خانه → khane), but not after a long a (گاه → gah).
  if (c === 'ه') return atEnd && prev !== 'ا' && prev !== 'آ' ? 'e' : 'h';
  if (c === 'ا' && atStart && (next === 'ی' || next === 'ي')) return ''; // "ای…" is "i…"
  if (c === 'ا' && atStart && next === 'و') return ''; // "او…" is "u…"/"o…"
  return PERSIAN[c] ?? c;
}

export function transliterate(text: string): string {
  const chars = [...text.normalize('NFC').toLowerCase()]
    // Persian and Arabic-Indic digits are digits.
    .map((c) => (/[\u0660-\u0669\u06F0-\u06F9]/.test(c) ? String((c.codePointAt(0) ?? 0) & 0xf) : c))
    // Arabic vowel marks and the tatweel are optional spelling.
    .filter((c) => !/[\u064B-\u065F\u0670\u0640]/.test(c));
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (isArabicLetter(c)) out += persianLetter(chars, i);
    else if (c === '\u200c')
      continue; // ZWNJ joins the parts of one Persian word
    else out += c;
  }
  return libraryTransliterate(out, { customReplacements: REPLACEMENTS }).toLowerCase();
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
