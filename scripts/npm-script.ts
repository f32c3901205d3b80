/**
 * The Node arguments of an npm script (`"check": "node …"` in package.json), so that the
 * benchmark and the tests run exactly what editors run with `npm run <name>`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export function npmScriptArgs(repoDir: string, name: string): string[] {
  const scripts = (JSON.parse(readFileSync(path.join(repoDir, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const [command, ...args] = (scripts[name] ?? '').split(/\s+/);
  if (command !== 'node') throw new Error(`npm run ${name} is not a "node …" command: ${scripts[name]}`);
  // Paths in the script are relative to the repository; the caller may run elsewhere.
  return args.map((a) => (a.startsWith('./') || a.startsWith('src/') ? path.join(repoDir, a) : a));
}
