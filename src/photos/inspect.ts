/**
 * Reads a photo's header with sharp, once per file content: its real format and
 * displayed size, and the hash the image cache is keyed by. sharp looks at the bytes,
 * not the name, so a damaged file is caught before the build encodes anything.
 *
 * What was read is kept across builds in the image cache folder, by file and stat (as
 * the article cache finds unchanged stories), so a build or check whose photos are
 * unchanged reads none of them and never loads sharp.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { CacheFile, untouchedStamp } from '../build/cache-file.ts';
import { sharp } from '../build/on-first-use.ts';
import { sharpVersion } from './encode.ts';

/** What the pipeline needs to know about a photo file, read once per file content. */
export interface PhotoInfo {
  /** sha256 of the bytes: the image cache is keyed by it, never by name or date. */
  hash: string;
  /** Dimensions as displayed, i.e. after the EXIF orientation is applied. */
  width: number;
  height: number;
  format: string;
}

export type Inspection = PhotoInfo | { failure: 'unreadable' | 'text' | 'damaged'; detail: string };

const inspections = new Map<string, { stamp: string; result: Promise<Inspection> }>();

/** Photos read by earlier builds, by absolute file; only readable photos are kept. */
export class InspectionStore extends CacheFile<{ stamp: string; info: PhotoInfo }> {
  constructor(imageCacheDir: string) {
    super(imageCacheDir, 'inspections', sharpVersion());
  }
}

/**
 * Memoised while the file is untouched (src/build/cache-file.ts): in this process (the dev
 * server rebuilds often) and, with a store, across builds. Save the store once every
 * photo is inspected.
 */
export async function inspectPhotoFile(file: string, store?: InspectionStore): Promise<Inspection> {
  let stamp: string;
  try {
    const s = await stat(file);
    stamp = untouchedStamp(s);
  } catch (error) {
    return { failure: 'unreadable', detail: (error as NodeJS.ErrnoException).code ?? String(error) };
  }
  // Asked even on an in-process hit: the store keeps only the entries a build asked for.
  const kept = store?.get(file);
  const hit = inspections.get(file);
  if (hit?.stamp === stamp) return hit.result;
  const result: Promise<Inspection> =
    kept?.stamp === stamp
      ? Promise.resolve(kept.info)
      : withReadSlot(() => readInspection(file)).then((inspection) => {
          if (!('failure' in inspection)) store?.set(file, { stamp, info: inspection });
          return inspection;
        });
  inspections.set(file, { stamp, result });
  return result;
}

/** A few photos in memory at a time: a newsroom has thousands, each several megabytes. */
const READ_SLOTS = 8;
let reading = 0;
const waiting: (() => void)[] = [];

async function withReadSlot<T>(task: () => Promise<T>): Promise<T> {
  // A finished task hands its slot straight to the next waiting one.
  if (reading >= READ_SLOTS) await new Promise<void>((resolve) => waiting.push(resolve));
  else reading++;
  try {
    return await task();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else reading--;
  }
}

async function readInspection(file: string): Promise<Inspection> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return { failure: 'unreadable', detail: (error as NodeJS.ErrnoException).code ?? String(error) };
  }
  try {
    const meta = await sharp()(bytes).metadata();
    const { width, height } = meta.autoOrient;
    if (!width || !height) return { failure: 'damaged', detail: 'no dimensions in its header' };
    return { hash: createHash('sha256').update(bytes).digest('hex'), width, height, format: meta.format };
  } catch (error) {
    const head = bytes.subarray(0, 512);
    const looksLikeText = head.length > 0 && !head.includes(0) && isUtf8(head);
    return { failure: looksLikeText ? 'text' : 'damaged', detail: String((error as Error).message).split('\n')[0]! };
  }
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
