/**
 * Eleventy plugin and helper for article photos: each photo used by a rendered page is
 * published once under /media/, named by a hash of its bytes (so a replaced photo
 * never serves stale from a cache), and copied after the build.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type UserConfig from '@11ty/eleventy/UserConfig';
import type { Photo } from './article.ts';

const hashes = new Map<string, { stamp: string; url: string }>();
const used = new Map<string, string>();

export function photoUrl(photo: Pick<Photo, 'file'>): string {
  const stat = statSync(photo.file);
  const stamp = `${stat.mtimeMs}:${stat.size}`;
  let entry = hashes.get(photo.file);
  if (!entry || entry.stamp !== stamp) {
    const hash = createHash('sha256').update(readFileSync(photo.file)).digest('hex').slice(0, 16);
    entry = { stamp, url: `/media/${hash}${path.extname(photo.file).toLowerCase()}` };
    hashes.set(photo.file, entry);
  }
  used.set(entry.url, photo.file);
  return entry.url;
}

export function photos(config: UserConfig): void {
  config.on('eleventy.before', () => used.clear());
  config.on('eleventy.after', ({ directories }: { directories: { output: string } }) => {
    for (const [url, source] of [...used].sort()) {
      const target = path.join(directories.output, url);
      mkdirSync(path.dirname(target), { recursive: true });
      copyFileSync(source, target);
    }
  });
}
