/**
 * Starting, watching and stopping one dev server (Eleventy --serve or hugo server) for
 * the rebuild measurement. Each server runs in its own process group so that stopping
 * it stops exactly the processes we started and nothing else.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import type { CommandSpec } from './measure.ts';
import { watchPeak } from './proc-tree.ts';

const live = new Set<number>();
// If the runner dies half-way, do not leave servers behind (only the groups we started).
process.on('exit', () => {
  for (const pgid of live) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
});

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** The built page of a story: <slug>/index.html or <slug>.html anywhere under the output folder. */
export function findOutput(outputDir: string, slug: string): string | undefined {
  if (!existsSync(outputDir)) return undefined;
  for (const entry of readdirSync(outputDir, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    if (entry.isFile() && entry.name === `${slug}.html`) return full;
    if (entry.isDirectory() && entry.name === slug && existsSync(path.join(full, 'index.html'))) return path.join(full, 'index.html');
  }
  return undefined;
}

export interface RunningServer {
  child: ChildProcess;
  log: string;
  exited(): boolean;
  /** Resolves when the log has not grown for `quietMs` (the server is idle). */
  settle(quietMs: number, timeoutMs: number): Promise<boolean>;
  stop(): Promise<number | undefined>;
}

export function startServer(spec: CommandSpec, log: string): RunningServer {
  const fd = openSync(log, 'w');
  const child = spawn(spec.command, spec.args, {
    cwd: spec.cwd,
    env: { ...process.env, FORCE_COLOR: '0', ...spec.env },
    stdio: ['ignore', fd, fd],
    detached: true,
  });
  closeSync(fd);
  let gone = false;
  child.on('exit', () => (gone = true));
  child.on('error', () => (gone = true));
  if (child.pid !== undefined) live.add(child.pid);
  const peak = child.pid === undefined ? undefined : watchPeak(child.pid, 250);
  const logSize = () => (existsSync(log) ? statSync(log).size : 0);
  return {
    child,
    log,
    exited: () => gone,
    async settle(quietMs, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      let size = logSize();
      let since = Date.now();
      while (Date.now() < deadline && !gone) {
        await sleep(100);
        const now = logSize();
        if (now !== size) [size, since] = [now, Date.now()];
        else if (Date.now() - since >= quietMs) return true;
      }
      return false;
    },
    async stop() {
      const rss = peak?.stop();
      if (child.pid === undefined) return rss;
      // Signal the group even if the leader is gone: a child of it (a watcher, pagefind) may not be.
      const signal = (sig: NodeJS.Signals) => {
        try {
          process.kill(-(child.pid as number), sig);
        } catch {
          /* the group is already empty */
        }
      };
      signal('SIGTERM');
      for (let i = 0; i < 50 && !gone; i++) await sleep(100);
      signal('SIGKILL');
      live.delete(child.pid);
      return rss;
    },
  };
}
