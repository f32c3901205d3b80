/**
 * A page writer thread (src/page-output.ts): writes the pages it is sent
 * (src/page-files.ts) and passes every message on to the link check thread.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { pageFileWriter } from './page-files.ts';
import type { LinkCheckMessage, OutputReply } from './page-output.ts';

const { checker, outDir } = workerData as { checker: MessagePort; outDir: string };
const write = pageFileWriter(outDir);
let count = 0;
let failure: string | undefined;

parentPort!.on('message', (message: LinkCheckMessage) => {
  if (message.kind === 'pages' && message.write && !failure) {
    try {
      for (const { rel, html } of message.pages) {
        write(rel, html);
        count++;
      }
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
    }
  }
  if (message.kind === 'finish') parentPort!.postMessage({ kind: 'written', count, ...(failure ? { error: failure } : {}) } satisfies OutputReply);
  checker.postMessage(message);
});
