/**
 * The sizes an article may have, and the characters its one-line fields may not hold:
 * checked before anything expensive (YAML, the schema, the body), so that a hostile or
 * broken file costs a check no more than a normal one and gets a message instead of a
 * build that runs out of memory. Every limit is far above what a newsroom writes; the
 * README's table of fields names them (README, "Writing an article").
 */

/** A whole article file: a long investigation is 100 KB; 10 MB is a pasted document. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** The frontmatter between the --- lines, as written. */
export const MAX_FRONTMATTER_BYTES = 64 * 1024;
/** Every text of the frontmatter once YAML's aliases (`*name`) are expanded. */
export const MAX_EXPANDED_CHARACTERS = 256 * 1024;
/** How deep frontmatter may nest (the contract's deepest is corrections[].date: 3). */
export const MAX_DEPTH = 8;
/** Unknown fields reported one by one; beyond that, their number. */
export const MAX_REPORTED_UNKNOWN = 20;
/** The file system's limit for one file or folder name, in UTF-8 bytes: every URL segment becomes one. */
export const MAX_SEGMENT_BYTES = 255;

/** Characters per field, and entries per list. */
export const LIMITS = {
  headline: 300,
  summary: 1000,
  name: 100,
  bylineNames: 20,
  credits: 20,
  tag: 100,
  tags: 30,
  alias: 1000,
  aliases: 50,
  translationKey: 200,
  slug: 200,
  alt: 1000,
  caption: 1000,
  credit: 200,
  correction: 2000,
  corrections: 50,
} as const;

/**
 * Controls that change the direction of the text around them (embeddings, overrides,
 * isolates): invisible, and able to make a headline read differently from what it says
 * ("Invoice \u202Efdp.exe" shows as "Invoice exe.pdf"). The marks Persian needs
 * (U+200E, U+200F, U+061C) and the zero-width non-joiner stay allowed.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/u;
const CONTROL = /[\p{Cc}]/u;
/** What shows nothing on screen: spaces, format characters and the "default ignorable" letters (U+3164 HANGUL FILLER …). */
const INVISIBLE = /^[\s\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]*$/u;

const NAMES: Readonly<Record<string, string>> = {
  '\u202A': 'LEFT-TO-RIGHT EMBEDDING',
  '\u202B': 'RIGHT-TO-LEFT EMBEDDING',
  '\u202C': 'POP DIRECTIONAL FORMATTING',
  '\u202D': 'LEFT-TO-RIGHT OVERRIDE',
  '\u202E': 'RIGHT-TO-LEFT OVERRIDE',
  '\u2066': 'LEFT-TO-RIGHT ISOLATE',
  '\u2067': 'RIGHT-TO-LEFT ISOLATE',
  '\u2068': 'FIRST STRONG ISOLATE',
  '\u2069': 'POP DIRECTIONAL ISOLATE',
};

export const codePoint = (c: string) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** What is wrong with the characters of a one-line text field (headline, name, tag …), or undefined. */
export function characterProblem(value: string, { singleLine }: { singleLine: boolean }): string | undefined {
  const bidi = BIDI_CONTROLS.exec(value);
  if (bidi) {
    const at = [...value.slice(0, bidi.index)].length + 1;
    return `contains the invisible direction control ${codePoint(bidi[0])} (${NAMES[bidi[0]]}) at character ${at}: it can make the text read differently from what it says; remove it (Persian text may use U+200F RIGHT-TO-LEFT MARK)`;
  }
  if (singleLine) {
    const control = CONTROL.exec(value);
    if (control) {
      const at = [...value.slice(0, control.index)].length + 1;
      return `contains the control character ${codePoint(control[0])} at character ${at} (a line break or tab inside a one-line field): write it on one line`;
    }
  }
  if (INVISIBLE.test(value)) return 'shows nothing: it holds only invisible characters; write the text';
  return undefined;
}

/** What is wrong with a URL segment's length (a slug, an alias segment, a tag's or name's slug), or undefined. */
export function segmentProblem(segment: string): string | undefined {
  const bytes = Buffer.byteLength(segment, 'utf8');
  if (bytes <= MAX_SEGMENT_BYTES) return undefined;
  return `makes the URL segment "${[...segment].slice(0, 24).join('')}…" ${bytes} bytes long, over the ${MAX_SEGMENT_BYTES} bytes a file name can have (letters outside Latin take 2–4 bytes each): shorten it`;
}

/**
 * The size of parsed YAML with its aliases expanded, counted up to `limit` and no further:
 * an alias bomb (a string repeated through `*a` a million times) costs no more than the limit.
 * Gives the size, or `Infinity` past the limit or past `MAX_DEPTH`.
 */
export function expandedSize(value: unknown, limit = MAX_EXPANDED_CHARACTERS): number {
  let total = 0;
  const visit = (v: unknown, depth: number): boolean => {
    if (depth > MAX_DEPTH) return false;
    if (typeof v === 'string') total += v.length;
    else if (Array.isArray(v)) {
      total += v.length;
      for (const item of v) if (total > limit || !visit(item, depth + 1)) return false;
    } else if (v && typeof v === 'object') {
      for (const [key, item] of Object.entries(v)) {
        total += key.length + 1;
        if (total > limit || !visit(item, depth + 1)) return false;
      }
    } else total += 1;
    return total <= limit;
  };
  return visit(value, 0) ? total : Number.POSITIVE_INFINITY;
}
