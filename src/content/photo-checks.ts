/**
 * Photo checks memoised for one load of the content (src/content/load.ts): a handful
 * of wire photos can illustrate thousands of stories in hundreds of folders.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { untouchedStamp } from '../build/store.ts';
import type { Article } from './article.ts';
import { checkPhoto, checkPhotoFile } from './photo-reference.ts';

/**
 * `compute`, once per key for as long as the returned function is kept: one load. A
 * handful of wire photos can illustrate thousands of stories.
 */
function oncePerKey<A extends unknown[], T>(compute: (...args: A) => T, keyOf: (...args: A) => string): (...args: A) => T {
  const seen = new Map<string, T>();
  return (...args) => {
    const key = keyOf(...args);
    if (!seen.has(key)) seen.set(key, compute(...args));
    return seen.get(key) as T;
  };
}

/** The photo's change stamp, one stat per photo and load (it changes the Article identity when replaced). */
export function photoStampsForOneLoad(): (article: Article) => string {
  const stampOf = oncePerKey(
    (file: string) => {
      try {
        return untouchedStamp(statSync(file));
      } catch {
        return 'missing';
      }
    },
    (file) => file,
  );
  return (article) => (article.photo ? stampOf(article.photo.file) : '');
}

export interface PhotoChecks {
  /** checkPhoto, each way of writing a photo (folder and `src`) resolved once: stories of one folder share their wire photos. */
  photo: typeof checkPhoto;
  /** checkPhotoFile, each photo file checked once. */
  file: typeof checkPhotoFile;
}

export function photoChecksForOneLoad(): PhotoChecks {
  const file = oncePerKey(checkPhotoFile, (absolute, rootDir) => `${rootDir}\0${absolute}`);
  const photo = oncePerKey(
    (src: string, articleFile: string, rootDir: string) => checkPhoto(src, articleFile, rootDir, file),
    (src, articleFile, rootDir) => `${rootDir}\0${path.dirname(articleFile)}\0${src}`,
  );
  return { photo, file };
}
