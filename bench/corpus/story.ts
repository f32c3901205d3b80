/**
 * Builds one story (its path and exact file text) from (seed, index) alone, so story i is
 * the same whatever --count is: a 400-story corpus is a prefix of the 4,000-story one.
 */

import { buildBody } from './body.ts';
import { en } from './lang-en.ts';
import { fa } from './lang-fa.ts';
import { ru } from './lang-ru.ts';
import type { LanguagePack } from './language.ts';
import { PHOTOS } from './photos.ts';
import { AGENCIES, BYLINES, type CorpusEdition, EDITION_WEIGHTS, FIRST_YEAR, LAST_DAY_UTC, SECTION_WEIGHTS, SLUG_WORDS, TAGS } from './pools.ts';
import { createRng, deriveSeed, type Rng } from './prng.ts';

const PACKS: Record<CorpusEdition, LanguagePack> = { en, ru, fa };
const FOCUS = ['center', 'top', 'bottom', 'left', 'right', '0.3,0.4'] as const;

export interface Story {
  edition: CorpusEdition;
  /** Relative to <out>/content, POSIX separators. */
  path: string;
  slug: string;
  text: string;
}

export const editionOf = (seed: number, i: number): CorpusEdition => createRng(deriveSeed(seed, `edition:${i}`)).weighted(EDITION_WEIGHTS);

/** Story i (en) and story i+1 (ru/fa) sometimes share a translationKey; at most one partner each, so keys stay unique per edition. */
const linksToNext = (seed: number, i: number): boolean =>
  i >= 0 && editionOf(seed, i) === 'en' && editionOf(seed, i + 1) !== 'en' && createRng(deriveSeed(seed, `tk:${i}`)).chance(0.25);

const pad = (n: number) => String(n).padStart(2, '0');

/** Naive local date-time (no offset: "the edition's time zone"), computed in UTC arithmetic so no machine zone leaks in. */
const isoLocal = (ms: number) => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
};

/** Plain YAML when obviously safe, else a JSON string (valid YAML double-quoted scalar). */
const yamlScalar = (s: string) => (/^[\p{L}\p{N}][\p{L}\p{N} .\-\u200c]*$/u.test(s) && !s.endsWith(' ') ? s : JSON.stringify(s));
const yamlList = (items: readonly string[]) => `[${items.map(yamlScalar).join(', ')}]`;

function pickDate(rng: Rng): number {
  const first = Date.UTC(FIRST_YEAR, 0, 1);
  const days = Math.floor((LAST_DAY_UTC - first) / 86_400_000);
  // 06:00–22:55 keeps clear of the 01:00–03:00 daylight-saving gaps in every edition's zone.
  return first + rng.int(0, days) * 86_400_000 + rng.int(6, 22) * 3_600_000 + rng.int(0, 11) * 300_000;
}

export function buildStory(seed: number, i: number): Story {
  const rng = createRng(deriveSeed(seed, `story:${i}`));
  const edition = editionOf(seed, i);
  const lang = PACKS[edition];
  const when = pickDate(rng);
  const date = isoLocal(when);
  const slug = `${rng.sample(SLUG_WORDS, rng.int(2, 3)).join('-')}-${i + 1}`;
  const lines: string[] = ['---', `headline: ${yamlScalar(lang.headline(rng))}`, `date: ${date}`];

  // Updates come 2–30 hours later: at least 2 h so a daylight-saving shift can never put them before `date`.
  if (rng.chance(0.15)) lines.push(`updated: ${isoLocal(when + rng.int(2, 30) * 3_600_000 + rng.int(0, 11) * 300_000)}`);
  lines.push(rng.chance(0.15) ? `byline: ${yamlList(rng.sample(BYLINES, 2))}` : `byline: ${yamlScalar(rng.pick(BYLINES))}`);
  if (rng.chance(0.5)) lines.push(`credits: ${yamlList(rng.sample(AGENCIES, rng.int(1, 2)))}`);
  lines.push(`summary: ${yamlScalar(`${lang.sentence(rng)}${rng.chance(0.4) ? ` ${lang.sentence(rng)}` : ''}`)}`);
  lines.push(`section: ${rng.weighted(SECTION_WEIGHTS)}`);
  lines.push(`tags: ${yamlList(rng.sample(TAGS, rng.int(2, 4)))}`);

  if (rng.chance(0.6)) {
    const photo = rng.pick(PHOTOS);
    lines.push('photo:', `  src: ../../photos/${photo.file}`, `  alt: ${yamlScalar(lang.alt(rng))}`);
    if (rng.chance(0.5)) lines.push(`  caption: ${yamlScalar(lang.caption(rng))}`);
    if (rng.chance(0.5)) lines.push(`  credit: ${yamlScalar(`${rng.pick(BYLINES)}/${rng.pick(AGENCIES)}`)}`);
    if (rng.chance(0.1)) lines.push(`  focus: ${yamlScalar(rng.pick(FOCUS))}`);
  }
  if (rng.chance(0.003)) lines.push('breaking: true');
  if (rng.chance(0.002)) lines.push('draft: true');
  const tk = linksToNext(seed, i) ? i : linksToNext(seed, i - 1) ? i - 1 : undefined;
  if (tk !== undefined) lines.push(`translationKey: tk-${tk + 1}`);
  if (rng.chance(0.02)) lines.push(`aliases: [${JSON.stringify(`/${edition}/archive/${slug}/`)}]`);
  lines.push('---', '');

  const d = new Date(when);
  const path = `${edition}/${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${slug}.md`;
  return { edition, path, slug, text: `${lines.join('\n')}\n${buildBody(rng, lang)}` };
}
