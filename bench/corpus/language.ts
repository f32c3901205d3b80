/**
 * What the text generator needs from one language. Sentences are glued from whole
 * phrases (not single words) so that Russian cases and Persian verb-final order stay
 * plausible without any grammar engine: the point is realistic bytes, scripts and
 * word lengths for the Markdown parser, search indexer and layouts, not meaning.
 */
import type { Rng } from './prng.ts';

export interface LanguagePack {
  subjects: readonly string[];
  verbs: readonly string[];
  objects: readonly string[];
  places: readonly string[];
  times: readonly string[];
  /** Speech verbs for quotes: "…", <subject> <said>. */
  said: readonly string[];
  quotes: readonly string[];
  /** Sentence openers such as "However," used now and then. */
  openers: readonly string[];
  subheadings: readonly string[];
  listItems: readonly string[];
  linkTexts: readonly string[];
  /** Assembles one sentence from the parts, in the language's word order. */
  sentence(rng: Rng): string;
  headline(rng: Rng): string;
  alt(rng: Rng): string;
  caption(rng: Rng): string;
}

export const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
