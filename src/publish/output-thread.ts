/**
 * A page output thread (src/publish/output-threads.ts): writes the pages it is sent
 * (src/publish/page-files.ts) and link-checks them, once every file of the site is known.
 */
import { type MessagePort, parentPort, workerData } from 'node:worker_threads';
import { buildLinkOptions } from './link-check.ts';
import { LinkChecker } from './link-checker.ts';
import type { OutputReply, PageOutputMessage } from './output-threads.ts';
import { pageFileWriter } from './page-files.ts';

type Pages = Extract<PageOutputMessage, { kind: 'pages' }>;

function serve(port: MessagePort, outDir: string): void {
  const write = pageFileWriter(outDir);
  const reply = (message: OutputReply) => port.postMessage(message);
  let checker: LinkChecker | undefined;
  let ready = false;
  let written = 0;
  let failure: string | undefined;
  const held: Pages[] = [];

  const check = (message: Pages) => {
    for (const { rel, html } of message.pages) checker!.checkPage(rel, html);
    reply({ kind: 'checked', batch: message.batch });
  };

  port.on('message', (message: PageOutputMessage) => {
    if (message.kind === 'start') checker = new LinkChecker(message.outDir, buildLinkOptions(message.options));
    else if (message.kind === 'files') checker!.addFiles(message.files);
    else if (message.kind === 'folders') {
      try {
        for (const file of message.files) write.makeFolder(file);
      } catch (error) {
        failure ??= error instanceof Error ? error.message : String(error);
      }
    } else if (message.kind === 'ready') {
      ready = true;
      for (const pages of held.splice(0)) check(pages);
    } else if (message.kind === 'pages') {
      if (message.write && !failure) {
        try {
          for (const { rel, html } of message.pages) {
            write(rel, html);
            written++;
          }
        } catch (error) {
          failure = error instanceof Error ? error.message : String(error);
        }
      }
      if (ready) check(message);
      else held.push(message);
    } else reply({ kind: 'finished', written, links: checker!.result, ...(failure ? { error: failure } : {}) });
  });
}

serve(parentPort!, (workerData as { outDir: string }).outDir);
