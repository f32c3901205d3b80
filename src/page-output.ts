/**
 * Where a production build's pages go once rendered: threads beside the one that
 * renders. Writer threads write each page to disk and pass it on to a checker thread,
 * which runs the link check (src/link-checker.ts) over it. Creating thousands of files
 * costs the file system (and the kernel's time) more than rendering them, and it
 * spreads over two threads; the check scans every page. On their own threads both
 * overlap with rendering (ADR 012).
 *
 * The checker starts on pages only once it knows every file of the site (`ready`), so a
 * page never meets a link to a file it has not heard of yet. Pages travel in batches,
 * and at most a few batches are between the renderer and the end of the check, so none
 * piles up in memory.
 */
import { fileURLToPath } from 'node:url';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import type { BuildOptions } from './build-options.ts';
import type { LinkCheckResult } from './link-checker.ts';

export type LinkCheckMessage =
  | { kind: 'start'; outDir: string; options: Pick<BuildOptions, 'baseUrl' | 'pathPrefix' | 'render'> }
  | { kind: 'files'; files: string[] }
  /** Every file has been announced: pages may be checked. */
  | { kind: 'ready' }
  /** Pages for the check; `write` says whether the writer writes them first (Eleventy wrote its own). */
  | { kind: 'pages'; pages: { rel: string; html: string }[]; write: boolean; batch: number }
  | { kind: 'finish' };

export type OutputReply =
  | { kind: 'checked'; batch: number }
  | { kind: 'result'; result: LinkCheckResult }
  | { kind: 'written'; count: number; error?: string };

export interface PageOutput {
  /** Files the site has (relative to the output folder, "en/index.html") that links may lead to. */
  addFiles(files: string[]): void;
  /** Writes a page (relative path) and link-checks it; resolves when there is room for more. */
  write(rel: string, html: string): Promise<void>;
  /** Link-checks a page something else wrote. */
  check(rel: string, html: string): Promise<void>;
  /** Waits for every page: how many were written, and what the check found. */
  finish(): Promise<{ written: number; links: LinkCheckResult }>;
  stop(): Promise<void>;
}

const WRITERS = 2;
const BATCH = 64;
const IN_FLIGHT = 4;

/**
 * A worker running a TypeScript module (workers do not inherit `--import tsx`). It loads
 * through tsx's CommonJS hook, which compiles in the worker's own thread: the ESM hook
 * would start one more loader thread per worker, about 0.1 s of CPU each (ADR 013).
 */
function tsWorker(module: string, ports: MessagePort[], workerData: Record<string, unknown>): Worker {
  const entry = fileURLToPath(new URL(module, import.meta.url));
  const tsx = fileURLToPath(import.meta.resolve('tsx/cjs/api'));
  return new Worker(`require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(entry)});`, {
    eval: true,
    workerData,
    transferList: ports,
  });
}

export function startPageOutput(outDir: string, options: Pick<BuildOptions, 'baseUrl' | 'pathPrefix' | 'render'>): PageOutput {
  const channels = Array.from({ length: WRITERS }, () => new MessageChannel());
  const writers = channels.map(({ port1 }) => tsWorker('./page-write-worker.ts', [port1], { checker: port1, outDir }));
  const checker = tsWorker('./link-check-worker.ts', channels.map((c) => c.port2), { pages: channels.map((c) => c.port2) });
  // Everything but pages goes through the first writer, in order.
  const send = (message: LinkCheckMessage, writer = 0) => writers[writer]!.postMessage(message);
  send({ kind: 'start', outDir, options: { baseUrl: options.baseUrl, pathPrefix: options.pathPrefix, render: options.render } });

  let failed: Error | undefined;
  const waiting = new Map<number, () => void>();
  let written: { count: number; replies: number; resolve: (n: number) => void; reject: (e: Error) => void } | undefined;
  let checked: { resolve: (r: LinkCheckResult) => void; reject: (e: Error) => void } | undefined;
  const fail = (error: Error) => {
    failed ??= error;
    for (const resume of waiting.values()) resume();
    waiting.clear();
    written?.reject(failed);
    checked?.reject(failed);
  };
  const onReply = (reply: OutputReply) => {
    if (reply.kind === 'result') checked?.resolve(reply.result);
    else if (reply.kind === 'written') {
      if (reply.error) return fail(new Error(`Writing the pages failed: ${reply.error}`));
      if (!written) return;
      written.count += reply.count;
      if (++written.replies === WRITERS) written.resolve(written.count);
    } else {
      waiting.get(reply.batch)?.();
      waiting.delete(reply.batch);
    }
  };
  for (const [worker, name] of [...writers.map((w) => [w, 'page writer'] as const), [checker, 'link check'] as const]) {
    worker.on('message', onReply);
    worker.on('error', (error) => fail(new Error(`The ${name} thread failed: ${error.stack ?? error.message}`)));
    worker.on('exit', (code) => fail(new Error(`The ${name} thread stopped (exit code ${code})`)));
  }

  let ready = false;
  let batch = 0;
  let pending: { rel: string; html: string }[] = [];
  let pendingWrite = false;
  const inFlight: Promise<void>[] = [];
  const flush = async () => {
    if (!ready) {
      send({ kind: 'ready' });
      ready = true;
    }
    if (pending.length) {
      const id = ++batch;
      inFlight.push(new Promise<void>((resolve) => waiting.set(id, resolve)));
      send({ kind: 'pages', pages: pending, write: pendingWrite, batch: id }, id % WRITERS);
      pending = [];
    }
    if (inFlight.length >= IN_FLIGHT) await inFlight.shift();
    if (failed) throw failed;
  };
  const add = async (rel: string, html: string, write: boolean) => {
    if (failed) throw failed;
    if (pending.length && pendingWrite !== write) await flush();
    pendingWrite = write;
    pending.push({ rel, html });
    if (pending.length >= BATCH) await flush();
  };

  return {
    addFiles: (files) => {
      if (ready) throw new Error('All files must be announced before the first page');
      send({ kind: 'files', files });
    },
    write: (rel, html) => add(rel, html, true),
    check: (rel, html) => add(rel, html, false),
    async finish() {
      await flush();
      const count = new Promise<number>((resolve, reject) => (written = { count: 0, replies: 0, resolve, reject }));
      const links = new Promise<LinkCheckResult>((resolve, reject) => (checked = { resolve, reject }));
      if (failed) throw failed;
      for (let w = 0; w < WRITERS; w++) send({ kind: 'finish' }, w);
      const [n, result] = await Promise.all([count, links]);
      return { written: n, links: result };
    },
    async stop() {
      for (const worker of [...writers, checker]) worker.removeAllListeners('exit');
      await Promise.all([...writers, checker].map((w) => w.terminate()));
    },
  };
}
