/**
 * Where a production build's pages go once rendered: two page output threads beside the
 * one that renders. Each writes the pages it is sent to disk and runs the link check
 * (src/publish/link-checker.ts) over them; the build adds up the two checks. Creating thousands
 * of files costs the file system (and the kernel's time) more than rendering them, and
 * the check scans every page: on their own threads both overlap with rendering, and each
 * page crosses between threads once (ADR 012).
 *
 * A thread checks pages only once it knows every file of the site (`ready`), so a page
 * never meets a link to a file it has not heard of yet. Pages travel in batches, and at
 * most a few batches are between the renderer and the end of the check, so none piles up
 * in memory.
 */
import { Worker } from 'node:worker_threads';
import type { BuildOptions } from '../build/options.ts';
import { inPageOrder, type LinkCheckResult } from './link-checker.ts';

export type PageOutputMessage =
  | { kind: 'start'; outDir: string; options: Pick<BuildOptions, 'baseUrl' | 'pathPrefix' | 'render'> }
  | { kind: 'files'; files: string[] }
  /** Pages about to be written, whose folders can be made ahead. */
  | { kind: 'folders'; files: string[] }
  /** Every file has been announced: pages may be checked. */
  | { kind: 'ready' }
  /** Pages to check; `write` says whether to write them first (Eleventy wrote its own). */
  | { kind: 'pages'; pages: { rel: string; html: string }[]; write: boolean; batch: number }
  | { kind: 'finish' };

export type OutputReply = { kind: 'checked'; batch: number } | { kind: 'finished'; written: number; links: LinkCheckResult; error?: string };

export interface PageOutput {
  /** Files the site has (relative to the output folder, "en/index.html") that links may lead to. */
  addFiles(files: string[]): void;
  /**
   * Makes the folders of pages to be written later, on the first thread, while the
   * rendering thread is busy elsewhere (Eleventy): making thousands of folders is most of
   * what writing costs the file system. The other thread makes any it meets first.
   */
  makeFolders(files: string[]): void;
  /** Writes a page (relative path) and link-checks it; resolves when there is room for more. */
  write(rel: string, html: string): Promise<void>;
  /** Link-checks a page something else wrote. */
  check(rel: string, html: string): Promise<void>;
  /** Waits for every page: how many were written, and what the check found. */
  finish(): Promise<{ written: number; links: LinkCheckResult }>;
  stop(): Promise<void>;
}

const THREADS = 2;
const BATCH = 64;
const IN_FLIGHT = 4;

/** A page output thread: Node runs its TypeScript as it is. */
function outputThread(workerData: Record<string, unknown>): Worker {
  return new Worker(new URL('./output-thread.ts', import.meta.url), { workerData });
}

export function startPageOutput(outDir: string, options: Pick<BuildOptions, 'baseUrl' | 'pathPrefix' | 'render'>): PageOutput {
  const threads = Array.from({ length: THREADS }, () => outputThread({ outDir }));
  const send = (message: PageOutputMessage, thread = threads[0]!) => thread.postMessage(message);
  const sendAll = (message: PageOutputMessage) => {
    for (const t of threads) send(message, t);
  };
  sendAll({ kind: 'start', outDir, options: { baseUrl: options.baseUrl, pathPrefix: options.pathPrefix, render: options.render } });

  let failed: Error | undefined;
  const waiting = new Map<number, () => void>();
  let finished: { replies: Extract<OutputReply, { kind: 'finished' }>[]; resolve: () => void; reject: (e: Error) => void } | undefined;
  const fail = (error: Error) => {
    failed ??= error;
    for (const resume of waiting.values()) resume();
    waiting.clear();
    finished?.reject(failed);
  };
  const onReply = (reply: OutputReply) => {
    if (reply.kind === 'finished') {
      if (reply.error) return fail(new Error(`Writing the pages failed: ${reply.error}`));
      finished?.replies.push(reply);
      if (finished?.replies.length === THREADS) finished.resolve();
    } else {
      waiting.get(reply.batch)?.();
      waiting.delete(reply.batch);
    }
  };
  for (const thread of threads) {
    thread.on('message', onReply);
    thread.on('error', (error) => fail(new Error(`A page output thread failed: ${error.stack ?? error.message}`)));
    thread.on('exit', (code) => fail(new Error(`A page output thread stopped (exit code ${code})`)));
  }

  let ready = false;
  let batch = 0;
  let pending: { rel: string; html: string }[] = [];
  let pendingWrite = false;
  const inFlight: Promise<void>[] = [];
  const flush = async () => {
    if (!ready) {
      sendAll({ kind: 'ready' });
      ready = true;
    }
    if (pending.length) {
      const id = ++batch;
      inFlight.push(new Promise<void>((resolve) => waiting.set(id, resolve)));
      send({ kind: 'pages', pages: pending, write: pendingWrite, batch: id }, threads[id % THREADS]);
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
      sendAll({ kind: 'files', files });
    },
    makeFolders: (files) => send({ kind: 'folders', files }),
    write: (rel, html) => add(rel, html, true),
    check: (rel, html) => add(rel, html, false),
    async finish() {
      await flush();
      const done = new Promise<void>((resolve, reject) => (finished = { replies: [], resolve, reject }));
      if (failed) throw failed;
      sendAll({ kind: 'finish' });
      await done;
      const replies = finished!.replies;
      // Each page was checked on one thread: in page order, the broken links are those one checker gives.
      const broken = inPageOrder(replies.flatMap((r) => r.links.broken));
      const links = { pages: sum(replies.map((r) => r.links.pages)), links: sum(replies.map((r) => r.links.links)), broken };
      return { written: sum(replies.map((r) => r.written)), links };
    },
    async stop() {
      for (const thread of threads) thread.removeAllListeners('exit');
      await Promise.all(threads.map((t) => t.terminate()));
    },
  };
}

const sum = (numbers: number[]) => numbers.reduce((a, b) => a + b, 0);
