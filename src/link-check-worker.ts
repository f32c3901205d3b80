/** The link check thread (src/page-output.ts): checks the pages the writer passes on, then reports. */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { buildLinkOptions } from './link-check.ts';
import { LinkChecker } from './link-checker.ts';
import type { LinkCheckMessage, OutputReply } from './page-output.ts';

const pages = (workerData as { pages: MessagePort }).pages;
const reply = (message: OutputReply) => parentPort!.postMessage(message);
let checker: LinkChecker | undefined;

pages.on('message', (message: LinkCheckMessage) => {
  if (message.kind === 'start') checker = new LinkChecker(message.outDir, buildLinkOptions(message.options));
  else if (message.kind === 'files') checker!.addFiles(message.files);
  else if (message.kind === 'pages') {
    for (const { rel, html } of message.pages) checker!.checkPage(rel, html);
    reply({ kind: 'checked', batch: message.batch });
  } else reply({ kind: 'result', result: checker!.result });
});
