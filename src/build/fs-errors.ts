/**
 * A file system's refusal (a full or read-only disk, a missing permission) as a sentence
 * an editor or an operator can act on: what could not be done, where, why, and what to
 * do — never a bare `ENOSPC` or a stack trace, and never the usage text, which would say
 * the command was called wrongly.
 */
import { statfsSync } from 'node:fs';
import path from 'node:path';

const REASONS: Readonly<Record<string, [reason: string, fix: string]>> = {
  ENOSPC: ['the disk is full', 'free some space on that disk (or build to another with --out) and run the command again'],
  EDQUOT: ['the disk quota is used up', 'free some space, or ask for a larger quota, and run the command again'],
  EROFS: ['the file system is read-only', 'build to a folder you can write (--out), or mount that disk read-write'],
  EACCES: ['permission was denied', 'check who owns the folder and its permissions, or build to another folder (--out)'],
  EPERM: ['the operation is not permitted there', 'check who owns the folder and its permissions, or build to another folder (--out)'],
  EMFILE: ['too many files are open', 'raise the limit of open files (ulimit -n) and run the command again'],
  ENFILE: ['the system has too many files open', 'close other programs and run the command again'],
  EIO: ['the disk reported an input/output error', 'check the disk; the file system may be damaged'],
  ENOTDIR: ['a part of the path is a file, not a folder', 'remove or rename that file, or choose another folder'],
  ENAMETOOLONG: ['a file name is too long for the file system', 'shorten the slug, tag or alias that makes it'],
  EXDEV: ['the paths are on different disks', 'keep the output and its staging folder on one disk'],
};

const ACTIONS: Readonly<Record<string, string>> = {
  open: 'write',
  write: 'write',
  mkdir: 'create the folder',
  mkdtemp: 'create a folder in',
  rename: 'move',
  symlink: 'make the link',
  link: 'link',
  copyfile: 'copy',
  cp: 'copy',
  unlink: 'remove',
  rm: 'remove',
  rmdir: 'remove',
  scandir: 'read the folder',
  read: 'read',
  stat: 'look at',
  lstat: 'look at',
};

/** The file system error inside `error`: libraries (Eleventy) wrap it as `originalError` or `cause`. */
function errnoIn(error: unknown): (NodeJS.ErrnoException & { dest?: string }) | undefined {
  for (let e = error as { code?: unknown; originalError?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 8; depth++) {
    if (typeof e.code === 'string' && Object.hasOwn(REASONS, e.code)) return e as NodeJS.ErrnoException;
    e = (e.originalError ?? e.cause) as typeof e;
  }
  return undefined;
}

/** Whether the file system holding `file` (or its nearest existing folder) has next to no space left. */
function fullDisk(file: string | undefined): boolean {
  for (let dir = file; dir && dir !== path.dirname(dir); dir = path.dirname(dir)) {
    try {
      const s = statfsSync(dir);
      return s.bavail * s.bsize < 1024 * 1024;
    } catch {
      // Not there (yet): its parent.
    }
  }
  return false;
}

/** The sentence for a file system error, or undefined when `error` is something else. */
export function describeFileSystemError(error: unknown): string | undefined {
  const found = errnoIn(error);
  if (!found) return undefined;
  // Some writers (a copy across disks, Pagefind) report a full disk as an I/O error.
  const e = found.code === 'EIO' && fullDisk(found.path) ? Object.assign(Object.create(found), { code: 'ENOSPC' }) : found;
  const known = REASONS[e.code as string];
  if (!known) return undefined;
  const [reason, fix] = known;
  const action = (e.syscall && ACTIONS[e.syscall]) ?? 'write';
  const where = e.path ? ` ${e.path}${e.dest ? ` to ${e.dest}` : ''}` : '';
  return `could not ${action}${where}: ${reason} (${e.code}); ${fix}`;
}
