/**
 * Build elsewhere, swap on success: the output folder is replaced only after the whole
 * build succeeded, by renaming (atomic on one file system), so readers and deploys never
 * see a half-written or failed site.
 */
import { spawn } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

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

export async function publishAtomically(outDir: string, staging: string, render: () => Promise<void>): Promise<boolean> {
  rmSync(staging, { recursive: true, force: true });
  try {
    await render();
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    console.error(error instanceof BuildStopped ? error.message : error instanceof Error ? (error.stack ?? error.message) : error);
    console.error(`\nBuild failed. Nothing was published; ${path.basename(outDir)}/ is unchanged.`);
    return false;
  }
  const previous = `${staging}.previous`;
  if (existsSync(outDir)) renameSync(outDir, previous);
  renameSync(staging, outDir);
  discardInBackground(previous);
  return true;
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
