/**
 * The folder of Masthead's code (the repository): the nearest folder above a module with
 * a package.json. Found from the module's own URL, so it is the same whether the module
 * runs from its source under src/ (tsx) or from a compiled bundle under .cache/cli/
 * (src/cli/run-compiled.mjs, ADR 015).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export function codeRoot(moduleUrl: string): string {
  let dir = path.dirname(fileURLToPath(moduleUrl));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${fileURLToPath(moduleUrl)}`);
    dir = parent;
  }
  return dir;
}
