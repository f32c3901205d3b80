/**
 * A file's path below a folder, with forward slashes (`content/en/a.md`). Files the
 * loader lists are normalised paths under their folder, so the folder is sliced off;
 * path.relative, which resolves both paths on every call, is the fallback for anything
 * else: it runs once or twice per story, on the check's hot path (ADR 016).
 */
import path from 'node:path';

export function pathBelow(dir: string, file: string): string {
  const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
  const below = file.startsWith(prefix) ? file.slice(prefix.length) : path.relative(dir, file);
  return path.sep === '/' ? below : below.split(path.sep).join('/');
}
