/**
 * Peak memory of a process tree from /proc, for when GNU time is missing and for dev
 * servers (which we stop with a signal, so no exit report). VmHWM is each process's own
 * high-water mark; we keep the largest, which matches what GNU time's %M reports.
 */
import { readFileSync } from 'node:fs';

function children(pid: number): number[] {
  try {
    // One file per thread; the main thread's id is the pid. Needs CONFIG_PROC_CHILDREN (Debian has it).
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

function hwmKb(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0; // exited between listing and reading
  }
}

export function treePeakKb(root: number): number {
  let peak = 0;
  const queue = [root];
  for (let pid = queue.shift(); pid !== undefined; pid = queue.shift()) {
    peak = Math.max(peak, hwmKb(pid));
    queue.push(...children(pid));
  }
  return peak;
}

/** Samples the tree every `everyMs` until stopped; short-lived children between samples can be missed. */
export function watchPeak(root: number, everyMs = 100): { stop(): number } {
  let peak = treePeakKb(root);
  const timer = setInterval(() => {
    peak = Math.max(peak, treePeakKb(root));
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, treePeakKb(root));
    },
  };
}
