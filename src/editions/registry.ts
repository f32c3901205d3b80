import type { Edition, EditionCode } from './edition.ts';
import { en } from './en.ts';
import { fa } from './fa.ts';
import { ru } from './ru.ts';

/** Every edition the site ships, in the order they are listed to readers. */
export const editions: Readonly<Record<EditionCode, Edition>> = { en, ru, fa };

export const editionCodes = Object.keys(editions) as EditionCode[];

export function isEditionCode(value: string): value is EditionCode {
  return Object.hasOwn(editions, value);
}
