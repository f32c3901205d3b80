/**
 * Vitest global setup: every test run gets one temporary folder of its own, as TMPDIR
 * for the test processes and the builds and browsers they start, and removes it at the
 * end. Tests create hundreds of fixture sites; without this they pile up in the
 * system's temporary folder run after run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(path.join(tmpdir(), 'masthead-tests-'));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(root, { recursive: true, force: true });
  };
}
