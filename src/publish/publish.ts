/**
 * Build elsewhere, swap on success, and never leave the output incomplete: the site is
 * rendered into a staging folder beside the output, and only when the whole build
 * succeeded does the output start showing it.
 *
 * The output (`_site`) is a symbolic link to the folder of the site it shows
 * (`._site.site-<pid>-<time>`, beside it). Publishing renames the finished staging
 * folder to such a name, makes a new link to it under a temporary name, and renames the
 * link over `_site`: one rename, atomic on every POSIX file system, so at every instant
 * `_site` is either the previous site or the new one, whole, whatever kills the build
 * and wherever (SIGKILL, a power cut). The previous site's folder is removed afterwards,
 * in the background; what a killed build left (a staging folder, an unused site folder,
 * a link not yet renamed) is removed by the next build (`removePublishLeftovers`).
 *
 * A real folder at `_site` (from Masthead before this, or made by hand) cannot be swapped
 * for a link in one step: it is moved aside, and the link renamed into its place right
 * after. If the build is killed between those two renames, the next build, preview or
 * assemble puts it back first (`recoverOutput`). docs/deploy.md says what a host sees.
 */
import { spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readlinkSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describeFileSystemError } from '../build/fs-errors.ts';
import { removeLeftovers } from '../build/leftovers.ts';
import { explainedMessage } from '../render/page-errors.ts';

export function stagingDirFor(outDir: string): string {
  return path.join(path.dirname(outDir), `.${path.basename(outDir)}.staging-${process.pid}`);
}

/**
 * A failure the build has already explained to the editor (e.g. broken links, each
 * listed): printed as its message alone, without a stack trace.
 */
export class BuildStopped extends Error {
  override name = 'BuildStopped';
}

/** The steps of a swap, in order: after each, the file system is in a state a kill may leave (src/publish/publish.test.ts). */
export const SWAP_STEPS = ['site-folder', 'link-made', 'moved-aside', 'swapped'] as const;
export type SwapStep = (typeof SWAP_STEPS)[number];

const siteFolderPattern = (name: string) => new RegExp(`^\\.${escapeRegExp(name)}\\.(?:site|previous)-(\\d+)-\\d+$`);
const leftoverPattern = (name: string) => new RegExp(`^\\.${escapeRegExp(name)}\\.(?:staging|link)-(\\d+)$`);
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Where `outDir` (a link) points, as an absolute path; undefined when it is no link. */
function linkTarget(outDir: string): string | undefined {
  try {
    return lstatSync(outDir).isSymbolicLink() ? path.resolve(path.dirname(outDir), readlinkSync(outDir)) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Puts back a site moved aside by a build killed while turning a real `_site/` folder
 * into a link: the only moment a swap leaves no `_site`. Called before anything reads or
 * writes the output.
 */
export function recoverOutput(outDir: string): void {
  if (existsSync(outDir) || linkTarget(outDir)) return;
  const parent = path.dirname(outDir);
  const pattern = new RegExp(`^\\.${escapeRegExp(path.basename(outDir))}\\.previous-(\\d+)-\\d+$`);
  let names: string[];
  try {
    names = readdirSync(parent).filter((n) => pattern.test(n));
  } catch {
    return;
  }
  // The newest by its time stamp (names sort by process id first).
  const newest = names.sort((a, b) => Number(a.split('-').at(-1)) - Number(b.split('-').at(-1))).at(-1);
  if (newest) renameSync(path.join(parent, newest), outDir);
}

/**
 * Removes what killed builds left beside the output: staging folders and links of
 * processes that are gone, and site folders the output no longer shows (a killed build's
 * finished site that never got the link, a previous site whose removal was cut short).
 */
export function removePublishLeftovers(outDir: string): string[] {
  const parent = path.dirname(outDir);
  const name = path.basename(outDir);
  const shown = linkTarget(outDir);
  const leftover = leftoverPattern(name);
  const folder = siteFolderPattern(name);
  return removeLeftovers(parent, (entry) => {
    const unfinished = leftover.exec(entry);
    if (unfinished) return Number(unfinished[1]);
    const site = folder.exec(entry);
    if (!site || path.join(parent, entry) === shown) return undefined;
    // A site folder no link shows: removable once the build that made it is gone.
    return Number(site[1]);
  });
}

export async function publishAtomically(outDir: string, staging: string, render: () => Promise<void>): Promise<boolean> {
  const fail = (error: unknown) => {
    // Described first: a full disk is no longer full once the staging folder is removed.
    const disk = describeFileSystemError(error);
    try {
      rmSync(staging, { recursive: true, force: true });
    } catch {
      // A disk that refused the build may refuse this too: the next build removes it.
    }
    const explained = explainedMessage(error);
    console.error(
      error instanceof BuildStopped
        ? error.message
        : disk
          ? `${disk[0]!.toUpperCase()}${disk.slice(1)}.`
          : explained !== undefined
            ? explained
            : error instanceof Error
              ? (error.stack ?? error.message)
              : error,
    );
    console.error(`\nBuild failed. Nothing was published; ${path.basename(outDir)}/ is unchanged.`);
    return false;
  };
  try {
    rmSync(staging, { recursive: true, force: true });
    // Made here, so that a disk that cannot take the site says so at once, naming the folder.
    // (Not recursive: a recursive mkdir on a read-only disk reports ENOENT.)
    mkdirSync(path.dirname(staging), { recursive: true });
    mkdirSync(staging);
    await render();
  } catch (error) {
    return fail(error);
  }
  try {
    swapIn(outDir, staging);
  } catch (error) {
    // Nothing was swapped yet when a step fails (each is one rename or link): _site shows the previous site.
    return fail(error);
  }
  return true;
}

/**
 * Makes `outDir` show the finished site in `staging`, atomically (see the top of this
 * file). `afterStep` is told each step as it is done (the tests kill the process there).
 */
export function swapIn(outDir: string, staging: string, afterStep: (step: SwapStep) => void = () => {}): void {
  const parent = path.dirname(outDir);
  const name = path.basename(outDir);
  const stamp = `${process.pid}-${Date.now()}`;
  const siteFolder = path.join(parent, `.${name}.site-${stamp}`);
  renameSync(staging, siteFolder);
  afterStep('site-folder');
  const link = path.join(parent, `.${name}.link-${process.pid}`);
  rmSync(link, { force: true });
  // Relative, so that the folder holding both can be moved or mounted elsewhere.
  symlinkSync(path.basename(siteFolder), link, 'dir');
  afterStep('link-made');
  const previous = linkTarget(outDir);
  if (!previous && existsSync(outDir)) {
    // A real folder: moved aside first (recoverOutput puts it back if the build dies now).
    const aside = path.join(parent, `.${name}.previous-${stamp}`);
    renameSync(outDir, aside);
    afterStep('moved-aside');
    renameSync(link, outDir);
    afterStep('swapped');
    discardInBackground(aside);
    return;
  }
  renameSync(link, outDir);
  afterStep('swapped');
  if (previous && previous !== siteFolder && siteFolderPattern(name).test(path.basename(previous))) discardInBackground(previous);
}

/**
 * Deleting the previous site (thousands of folders) takes longer than writing the new
 * one; the new site is already in place, so a detached `rm` does it without holding up
 * the build. Names are unique per process, so it never races a later build.
 */
function discardInBackground(dir: string): void {
  if (!existsSync(dir)) return;
  const child = spawn('rm', ['-rf', '--', dir], { detached: true, stdio: 'ignore' });
  child.on('error', () => rmSync(dir, { recursive: true, force: true }));
  child.unref();
}
