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
import { sharp } from '../build/on-first-use.ts';
import { Store, untouchedStamp } from '../build/store.ts';
import type { ArticleFacts } from '../content/article.ts';
import { failureMessage, isUtf8 } from '../content/photo-reference.ts';
import type { ContentProblem } from '../content/problems.ts';
import { sharpVersion } from './encode.ts';
import { cropBox, MIN_FRAME_WIDTH, PAGE_FRAME, parseFocus } from './frames.ts';

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

/** A few photos in memory at a time: a newsroom has thousands, each several megabytes. */
const READ_SLOTS = 8;

/**
 * What was read of each photo: kept across builds in the image cache folder (readable
 * photos only, by file and stat), and in this process while a file is untouched (the
 * dev server rebuilds often). Save it once every photo is inspected.
 */
export class PhotoInspections {
  readonly #store: Store<{ stamp: string; info: PhotoInfo }>;
  readonly #inProcess = new Map<string, { stamp: string; result: Promise<Inspection> }>();
  #reading = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(imageCacheDir: string) {
    this.#store = new Store(imageCacheDir, 'inspections', sharpVersion());
  }

  async inspect(file: string): Promise<Inspection> {
    let stamp: string;
    try {
      stamp = untouchedStamp(await stat(file));
    } catch (error) {
      return { failure: 'unreadable', detail: (error as NodeJS.ErrnoException).code ?? String(error) };
    }
    // Asked even on an in-process hit: the store keeps only the entries a build asked for.
    const kept = this.#store.get(file);
    const hit = this.#inProcess.get(file);
    if (hit?.stamp === stamp) return hit.result;
    const result: Promise<Inspection> =
      kept?.stamp === stamp
        ? Promise.resolve(kept.info)
        : this.#withReadSlot(() => readInspection(file)).then((inspection) => {
            if (!('failure' in inspection)) this.#store.set(file, { stamp, info: inspection });
            return inspection;
          });
    this.#inProcess.set(file, { stamp, result });
    return result;
  }

  save(): void {
    this.#store.save();
  }

  async #withReadSlot<T>(task: () => Promise<T>): Promise<T> {
    // A finished task hands its slot straight to the next waiting one.
    if (this.#reading >= READ_SLOTS) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    else this.#reading++;
    try {
      return await task();
    } finally {
      const next = this.#waiting.shift();
      if (next) next();
      else this.#reading--;
    }
  }
}

export const inspectPhotoFile = (file: string, inspections: PhotoInspections): Promise<Inspection> => inspections.inspect(file);

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

/** An error for a file sharp cannot read, or a warning for a photo too small for the 16:9 frame. */
export function photoProblem(src: string, result: Inspection): Pick<ContentProblem, 'message' | 'severity'> | undefined {
  if ('failure' in result) return { severity: 'error', message: failureMessage(src, result) };
  const crop = cropBox(result.width, result.height, PAGE_FRAME.ratio, parseFocus('center'));
  if (crop.width >= MIN_FRAME_WIDTH) return undefined;
  return {
    severity: 'warning',
    message: `"${src}" is only ${result.width}×${result.height} pixels: cropped to 16:9 it is ${crop.width} pixels wide and will look blurred; use a photo at least ${MIN_FRAME_WIDTH} (better 1600) pixels wide`,
  };
}

/**
 * Reads every article photo's header (what `npm run check` does without encoding):
 * unreadable, not an image, damaged, or too small for the 16:9 frame (a warning).
 * Photos the build has read before, unchanged, are taken from the image cache folder.
 */
export async function inspectArticlePhotos(articles: readonly ArticleFacts[], inspections: PhotoInspections): Promise<ContentProblem[]> {
  const withPhoto = articles.flatMap((a) => (a.photo ? [{ file: a.sourcePath, photo: a.photo }] : []));
  // Once per file: a few wire photos can illustrate thousands of stories.
  const byFile = new Map([...new Set(withPhoto.map(({ photo }) => photo.file))].map((file) => [file, inspections.inspect(file)]));
  const results = await Promise.all(withPhoto.map(({ photo }) => byFile.get(photo.file)!));
  inspections.save();
  return withPhoto.flatMap(({ file, photo }, i) => {
    const problem = photoProblem(photo.sourcePath, results[i]!);
    return problem ? [{ file, field: 'photo.src', ...problem }] : [];
  });
}
