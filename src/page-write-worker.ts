/**
 * A page writer thread (src/page-output.ts): writes the pages it is sent, each folder
 * created once, and passes every message on to the link check thread.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { LinkCheckMessage, OutputReply } from './page-output.ts';

const { checker, outDir } = workerData as { checker: MessagePort; outDir: string };
const folders = new Set<string>();
let count = 0;
let failure: string | undefined;

parentPort!.on('message', (message: LinkCheckMessage) => {
  if (message.kind === 'pages' && message.write && !failure) {
    try {
      for (const { rel, html } of message.pages) {
        const file = path.join(outDir, rel);
        const dir = path.dirname(file);
        if (!folders.has(dir)) mkdirSync(dir, { recursive: true });
        folders.add(dir);
        writeFileSync(file, html);
        count++;
      }
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
    }
  }
  if (message.kind === 'finish') parentPort!.postMessage({ kind: 'written', count, ...(failure ? { error: failure } : {}) } satisfies OutputReply);
  checker.postMessage(message);
});
