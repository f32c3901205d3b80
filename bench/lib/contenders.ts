/**
 * The full builds being compared. Each knows how to run against the corpus and why it
 * cannot (file missing, tool not installed), so the table can say "n/a" instead of failing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { npmScriptArgs } from '../../scripts/npm-script.ts';
import type { HugoSite } from './hugo-site.ts';
import type { CommandSpec } from './measure.ts';

export interface BenchContext {
  repoDir: string;
  benchDir: string;
  /** Absolute path of the corpus's content/ folder. */
  contentDir: string;
  /** Scratch space for outputs, Hugo's site and dev-server copies. */
  workDir: string;
  /** Delete the previous output right before each run instead of moving it aside (`--delete-between`). */
  deleteBetween?: boolean;
  hugo?: HugoSite & { version: string };
}

export interface Contender {
  id: string;
  label: string;
  /** Set when it cannot run: shown in the table instead of numbers. */
  unavailable?: string;
  /** A ready-to-run command; clears its output folder first so every run starts cold. */
  prepare(): CommandSpec;
  /** Run once, untimed, before the first round (to fill a cache the timed runs then reuse). */
  warmup?: boolean;
}

/** A fixed "now" so embargo decisions are the same on every run (all corpus dates are earlier). */
const NOW = '2026-11-27T12:00Z';

/**
 * Masthead reads nothing outside the repository, or for a content folder kept elsewhere
 * (this corpus, by default), outside the folder that holds it. A corpus inside the repo
 * is passed repo-relative, the way an editor would write it.
 */
export function contentArg(ctx: BenchContext, dir = ctx.contentDir): string {
  const rel = path.relative(ctx.repoDir, dir);
  return rel.startsWith('..') || path.isAbsolute(rel) ? dir : rel;
}

let discarded = 0;

/**
 * An empty folder, and the disk settled. The previous run's output is moved aside, not
 * deleted: the bench deletes its whole work folder at the end, untimed. On a file system
 * without a journal (this project's VM) ext4 will not reuse an inode for a minute after it
 * was freed, and finds each new one by scanning past all the recently freed ones: a run
 * right after deleting the previous run's tens of thousands of files paid seconds of
 * kernel time for it, more the more files it writes (ADR 013). `deleteNow` (the bench's
 * `--delete-between`) deletes instead, to measure that. `sync` (untimed) settles what the
 * previous run left, so every run starts alike.
 */
const fresh = (dir: string, deleteNow = false) => {
  if (deleteNow) rmSync(dir, { recursive: true, force: true });
  else if (existsSync(dir)) {
    const aside = path.join(path.dirname(dir), '.discarded', `${path.basename(dir)}-${++discarded}`);
    mkdirSync(path.dirname(aside), { recursive: true });
    renameSync(dir, aside);
  }
  spawnSync('sync');
  return dir;
};

export function contenders(ctx: BenchContext): Contender[] {
  const emptied = (dir: string) => fresh(dir, ctx.deleteBetween);
  const src = (file: string) => path.join(ctx.repoDir, 'src', 'cli', file);
  const missing = (file: string) => (existsSync(src(file)) ? undefined : `n/a: src/cli/${file} does not exist yet`);
  const eleventyCli = path.join(ctx.repoDir, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs');
  // Masthead keeps encoded photos, rendered bodies and search bundles between builds
  // (.cache/images, .cache/bodies, .cache/search). "cold" = fresh caches every run, like CI
  // without a restored cache; "warm" = an editor's second build. Both use caches of our
  // own, never the repo's .cache/.
  const caches = (dir: string): Record<string, string> => ({
    MASTHEAD_IMAGE_CACHE: path.join(dir, 'images'),
    MASTHEAD_BODY_CACHE: path.join(dir, 'bodies'),
    MASTHEAD_SEARCH_CACHE: path.join(dir, 'search'),
  });
  const masthead = (cache: string, clear: boolean, env = caches(clear ? emptied(cache) : cache)): CommandSpec => ({
    command: process.execPath,
    args: [
      ...npmScriptArgs(ctx.repoDir, 'build'),
      '--content',
      contentArg(ctx),
      '--out',
      emptied(path.join(ctx.workDir, 'out-masthead')),
      '--now',
      NOW,
      '--quiet',
    ],
    cwd: ctx.repoDir,
    env,
  });
  return [
    {
      id: 'masthead-build',
      label: 'Masthead build, cold caches',
      unavailable: missing('build.ts'),
      prepare: () => masthead(path.join(ctx.workDir, 'cache-cold'), true),
    },
    {
      id: 'masthead-build-warm',
      label: 'Masthead build, warm caches',
      unavailable: missing('build.ts'),
      warmup: true,
      prepare: () => masthead(path.join(ctx.workDir, 'cache-warm'), false),
    },
    {
      id: 'masthead-build-photos',
      label: 'Masthead build, only the photo cache warm',
      unavailable: missing('build.ts'),
      // Encoded photos from the warm row's cache (filled by the warm-up); articles, bodies
      // and search bundles made afresh every run.
      warmup: true,
      prepare: () => {
        const own = caches(emptied(path.join(ctx.workDir, 'cache-photos-only')));
        return masthead('', false, { ...own, MASTHEAD_IMAGE_CACHE: path.join(ctx.workDir, 'cache-warm', 'images') });
      },
    },
    {
      id: 'masthead-check',
      label: 'Masthead check (npm run check)',
      unavailable: missing('check.ts'),
      // Reads the warm build's caches, as an editor's check after a build does.
      prepare: () => ({
        command: process.execPath,
        args: [...npmScriptArgs(ctx.repoDir, 'check'), '--content', contentArg(ctx), '--now', NOW],
        cwd: ctx.repoDir,
        env: caches(path.join(ctx.workDir, 'cache-warm')),
      }),
    },
    {
      id: 'baseline',
      label: 'Baseline: plain Eleventy 3',
      prepare: () => ({
        command: process.execPath,
        args: [
          eleventyCli,
          `--config=${path.join(ctx.benchDir, 'baseline', 'eleventy.config.cjs')}`,
          `--input=${ctx.contentDir}`,
          `--output=${emptied(path.join(ctx.workDir, 'out-baseline'))}`,
          '--quiet',
        ],
        cwd: ctx.repoDir,
      }),
    },
    {
      id: 'hugo',
      label: ctx.hugo ? `Hugo ${ctx.hugo.version}` : 'Hugo',
      unavailable: ctx.hugo ? undefined : 'n/a: hugo is not installed (apt-get install -y hugo)',
      prepare: () => ({
        command: 'hugo',
        args: ['--source', ctx.hugo?.siteDir ?? '', '--destination', emptied(path.join(ctx.workDir, 'out-hugo')), '--quiet'],
        cwd: ctx.workDir,
      }),
    },
  ];
}
