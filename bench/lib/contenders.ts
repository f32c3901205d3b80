/**
 * The full builds being compared. Each knows how to run against the corpus and why it
 * cannot (file missing, tool not installed), so the table can say "n/a" instead of failing.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
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
  /** After a run that exited 0: why its output is not what the run should have made, or undefined when it is. */
  verify?(): string | undefined;
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

/** Every story file of a content folder, relative to it, in a fixed order. */
function storyFiles(contentDir: string): string[] {
  return readdirSync(contentDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.md'))
    .map((e) => path.relative(contentDir, path.join(e.parentPath, e.name)))
    .sort();
}

/**
 * The one-story-edit row's editor: before each run, a different story gets a new
 * paragraph, in the row's own copy of the corpus (the other rows read the corpus as the
 * seed made it). Stories are taken across the whole archive, not only the newest: a
 * correction to a story from years ago is as much an editor's commit as one to today's.
 * Drafts and stories with aliases are skipped: the first has no page to look for.
 */
function storyEditor(contentDir: string) {
  let stories: string[] | undefined;
  let edits = 0;
  let last: { file: string; marker: string } | undefined;
  return {
    edit(): void {
      stories ??= storyFiles(contentDir).filter((f) => !/\ndraft: true|\naliases:/.test(readFileSync(path.join(contentDir, f), 'utf8')));
      // A stride coprime with the count walks the archive without repeating a story.
      const file = stories[(edits * 7919 + 13) % stories.length]!;
      const marker = `benchedit${++edits}x${Date.now().toString(36)}`;
      const absolute = path.join(contentDir, file);
      writeFileSync(absolute, `${readFileSync(absolute, 'utf8').trimEnd()}\n\nCorrection ${marker}.\n`);
      last = { file, marker };
    },
    /** Whether the edited story's page in `outDir` shows the edit. */
    verify(outDir: string): string | undefined {
      if (!last) return undefined;
      const slug = path.basename(last.file, '.md');
      const page = findPage(outDir, slug);
      if (!page) return `no page for the edited story ${last.file} in ${outDir}`;
      return readFileSync(page, 'utf8').includes(last.marker) ? undefined : `the page of the edited story ${last.file} does not show the edit`;
    },
  };
}

function findPage(dir: string, slug: string): string | undefined {
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isDirectory() && entry.name === slug) {
      const page = path.join(entry.parentPath, entry.name, 'index.html');
      if (existsSync(page)) return page;
    }
  }
  return undefined;
}

/** Pagefind's own binary (the one its Node API runs), as a Hugo newsroom would run it over Hugo's output. */
function pagefindBinary(repoDir: string): string | undefined {
  const binary = path.join(repoDir, 'node_modules', '@pagefind', `${process.platform}-${os.arch()}`, 'bin', 'pagefind_extended');
  return existsSync(binary) ? binary : undefined;
}

export function contenders(ctx: BenchContext): Contender[] {
  const emptied = (dir: string) => fresh(dir, ctx.deleteBetween);
  const src = (file: string) => path.join(ctx.repoDir, 'src', 'cli', file);
  const missing = (file: string) => (existsSync(src(file)) ? undefined : `n/a: src/cli/${file} does not exist yet`);
  const eleventyCli = path.join(ctx.repoDir, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs');
  // Masthead keeps encoded photos, rendered bodies and validated stories, search bundles
  // and the record of what it published between builds (.cache/images, .cache/bodies,
  // .cache/search). Every row has caches of its own, never the repo's .cache/.
  const caches = (dir: string): Record<string, string> => ({
    MASTHEAD_IMAGE_CACHE: path.join(dir, 'images'),
    MASTHEAD_BODY_CACHE: path.join(dir, 'bodies'),
    MASTHEAD_SEARCH_CACHE: path.join(dir, 'search'),
  });
  const masthead = (env: Record<string, string>, out: string, contentDir = ctx.contentDir): CommandSpec => ({
    command: process.execPath,
    args: [...npmScriptArgs(ctx.repoDir, 'build'), '--content', contentArg(ctx, contentDir), '--out', out, '--now', NOW, '--quiet'],
    cwd: ctx.repoDir,
    env,
  });
  const work = (name: string) => path.join(ctx.workDir, name);
  // The edit row's own copy of the corpus, made before its warm-up (untimed).
  const editContent = work('content-edit');
  const editor = storyEditor(editContent);
  const pagefind = pagefindBinary(ctx.repoDir);
  return [
    {
      id: 'masthead-build',
      label: 'Masthead build, every cache empty',
      unavailable: missing('build.ts'),
      // What CI does without a restored cache: every photo encoded, every story validated and indexed.
      prepare: () => masthead(caches(emptied(work('cache-cold'))), emptied(work('out-masthead'))),
    },
    {
      id: 'masthead-build-photos',
      label: 'Masthead build, content caches empty (photo renditions kept)',
      unavailable: missing('build.ts'),
      // Encoded photos from the warm row's cache (filled by its warm-up); stories validated,
      // bodies rendered and search parts indexed afresh every run: a new corpus.
      warmup: true,
      prepare: () =>
        masthead(
          { ...caches(emptied(work('cache-photos-only'))), MASTHEAD_IMAGE_CACHE: path.join(work('cache-warm'), 'images') },
          emptied(work('out-masthead')),
        ),
    },
    {
      id: 'masthead-edit',
      label: 'Masthead build, one story edited (caches and previous output kept)',
      unavailable: missing('build.ts'),
      // The build after an editor's commit: a different story each run, the previous run's site in place.
      warmup: true,
      prepare: () => {
        if (!existsSync(editContent)) cpSync(ctx.contentDir, editContent, { recursive: true });
        else editor.edit();
        return masthead(caches(work('cache-edit')), work('out-edit'), editContent);
      },
      verify: () => editor.verify(work('out-edit')),
    },
    {
      id: 'masthead-nochange',
      label: 'Masthead build, no change (caches and previous output kept)',
      unavailable: missing('build.ts'),
      // The scheduled rebuild when nobody published: same content, same site.
      warmup: true,
      prepare: () => masthead(caches(work('cache-nochange')), work('out-nochange')),
      verify: () => (existsSync(path.join(work('out-nochange'), 'index.html')) ? undefined : 'the site is gone'),
    },
    {
      id: 'masthead-build-warm',
      label: 'Masthead build, warm caches, empty output folder',
      unavailable: missing('build.ts'),
      // No change, but no previous site to keep (CI that restores .cache/ and not _site/).
      warmup: true,
      prepare: () => masthead(caches(work('cache-warm')), emptied(work('out-masthead'))),
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
        env: caches(work('cache-warm')),
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
          `--output=${emptied(work('out-baseline'))}`,
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
        args: ['--source', ctx.hugo?.siteDir ?? '', '--destination', emptied(work('out-hugo')), '--quiet'],
        cwd: ctx.workDir,
      }),
    },
    {
      id: 'hugo-pagefind',
      label: ctx.hugo ? `Hugo ${ctx.hugo.version} + Pagefind` : 'Hugo + Pagefind',
      unavailable: !ctx.hugo ? 'n/a: hugo is not installed (apt-get install -y hugo)' : !pagefind ? 'n/a: no Pagefind binary for this platform' : undefined,
      // What a Hugo newsroom with search runs: Hugo's build, then Pagefind's CLI over its
      // pages (each story's <main> is marked data-pagefind-body, so only stories are indexed, as in Masthead).
      prepare: () => {
        const out = emptied(work('out-hugo-pagefind'));
        return {
          command: '/bin/sh',
          args: ['-c', 'hugo --source "$1" --destination "$2" --quiet && "$3" --site "$2" --silent', 'sh', ctx.hugo?.siteDir ?? '', out, pagefind ?? ''],
          cwd: ctx.workDir,
        };
      },
    },
  ];
}
