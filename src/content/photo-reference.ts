import { closeSync, existsSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathBelow } from './path-below.ts';

const IMAGE_EXTENSIONS: ReadonlySet<string> = new Set(['.jpg', '.jpeg', '.png', '.webp', '.avif', '.gif', '.tif', '.tiff']);

/**
 * Resolves `photo.src` (relative to the article file) to a repo-relative path, refusing
 * anything that is missing, not a file, not an image, or outside the repository
 * (including through `..`, an absolute path or a symbolic link).
 */
export function checkPhoto(
  src: string,
  articleFile: string,
  rootDir: string,
  fileCheck: typeof checkPhotoFile = checkPhotoFile,
): { path: string; file: string } | { problem: string } {
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//')) {
    return { problem: `"${src}" is a URL: commit the photo beside the article and write its file name, e.g. \`src: market.jpg\`` };
  }
  if (path.isAbsolute(src)) {
    return { problem: `"${src}" is an absolute path: write the path relative to the article file, e.g. \`src: market.jpg\`` };
  }
  const absolute = path.resolve(path.dirname(articleFile), src);
  const problem = fileCheck(absolute, rootDir);
  if (problem) return { problem: problem(src) };
  return { path: pathBelow(rootDir, absolute), file: absolute };
}

/**
 * What is wrong with the photo file at `absolute`, whatever path an article reaches it
 * by, as a message naming it as the article wrote it (`src`); undefined for an image
 * file inside the repository. Stories in many folders share a photo: the loader asks
 * once per file.
 */
export function checkPhotoFile(absolute: string, rootDir: string): ((src: string) => string) | undefined {
  const realRoot = realpathSync(rootDir);
  const inside = (p: string) => p === realRoot || p.startsWith(realRoot + path.sep);
  if (!inside(absolute)) {
    return (src) => `"${src}" points outside the repository: commit the photo beside the article and refer to it by file name`;
  }
  if (!existsSync(absolute)) {
    const at = path.relative(rootDir, absolute).split(path.sep).join('/');
    return (src) => `"${src}" does not exist next to the article: commit the photo at ${at} or fix the file name`;
  }
  const real = realpathSync(absolute);
  if (!inside(real)) return (src) => `"${src}" is a link to a file outside the repository: commit the photo itself`;
  if (!statSync(real).isFile()) return (src) => `"${src}" is a folder, not a photo file`;
  if (!IMAGE_EXTENSIONS.has(path.extname(real).toLowerCase())) {
    return (src) => `"${src}" is not a photo: use a JPEG, PNG, WebP or AVIF file`;
  }
  const sniffed = sniff(real);
  return sniffed ? (src) => failureMessage(src, sniffed) : undefined;
}

/** Why a photo file cannot be used: the same three kinds the photos stage finds with sharp (src/photos/inspect.ts). */
export interface Failure {
  failure: 'unreadable' | 'text' | 'damaged';
  detail: string;
}

/** The first bytes of every format sharp reads for us, so the loader catches a wrong file in its one pass. */
const SIGNATURES: readonly (readonly (number | undefined)[])[] = [
  [0xff, 0xd8, 0xff], // JPEG
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0x47, 0x49, 0x46, 0x38], // GIF8
  [0x52, 0x49, 0x46, 0x46, undefined, undefined, undefined, undefined, 0x57, 0x45, 0x42, 0x50], // RIFF....WEBP
  [undefined, undefined, undefined, undefined, 0x66, 0x74, 0x79, 0x70], // ....ftyp (AVIF, HEIF)
  [0x49, 0x49, 0x2a, 0x00], // TIFF, little-endian
  [0x4d, 0x4d, 0x00, 0x2a], // TIFF, big-endian
];

function sniff(file: string): Failure | undefined {
  const head = Buffer.alloc(512);
  let length: number;
  try {
    const fd = openSync(file, 'r');
    try {
      length = readSync(fd, head, 0, head.length, 0);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    return { failure: 'unreadable', detail: (error as NodeJS.ErrnoException).code ?? String(error) };
  }
  const bytes = head.subarray(0, length);
  if (SIGNATURES.some((sig) => sig.every((b, i) => b === undefined || bytes[i] === b))) return undefined;
  const looksLikeText = length > 0 && !bytes.includes(0) && isUtf8(bytes);
  return looksLikeText
    ? { failure: 'text', detail: '' }
    : { failure: 'damaged', detail: 'its first bytes are not those of a JPEG, PNG, WebP, AVIF, GIF or TIFF file' };
}

export function failureMessage(src: string, f: Failure): string {
  return {
    unreadable: `"${src}" cannot be read (${f.detail}): check that the file is committed and readable`,
    text: `"${src}" is a text file, not a photo, although its name says it is an image: commit the photo itself`,
    damaged: `"${src}" is damaged or not an image (${f.detail}): export the photo again as JPEG and commit it`,
  }[f.failure];
}

export function isUtf8(bytes: Buffer): boolean {
  try {
    // A cut at 512 bytes may split a character, so a trailing partial one is allowed.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, Math.max(0, bytes.length - 3)));
    return true;
  } catch {
    return false;
  }
}
