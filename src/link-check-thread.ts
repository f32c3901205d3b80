/**
 * The link check (src/link-check.ts) on a second thread: the build hands it every page as
 * it renders it and goes on rendering, while the check scans the pages on the other core
 * (ADR 012). Pages travel in batches; at most a few batches are in flight, so a fast
 * renderer never piles up pages in memory waiting for the check.
 */
import { Worker } from 'node:worker_threads';
import type { BuildOptions } from './build-options.ts';
import type { LinkCheckResult } from './link-check.ts';

export type LinkCheckMessage =
  | { kind: 'start'; outDir: string; options: Pick<BuildOptions, 'baseUrl' | 'pathPrefix' | 'render'> }
  | { kind: 'files'; files: string[] }
  | { kind: 'pages'; pages: { rel: string; html: string }[]; batch: number }
  | { kind: 'finish' };

export type LinkCheckReply = { kind: 'done'; batch: number } | { kind: 'result'; result: LinkCheckResult };

export interface LinkCheckThread {
  /** Files the site has (relative to the output folder, "en/index.html") that links may lead to. */
  addFiles(files: string[]): void;
  /** Queues a page for the check; resolves when there is room for more. */
  check(rel: string, html: string): Promise<void>;
  /** Waits for every queued page; what the check found. */
  finish(): Promise<LinkCheckResult>;
  stop(): Promise<void>;
}

const BATCH = 64;
const IN_FLIGHT = 4;

export function startLinkCheckThread(outDir: string, options: Pick<BuildOptions, 'baseUrl' | 'pathPrefix' | 'render'>): LinkCheckThread {
  const entry = new URL('./link-check-worker.ts', import.meta.url).href;
  // Workers do not inherit `--import tsx`; the worker registers it before importing the entry.
  const tsx = import.meta.resolve('tsx/esm/api');
  const worker = new Worker(`import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`, { eval: true });
  const send = (message: LinkCheckMessage) => worker.postMessage(message);
  send({ kind: 'start', outDir, options: { baseUrl: options.baseUrl, pathPrefix: options.pathPrefix, render: options.render } });

  let failed: Error | undefined;
  const waiting = new Map<number, () => void>();
  let settle: { resolve: (r: LinkCheckResult) => void; reject: (e: Error) => void } | undefined;
  const fail = (error: Error) => {
    failed ??= error;
    for (const resume of waiting.values()) resume();
    waiting.clear();
    settle?.reject(failed);
  };
  worker.on('message', (reply: LinkCheckReply) => {
    if (reply.kind === 'result') return settle?.resolve(reply.result);
    waiting.get(reply.batch)?.();
    waiting.delete(reply.batch);
  });
  worker.on('error', (error) => fail(new Error(`The link check failed: ${error.stack ?? error.message}`)));
  worker.on('exit', (code) => fail(new Error(`The link check thread stopped (exit code ${code})`)));

  let batch = 0;
  let pending: { rel: string; html: string }[] = [];
  const inFlight: Promise<void>[] = [];
  const flush = async () => {
    if (pending.length) {
      const id = ++batch;
      inFlight.push(new Promise<void>((resolve) => waiting.set(id, resolve)));
      send({ kind: 'pages', pages: pending, batch: id });
      pending = [];
    }
    if (inFlight.length >= IN_FLIGHT) await inFlight.shift();
    if (failed) throw failed;
  };

  return {
    addFiles: (files) => send({ kind: 'files', files }),
    async check(rel, html) {
      if (failed) throw failed;
      pending.push({ rel, html });
      if (pending.length >= BATCH) await flush();
    },
    async finish() {
      await flush();
      const result = new Promise<LinkCheckResult>((resolve, reject) => {
        settle = { resolve, reject };
        if (failed) reject(failed);
      });
      send({ kind: 'finish' });
      return result;
    },
    async stop() {
      worker.removeAllListeners('exit');
      await worker.terminate();
    },
  };
}
