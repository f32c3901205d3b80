/**
 * The build with nothing to do (ADR 024). A scheduled rebuild when nobody published, or
 * a CI run on a commit that changed nothing the site is made of, must give the same
 * bytes as the site already published: so after every build the CLI records what made
 * it — the code, the options, the stamps of every content file — and what it published
 * (the stamps of every file in the output folder), with the stretch of time around the
 * build's "now" in which no story enters or leaves an embargo or the news sitemap. The
 * next build that finds all of it as recorded, and its "now" in that stretch, leaves the
 * site as it is without loading a story.
 *
 * Stamps are a file's size, modification and change times and inode: an edit changes the
 * change time even when it keeps the size and resets the modification time (the
 * published files' change times are left out: see `How`). What the
 * build reads besides content/ is hashed whole (it is small): src/, layouts/, assets/,
 * the Eleventy configuration, package.json and the lockfile, and Node's version.
 */
import { createHash, type Hash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, type Stats, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sourceFingerprint } from '../build/fingerprint.ts';
import type { BuildOptions } from '../build/options.ts';
import type { Article } from '../content/article.ts';
import { NEWS_WINDOW_MS } from '../site/published.ts';

interface PublishedRecord {
  /** Code, options and the command's flags. */
  inputs: string;
  content: string;
  site: string;
  /** The build's "now" and the stretch of time around it with the same site (ms; null: unbounded). */
  now: number;
  after: number | null;
  before: number | null;
}

/** Folders and files of the repository the build reads, besides content. */
// src/ and the lockfile are in the sources' fingerprint, with Node's version.
const CODE = ['layouts', 'assets', '.eleventy.ts', 'package.json'];

/**
 * How a file counts: by its bytes, by its stamp, or — for the published site — by its
 * stamp without the change time, which changes when a hard link to the same file goes
 * (photo renditions are linked from the cache, and the previous site is deleted after the swap).
 */
type How = 'bytes' | 'stamp' | 'published';

/**
 * Adds every file below `dir` (or `dir` itself, a file) to `hash`, as `how` says. Links
 * are followed, as the loader follows them in content/ and a host follows `_site` (a
 * link to the site's folder); a folder reached twice (a loop) counts once.
 */
function treeHash(dir: string, hash: Hash, how: How = 'stamp'): void {
  let top: Stats;
  try {
    top = statSync(dir);
  } catch {
    hash.update('missing\0');
    return;
  }
  if (!top.isDirectory()) {
    addFile(dir, '', top, hash, how);
    return;
  }
  const seen = new Set<string>();
  const walk = (folder: string, prefix: string) => {
    const real = realpathSync(folder);
    if (seen.has(real)) return hash.update(`${prefix} loop\0`);
    seen.add(real);
    for (const name of readdirSync(folder).sort()) {
      const file = path.join(folder, name);
      let stat: Stats;
      try {
        stat = statSync(file);
      } catch {
        hash.update(`${prefix}${name} dangling\0`);
        continue;
      }
      if (stat.isDirectory()) walk(file, `${prefix}${name}/`);
      else addFile(file, prefix + name, stat, hash, how);
    }
  };
  walk(dir, '');
}

function addFile(file: string, name: string, stat: Stats, hash: Hash, how: How): void {
  hash.update(name).update('\0');
  if (how === 'bytes') hash.update(readFileSync(file)).update('\0');
  else if (how === 'stamp') hash.update(`${stat.size} ${stat.mtimeMs} ${stat.ctimeMs} ${stat.ino}\0`);
  else hash.update(`${stat.size} ${stat.mtimeMs} ${stat.ino}\0`);
}

function stampOf(dir: string, how: How = 'stamp'): string {
  const hash = createHash('sha256');
  treeHash(dir, hash, how);
  return hash.digest('hex');
}

function inputsOf(rootDir: string, options: BuildOptions, argv: readonly string[]): string {
  const hash = createHash('sha256').update(sourceFingerprint()).update('\0');
  for (const entry of CODE) treeHash(path.join(rootDir, entry), hash.update(`${entry}\0`), 'bytes');
  const { now: _now, ...rest } = options;
  // Flags that only change what is printed do not change the site; every other one counts.
  const flags = argv.filter((a, i) => !/^--(quiet|verbose)$/.test(a) && a !== '--now' && argv[i - 1] !== '--now' && !a.startsWith('--now='));
  return hash.update(JSON.stringify(rest)).update('\0').update(JSON.stringify(flags)).digest('hex');
}

const recordFile = (cacheDir: string, outDir: string) =>
  path.join(cacheDir, `published-${createHash('sha256').update(path.resolve(outDir)).digest('hex').slice(0, 16)}.json`);

export interface UpToDate {
  /** True when the output folder holds exactly what this build would write. */
  upToDate: boolean;
  /** Records what the build just published; call after a successful build. */
  record(articles: readonly Article[], empty: boolean): void;
}

/**
 * Compares this build's inputs with those of the build that made `outDir`. `empty`, when
 * recording, says that some feed has no entries: its date is then the build's "now"
 * itself, and only the same "now" gives the same site.
 */
export function checkUpToDate(input: { rootDir: string; cacheDir: string; outDir: string; options: BuildOptions; argv: readonly string[] }): UpToDate {
  const { rootDir, cacheDir, outDir, options } = input;
  const file = recordFile(cacheDir, outDir);
  const now = Date.parse(options.now);
  const contentDir = path.resolve(rootDir, options.contentDir);
  const inputs = inputsOf(rootDir, options, input.argv);
  const content = stampOf(contentDir);
  const upToDate = (() => {
    let previous: PublishedRecord;
    try {
      previous = JSON.parse(readFileSync(file, 'utf8')) as PublishedRecord;
    } catch {
      return false;
    }
    const inStretch = now === previous.now || ((previous.after === null || now > previous.after) && (previous.before === null || now < previous.before));
    return inStretch && previous.inputs === inputs && previous.content === content && previous.site === stampOf(outDir, 'published');
  })();
  return {
    upToDate,
    record(articles, empty) {
      // Every instant at which a story leaves its embargo or the news sitemap's window.
      let after: number | null = null;
      let before: number | null = null;
      let exact = empty;
      for (const a of articles) {
        for (const t of [a.timestamp, a.timestamp + NEWS_WINDOW_MS]) {
          if (t === now) exact = true;
          else if (t < now) after = after === null ? t : Math.max(after, t);
          else before = before === null ? t : Math.min(before, t);
        }
      }
      const record: PublishedRecord = { inputs, content, site: stampOf(outDir, 'published'), now, after: exact ? now : after, before: exact ? now : before };
      const temporary = `${file}.${process.pid}.tmp`;
      try {
        mkdirSync(cacheDir, { recursive: true });
        writeFileSync(temporary, `${JSON.stringify(record)}\n`);
        renameSync(temporary, file);
      } catch (error) {
        rmSync(temporary, { force: true });
        // Without the record the next build does all its work: slower, never wrong.
        const code = (error as NodeJS.ErrnoException).code ?? String(error);
        console.warn(`warning: could not save the cache ${file} (${code}): the next build will redo its work`);
      }
    },
  };
}
