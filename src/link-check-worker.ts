/** The link check thread (src/link-check-thread.ts): checks the pages it is sent, then reports. */
import { parentPort } from 'node:worker_threads';
import { buildLinkOptions, LinkChecker } from './link-check.ts';
import type { LinkCheckMessage, LinkCheckReply } from './link-check-thread.ts';

const port = parentPort!;
const reply = (message: LinkCheckReply) => port.postMessage(message);
let checker: LinkChecker | undefined;

port.on('message', (message: LinkCheckMessage) => {
  if (message.kind === 'start') checker = new LinkChecker(message.outDir, buildLinkOptions(message.options));
  else if (message.kind === 'files') checker!.addFiles(message.files);
  else if (message.kind === 'pages') {
    for (const { rel, html } of message.pages) checker!.checkPage(rel, html);
    reply({ kind: 'done', batch: message.batch });
  } else reply({ kind: 'result', result: checker!.result });
});
