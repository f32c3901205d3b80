/**
 * What names a cache's file (src/build/store.ts): a hash of the code that decides its
 * entries, so that an edit to that code, or a new version of a library, starts a fresh
 * cache rather than serving what older code decided.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { once } from './memoise.ts';

const srcDir = path.join(import.meta.dirname, '..');
const repoDir = path.join(srcDir, '..');

/** Every source file below `dir` (tests excluded), in a fixed order. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx|mjs)$/.test(e.name) && !e.name.includes('.test.'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** A hash of the files below each folder of src/ and of the given facts (versions). */
export function codeFingerprint(folders: readonly string[], facts: readonly string[]): string {
  const hash = createHash('sha256').update(JSON.stringify(facts));
  for (const folder of folders) {
    for (const file of sourceFiles(path.join(srcDir, folder))) hash.update(path.relative(srcDir, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * Everything Masthead's code decides and what it runs with: every module under src/,
 * the lockfile (every library's version) and Node's version with its ICU, time zone and
 * Unicode data, which decide a formatted date. For validated articles and dates.
 */
export const sourceFingerprint = once(() => {
  const { versions } = process;
  const lockfile = (() => {
    try {
      return createHash('sha256')
        .update(readFileSync(path.join(repoDir, 'package-lock.json')))
        .digest('hex');
    } catch {
      return '';
    }
  })();
  return codeFingerprint(['.'], [process.version, versions.tz ?? '', versions.icu ?? '', versions.unicode ?? '', lockfile]);
});

/** What shapes a rendered body: the Markdown transforms and markdown-it's version. */
export const rendererFingerprint = once(() => {
  const version = (createRequire(import.meta.url)('markdown-it/package.json') as { version: string }).version;
  return codeFingerprint(['markdown'], [version]);
});
