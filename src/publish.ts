/**
 * Build elsewhere, swap on success: the output folder is replaced only after the whole
 * build succeeded, by renaming (atomic on one file system), so readers and deploys never
 * see a half-written or failed site.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

export function stagingDirFor(outDir: string): string {
  return path.join(path.dirname(outDir), `.${path.basename(outDir)}.staging-${process.pid}`);
}

export async function publishAtomically(outDir: string, staging: string, render: () => Promise<void>): Promise<boolean> {
  rmSync(staging, { recursive: true, force: true });
  try {
    await render();
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    console.error(`\nBuild failed. Nothing was published; ${path.basename(outDir)}/ is unchanged.`);
    return false;
  }
  const previous = `${staging}.previous`;
  if (existsSync(outDir)) renameSync(outDir, previous);
  renameSync(staging, outDir);
  rmSync(previous, { recursive: true, force: true });
  return true;
}
