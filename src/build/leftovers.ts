/**
 * What killed builds leave behind — a staging folder beside the output
 * (`._site.staging-<pid>`), an image encode's private folder (`.cache/images/tmp-<pid>-…`),
 * a store's temporary file — is named by the process that made it, so the next build can
 * tell a dead build's leftovers from a running one's and remove only those.
 */
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

/** Whether a process with this id is running (one of another user counts as running). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the entries of `dir` whose name `pidOf` reads a process id from, when that
 * process is not running (never this one). Best effort: a leftover that cannot be removed
 * now is tried again by the next build.
 */
export function removeLeftovers(dir: string, pidOf: (name: string) => number | undefined): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const pid = pidOf(name);
    if (pid === undefined || pid === process.pid || isRunning(pid)) continue;
    try {
      rmSync(path.join(dir, name), { recursive: true, force: true });
      removed.push(name);
    } catch {
      // Tried again next time.
    }
  }
  return removed;
}
