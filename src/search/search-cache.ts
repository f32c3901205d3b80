/**
 * Search bundles kept across builds, one per part of an edition's index
 * (src/search/search-parts.ts), keyed by a hash of what the part's records are made
 * from (src/search/search-index.ts) and Pagefind's version. Pagefind has no incremental
 * mode and is the slowest step of a build whose stories are new; a part whose stories
 * are unchanged is linked from `.cache/search/` (MASTHEAD_SEARCH_CACHE) instead of being
 * indexed again. Same inputs → same records → same bundle bytes, so the copy is what
 * indexing would have written.
 *
 * A cache must never change what is published: each entry holds a listing of its files
 * with their sizes and CRC-32s (`.masthead-files`, behind the checksummed header of
 * src/build/store.ts), and an entry is restored only when its files are exactly those, with
 * those bytes; anything else (a file missing, added, truncated or changed, a damaged
 * listing) is a miss, and the part is indexed again.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32 } from 'node:zlib';
import { removeLeftovers } from '../build/leftovers.ts';
import { once } from '../build/memoise.ts';
import { sealed, unsealed } from '../build/store.ts';

/** Pagefind's version (its package.json is not exported, so it is found from its entry point). */
const pagefindVersion = once((): string => {
  let dir = path.dirname(fileURLToPath(import.meta.resolve('pagefind')));
  while (!existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
});

export function searchCacheDir(rootDir: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.MASTHEAD_SEARCH_CACHE ?? path.join(rootDir, '.cache', 'search');
}

/** The cache key of a part: its inputs (src/search/search-index.ts) and Pagefind's version. */
export function partKey(inputs: readonly string[]): string {
  const hash = createHash('sha256').update(pagefindVersion());
  for (const input of inputs) hash.update('\0').update(input);
  return hash.digest('hex').slice(0, 20);
}

const entryDir = (cacheDir: string, edition: string, key: string) => path.join(cacheDir, `${edition}-${key}`);

/**
 * Hard-links a tree (a bundle is thousands of small files; linking them is several times
 * faster than copying). Cache entries are never modified in place — a new bundle
 * replaces an entry by rename — so sharing their files is safe. Copies across devices.
 */
function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { recursive: true, withFileTypes: true })) {
    if (entry.name === LISTING && entry.parentPath === from) continue;
    const source = path.join(entry.parentPath, entry.name);
    const target = path.join(to, path.relative(from, source));
    if (entry.isDirectory()) mkdirSync(target, { recursive: true });
    else {
      try {
        linkSync(source, target);
      } catch {
        copyFileSync(source, target);
      }
    }
  }
}

/** The listing of an entry's files, inside the entry (never published). */
const LISTING = '.masthead-files';

/** Every file of a bundle, relative, with its size and CRC-32, sorted. */
function listing(dir: string): [file: string, size: number, crc: number][] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !(e.name === LISTING && e.parentPath === dir))
    .map((e): [string, number, number] => {
      const bytes = readFileSync(path.join(e.parentPath, e.name));
      return [path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'), bytes.length, crc32(bytes)];
    })
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** Whether an entry's files are exactly those its listing names, with those bytes. */
function intact(dir: string): boolean {
  const payload = unsealed(readFileSync(path.join(dir, LISTING)));
  return payload !== undefined && payload.toString('utf8') === JSON.stringify(listing(dir));
}

/** A folder for restoring a bundle into, on the cache's file system (so it can be renamed into place). */
export function restoreFolder(cacheDir: string, edition: string): string {
  mkdirSync(cacheDir, { recursive: true });
  return mkdtempSync(path.join(cacheDir, `.restore-${edition}-${process.pid}-`));
}

/** Removes what builds killed while restoring or storing a bundle left (src/build/leftovers.ts). */
export function removeSearchLeftovers(cacheDir: string): string[] {
  return removeLeftovers(cacheDir, (name) => {
    const pid = /^\.restore-[a-z]+-(\d+)-|\.(\d+)\.tmp$/.exec(name);
    return pid ? Number(pid[1] ?? pid[2]) : undefined;
  });
}

/** Links a cached bundle into `target`; undefined when there is none for these records, or it is not intact. */
export function restoreBundle(cacheDir: string, edition: string, key: string, target: string): string | undefined {
  const dir = entryDir(cacheDir, edition, key);
  try {
    if (!existsSync(dir)) throw new Error('no entry');
    if (!intact(dir)) {
      // Damaged: never used, and replaced when this build indexes the edition.
      rmSync(dir, { recursive: true, force: true });
      throw new Error('damaged');
    }
    linkTree(dir, target);
    return target;
  } catch {
    // Missing, or replaced by a concurrent build while being copied: index instead.
    rmSync(target, { recursive: true, force: true });
    return undefined;
  }
}

/**
 * Keeps a freshly written bundle for the next build. Builds may run side by side (CI
 * jobs, tests) and share the cache: the entry appears by one rename, a concurrent build
 * that stored the same records first wins, and a failure here only costs the next build
 * an indexing run — it never fails this one.
 */
export function storeBundle(cacheDir: string, edition: string, key: string, written: string): void {
  const final = entryDir(cacheDir, edition, key);
  const temporary = `${final}.${process.pid}.tmp`;
  try {
    mkdirSync(cacheDir, { recursive: true });
    rmSync(temporary, { recursive: true, force: true });
    linkTree(written, temporary);
    writeFileSync(path.join(temporary, LISTING), sealed(Buffer.from(JSON.stringify(listing(temporary)))));
    if (!existsSync(final)) renameSync(temporary, final);
  } catch (error) {
    // Another build stored this entry meanwhile (the rename finds it there), or the cache is not writable: say so.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EEXIST' && code !== 'ENOTEMPTY') {
      console.warn(`warning: could not save the cache ${final} (${code ?? String(error)}): the next build will index ${edition} again`);
    }
  } finally {
    rmSync(temporary, { recursive: true, force: true });
  }
}

/** Drops the edition's entries this build did not use: the cache never grows past the site. */
export function pruneEdition(cacheDir: string, edition: string, used: ReadonlySet<string>): void {
  try {
    for (const name of readdirSync(cacheDir)) {
      if (name.startsWith(`${edition}-`) && !name.endsWith('.tmp') && !used.has(name.slice(edition.length + 1))) {
        rmSync(path.join(cacheDir, name), { recursive: true, force: true });
      }
    }
  } catch {
    // Pruning is best effort.
  }
}
