/**
 * The link check thread (src/page-output.ts): checks the pages the writers pass on,
 * once every file of the site is known, and reports when every writer has finished.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { buildLinkOptions } from './link-check.ts';
import { LinkChecker } from './link-checker.ts';
import type { LinkCheckMessage, OutputReply } from './page-output.ts';

const writers = (workerData as { pages: MessagePort[] }).pages;
const reply = (message: OutputReply) => parentPort!.postMessage(message);
let checker: LinkChecker | undefined;
let ready = false;
let finished = 0;
const waiting: Extract<LinkCheckMessage, { kind: 'pages' }>[] = [];

const check = (message: Extract<LinkCheckMessage, { kind: 'pages' }>) => {
  for (const { rel, html } of message.pages) checker!.checkPage(rel, html);
  reply({ kind: 'checked', batch: message.batch });
};

for (const port of writers) {
  port.on('message', (message: LinkCheckMessage) => {
    if (message.kind === 'start') checker = new LinkChecker(message.outDir, buildLinkOptions(message.options));
    else if (message.kind === 'files') checker!.addFiles(message.files);
    else if (message.kind === 'ready') {
      ready = true;
      for (const held of waiting.splice(0)) check(held);
    } else if (message.kind === 'pages') {
      if (ready) check(message);
      else waiting.push(message);
    } else if (++finished === writers.length) reply({ kind: 'result', result: checker!.result });
  });
}
