/**
 * Whole-site views of a built folder, for tests that must look at every file the build
 * wrote (leaks of drafts and embargoed stories, byte-identical rebuilds).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

/** Every file under dir, as forward-slash paths relative to it, sorted. */
export function siteFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/** path → sha256 of the bytes, for "left exactly as it was" and "byte-identical" checks. */
export function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    siteFiles(dir).map((f) => [
      f,
      createHash('sha256')
        .update(readFileSync(path.join(dir, f)))
        .digest('hex'),
    ]),
  );
}

/**
 * Each file's text as a reader or a crawler could get it: gzip-compressed files (the
 * search index fragments) are decompressed, so what they hold is searched too.
 */
export function siteTexts(dir: string): { file: string; text: string }[] {
  return siteFiles(dir).map((file) => {
    let bytes = readFileSync(path.join(dir, file));
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
      try {
        bytes = gunzipSync(bytes);
      } catch {
        // Not gzip after all: search the bytes as they are.
      }
    }
    return { file, text: bytes.toString('utf8') };
  });
}

/** Files whose text contains any of the needles (also percent-encoded, as URLs in sitemaps and feeds are). */
export function filesContaining(dir: string, needles: readonly string[]): string[] {
  const forms = needles.flatMap((n) => [...new Set([n, encodeURI(n), encodeURIComponent(n)])]);
  return siteTexts(dir)
    .filter(({ text }) => forms.some((n) => text.includes(n)))
    .map(({ file }) => file);
}
