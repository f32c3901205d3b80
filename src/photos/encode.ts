/**
 * The persistent image cache. Each (photo content, frame, focus, encoder settings,
 * sharp version) has a key; its renditions are encoded once, by @11ty/eleventy-img
 * with a focal-point crop, into `.cache/images/files/` and listed in
 * `.cache/images/manifests/<key>.json`. A later build (or a CI job that restores the
 * folder) finds the manifest and encodes nothing. Set MASTHEAD_IMAGE_CACHE to move it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Sharp } from 'sharp';
import { once } from '../build/memoise.ts';
import { cropBox, ENCODING, type Focus, type Frame, frameHeight, type ImageFormat, renditionWidths, SOCIAL_JPEG } from './frames.ts';
import type { PhotoInfo } from './inspect.ts';

/** Bump when the way renditions are made changes, so old cache entries are not reused. */
const PIPELINE_VERSION = 1;

/**
 * sharp's version, which pins the libvips it ships, read from its package.json: a build
 * whose renditions are all cached never loads sharp (src/build/on-first-use.ts). A libvips
 * installed on the system instead changes no key; clear the cache after upgrading it.
 */
export const sharpVersion = once((): string => {
  const main = createRequire(import.meta.url).resolve('sharp');
  return (JSON.parse(readFileSync(path.join(path.dirname(main), '..', 'package.json'), 'utf8')) as { version: string }).version;
});

export interface Rendition {
  format: ImageFormat;
  width: number;
  height: number;
  /** File name inside the cache's files/ folder, and under /media/ on the site. */
  name: string;
}

export interface EncodeRequest {
  file: string;
  info: PhotoInfo;
  frame: Frame;
  focus: Focus;
}

export interface CacheResult {
  renditions: Rendition[];
  /** False when every rendition came from the cache. */
  encoded: boolean;
}

export function imageCacheDir(rootDir: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(rootDir, env.MASTHEAD_IMAGE_CACHE || '.cache/images');
}

function encoderSettings(frame: Frame) {
  return {
    ...(frame.formats.includes('avif') ? { avif: ENCODING.avif } : {}),
    ...(frame.formats.includes('webp') ? { webp: ENCODING.webp } : {}),
    ...(frame.formats.includes('jpeg') ? { jpeg: frame.exact ? SOCIAL_JPEG : ENCODING.jpeg } : {}),
  };
}

export function cacheKey(req: EncodeRequest): string {
  const { frame, focus, info } = req;
  const spec = { v: PIPELINE_VERSION, sharp: sharpVersion(), content: info.hash, frame, focus, encoder: encoderSettings(frame) };
  return createHash('sha256').update(JSON.stringify(spec)).digest('hex').slice(0, 16);
}

const EXTENSIONS: Record<ImageFormat, string> = { avif: 'avif', webp: 'webp', jpeg: 'jpg' };

export class ImageCache {
  readonly dir: string;
  /** One promise per key: two articles with the same photo share one encode. */
  readonly #pending = new Map<string, Promise<CacheResult>>();

  constructor(dir: string) {
    this.dir = dir;
  }

  filePath(name: string): string {
    return path.join(this.dir, 'files', name);
  }

  get(req: EncodeRequest): Promise<CacheResult> {
    const key = cacheKey(req);
    let result = this.#pending.get(key);
    if (!result) {
      result = this.#load(key).then((hit) => hit ?? this.#encode(key, req));
      this.#pending.set(key, result);
      // A failure is reported once and retried on the next build, not remembered.
      result.catch(() => this.#pending.delete(key));
    }
    return result;
  }

  async #load(key: string): Promise<CacheResult | undefined> {
    try {
      const renditions = JSON.parse(await readFile(path.join(this.dir, 'manifests', `${key}.json`), 'utf8')) as Rendition[];
      return renditions.every((r) => existsSync(this.filePath(r.name))) ? { renditions, encoded: false } : undefined;
    } catch {
      return undefined;
    }
  }

  async #encode(key: string, { file, info, frame, focus }: EncodeRequest): Promise<CacheResult> {
    const box = cropBox(info.width, info.height, frame.ratio, focus);
    const settings = encoderSettings(frame);
    await mkdir(path.join(this.dir, 'files'), { recursive: true });
    await mkdir(path.join(this.dir, 'manifests'), { recursive: true });
    // Encoded into a private folder and renamed into place, so a build running at the
    // same time never links a half-written file.
    const tmp = await mkdtemp(path.join(this.dir, 'tmp-'));
    // Loaded on the first miss only: a build whose photos are all cached never needs it.
    const { default: Image } = await import('@11ty/eleventy-img');
    try {
      const stats = (await Image(file, {
        widths: renditionWidths(frame, box.width),
        formats: [...frame.formats],
        outputDir: tmp,
        urlPath: '/media/',
        useCache: false,
        filenameFormat: (_id: string, _src: string, width: number, format: ImageFormat) => `${key}-${width}.${EXTENSIONS[format]}`,
        ...(settings.avif ? { sharpAvifOptions: settings.avif } : {}),
        ...(settings.webp ? { sharpWebpOptions: settings.webp } : {}),
        ...(settings.jpeg ? { sharpJpegOptions: settings.jpeg } : {}),
        transform: (image: Sharp, target: { width: number }) => {
          const width = frame.exact ? frame.widths[0]! : target.width;
          // autoOrient first so the crop box is in the coordinates the editor sees.
          image.autoOrient().extract(box).resize(width, frameHeight(frame, width)).flatten({ background: '#ffffff' });
        },
      })) as Record<string, { width: number; height: number; filename: string }[]>;
      const renditions = frame.formats.flatMap((format) =>
        (stats[format] ?? []).map((s): Rendition => ({ format, width: s.width, height: s.height, name: s.filename })),
      );
      for (const r of renditions) await rename(path.join(tmp, r.name), this.filePath(r.name));
      const manifest = path.join(tmp, `${key}.json`);
      await writeFile(manifest, JSON.stringify(renditions));
      await rename(manifest, path.join(this.dir, 'manifests', `${key}.json`));
      return { renditions, encoded: true };
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  }
}
