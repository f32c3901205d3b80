/**
 * Eleventy plugin: the Build as the templates' global data, `masthead`.
 *
 * Whoever runs Eleventy with a Build already made hands it over as that global data
 * (src/render/render.ts: the production build and `npm run assemble`). Otherwise — the
 * dev server, or plain `eleventy` on this configuration — this plugin runs a dev
 * session: a Build made for every (re)build from the caches the session keeps for its
 * whole life, with drafts shown.
 */
import path from 'node:path';
import type UserConfig from '@11ty/eleventy/UserConfig';
import { type Build, prepareBuild } from '../build/build.ts';
import { openCaches } from '../build/caches.ts';
import { describeFileSystemError } from '../build/fs-errors.ts';
import { loadAllNow } from '../build/on-first-use.ts';
import { readBuildOptions } from '../build/options.ts';
import { ContentError, formatProblem, hasErrors } from '../content/problems.ts';
import { publishMedia, writeAdminFiles, writeAssets, writeHostFiles } from '../publish/site-files.ts';
import { changedPages } from '../site/changed-pages.ts';
import { ASSETS_DIR } from './assets.ts';
import { withPagesWrittenDirectly, writeDirectPages } from './direct-pages.ts';

/** An error while preparing a Build that is no content problem: one message, naming what failed, without Eleventy's stack. */
function preparationFailure(error: unknown): Error {
  if (error instanceof ContentError) return error;
  const disk = describeFileSystemError(error);
  const frame = String((error as Error)?.stack ?? '')
    .split('\n')
    .find((l) => /^\s+at /.test(l))
    ?.trim();
  const message = disk ?? `${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}${frame ? ` (${frame})` : ''}`;
  return Object.assign(new Error(`Masthead could not prepare the site: ${message}`, { cause: error }), { skipOriginalStack: true });
}

export function buildData(config: UserConfig): void {
  if ((config.globalData as Record<string, unknown>).masthead) return;
  devSession(config);
}

/**
 * The dev server's Builds. After an edit to content only the pages whose inputs changed
 * are rendered again (src/site/changed-pages.ts); the first build writes the article and
 * listing pages the way production builds do (src/render/direct-pages.ts): several
 * times faster than Eleventy's pagination and without holding every page in memory.
 * An edit to layouts/ or src/ restarts the process (the npm script's `node --watch-path`).
 */
function devSession(config: UserConfig): void {
  const rootDir = process.cwd();
  const options = readBuildOptions();
  const caches = openCaches(rootDir);
  const contentRoot = path.resolve(rootDir, options.contentDir) + path.sep;
  config.addWatchTarget(`./${path.relative(rootDir, contentRoot) || '.'}/**/*`);
  config.addWatchTarget(`./${ASSETS_DIR}/`);
  // Plain `eleventy` (no server) renders every page through the templates, as the dev
  // server's later rebuilds do, and writes what a production build writes beside them.
  const serving = ['serve', 'watch'].includes(process.env.ELEVENTY_RUN_MODE ?? '');
  // The server keeps plain names, copied as they are: CSS live reload swaps a stylesheet in place.
  if (serving) config.addPassthroughCopy({ [ASSETS_DIR]: ASSETS_DIR });

  /** The files that triggered the rebuild being prepared. */
  let changed: string[] | undefined;
  /**
   * The last Build whose pages were all written: a rebuild renders what changed since it.
   * A rebuild that failed (a content error, or a page that crashed while rendering) never
   * becomes it, so the rebuild after the fix renders everything changed since the last
   * good one, not only the last edit.
   */
  let previous: Build | undefined;
  /** The Build being rendered, and whether its article and listing pages are written after Eleventy's. */
  let rendering: Build | undefined;
  let writeAfter: Build | undefined;
  let saved = false;
  /**
   * Whether the session's memory holds every story as it is on disk. A story that failed
   * to load keeps its last good version there: after a failed rebuild every file is
   * looked at again (by its stamps), so the error stays reported until it is fixed, even
   * when the next save is of another story.
   */
  let loadedClean = false;

  config.on('eleventy.beforeWatch', (files: string[]) => {
    changed = files.map((f) => path.resolve(rootDir, f));
  });

  config.addGlobalData('masthead', async () => {
    rendering = undefined;
    writeAfter = undefined;
    // Unchanged files come from the session's memory; when only stories were edited, the others are not even looked at.
    const onlyContent = changed !== undefined && changed.length > 0 && changed.every((f) => f.startsWith(contentRoot));
    const onlyStories = loadedClean && onlyContent && changed!.every((f) => f.endsWith('.md'));
    // The session re-reads only changed files (kept in memory), so it writes the content caches once.
    let prepared: Awaited<ReturnType<typeof prepareBuild>>;
    loadedClean = false;
    try {
      prepared = await prepareBuild({
        rootDir,
        options: readBuildOptions(),
        caches,
        fingerprintAssets: !serving,
        saveContent: !saved,
        ...(onlyStories ? { changedStories: new Set(changed) } : {}),
      });
    } catch (error) {
      throw preparationFailure(error);
    }
    saved = true;
    changed = undefined;
    for (const p of prepared.problems.filter((p) => p.severity === 'warning')) console.warn(formatProblem(p));
    const { build } = prepared;
    if (!build || hasErrors(prepared.problems)) throw new ContentError(prepared.problems);
    loadedClean = true;
    let result: Build;
    if (previous && onlyContent) result = Object.freeze({ ...build, pages: changedPages(previous, build) });
    else if (serving) result = writeAfter = withPagesWrittenDirectly(build);
    else result = build;
    rendering = build;
    return result;
  });

  config.on('eleventy.after', async ({ directories }: { directories: { output: string } }) => {
    const full = writeAfter;
    const build = rendering;
    writeAfter = undefined;
    rendering = undefined;
    if (!build) return;
    if (full) {
      const started = performance.now();
      const pages = await writeDirectPages(full, directories.output);
      console.log(`[masthead] Wrote ${pages} article and listing pages in ${((performance.now() - started) / 1000).toFixed(2)} seconds`);
    }
    if (!serving) writeAssets(build, directories.output);
    publishMedia(build, directories.output);
    if (!serving) writeHostFiles(build, directories.output, rootDir);
    // `npm run cms`: the editor beside the dev server's pages, saving through the local backend.
    else if (full) writeAdminFiles(build, directories.output, rootDir);
    caches.saveDates();
    previous = build;
    // Stories from the caches needed none of the validation libraries; the editor's first save will.
    if (serving) setTimeout(loadAllNow, 0).unref();
  });
}
