/**
 * Runs one command to completion and reports wall time, peak RSS and CPU time. Output
 * goes to a log file, never a pipe we might stop reading (an Eleventy build error plus
 * EPIPE spins at 100 % CPU, see STACK.md).
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import { watchPeak } from './proc-tree.ts';

export interface CommandSpec {
  command: string;
  args: string[];
  cwd: string;
  env?: Record<string, string>;
}

export interface RunResult {
  ok: boolean;
  wallMs: number;
  peakRssKb?: number;
  /** user + system CPU of the whole tree, when GNU time is there to tell us. */
  cpuMs?: number;
  exitCode: number | null;
  log: string;
}

export const GNU_TIME = '/usr/bin/time';
export const hasGnuTime = (): boolean => existsSync(GNU_TIME);

export function lastLines(file: string, n = 8): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-n).join('\n');
  } catch {
    return '';
  }
}

export async function runTimed(spec: CommandSpec, log: string, timeoutMs: number): Promise<RunResult> {
  const useTime = hasGnuTime();
  const timeFile = `${log}.time`;
  rmSync(timeFile, { force: true });
  // GNU time adds ~1 ms and reports the largest process's max RSS (%M) and the tree's CPU (%U %S).
  const [command, args] = useTime ? [GNU_TIME, ['-f', '%M %U %S', '-o', timeFile, spec.command, ...spec.args]] : [spec.command, spec.args];
  const fd = openSync(log, 'w');
  const started = performance.now();
  // detached: its own process group, so a timeout can stop the whole tree and nothing else.
  const child = spawn(command, args, {
    cwd: spec.cwd,
    env: { ...process.env, FORCE_COLOR: '0', ...spec.env },
    stdio: ['ignore', fd, fd],
    detached: true,
  });
  const peak = useTime || child.pid === undefined ? undefined : watchPeak(child.pid);
  const timer = setTimeout(() => {
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
  }, timeoutMs);
  const exitCode = await new Promise<number | null>((resolve) => {
    child.on('error', () => resolve(null));
    child.on('exit', (code) => resolve(code));
  });
  const wallMs = performance.now() - started;
  clearTimeout(timer);
  closeSync(fd);

  let peakRssKb = peak?.stop();
  let cpuMs: number | undefined;
  if (useTime && existsSync(timeFile)) {
    // The last line: GNU time writes "Command exited with non-zero status N" above it on failure.
    const m = /(\d+) ([\d.]+) ([\d.]+)\s*$/.exec(readFileSync(timeFile, 'utf8'));
    if (m) {
      peakRssKb = Number(m[1]);
      cpuMs = (Number(m[2]) + Number(m[3])) * 1000;
    }
  }
  return { ok: exitCode === 0, wallMs, peakRssKb, cpuMs, exitCode, log };
}
