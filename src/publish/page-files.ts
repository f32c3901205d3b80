/**
 * The file a page goes to, and writing it: shared by the page writer on the rendering
 * thread (dev server) and the writer threads of production builds (src/publish/output-threads.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The file Eleventy would write for this permalink, relative to the output folder (`/a/b/` → `a/b/index.html`). */
export function pageFileOf(url: string): string {
  const file = path.posix.normalize(`.${url.endsWith('/') ? `${url}index.html` : url}`);
  // URLs come from validated slugs; this is the last line of defence, not a check editors meet.
  if (file === '..' || file.startsWith('../')) throw new Error(`Refusing to write ${url} outside the output folder`);
  return file;
}

/** Writes a page under the output folder by its relative file; `makeFolder` makes its folder ahead. */
export type PageFileWriter = ((file: string, html: string) => void) & { makeFolder(file: string): void };

/** Writes pages under outDir by their relative file, creating each folder once. */
export function pageFileWriter(outDir: string): PageFileWriter {
  const folders = new Set<string>();
  const makeFolder = (file: string) => {
    const dir = path.dirname(path.join(outDir, file));
    if (!folders.has(dir)) mkdirSync(dir, { recursive: true });
    folders.add(dir);
  };
  return Object.assign(
    (file: string, html: string) => {
      makeFolder(file);
      writeFileSync(path.join(outDir, file), html);
    },
    { makeFolder },
  );
}
