/**
 * The persistent image cache. Each (photo content, frame, focus, encoder settings,
 * sharp version) has a key; its renditions are encoded once, by @11ty/eleventy-img
 * with a focal-point crop, into `.cache/images/files/` and listed in
 * `.cache/images/manifests/<key>.json`. A later build (or a CI job that restores the
 * folder) finds the manifest and encodes nothing. Set MASTHEAD_IMAGE_CACHE to move it.
 *
 * A cache must never change what is published: the manifest carries a checksum of its
 * own (src/build/store.ts) and the size and CRC-32 of every rendition, and a rendition is
 * used only when its bytes match. Reading every rendition on every build would cost a
 * warm build more than the rest of it, so a file whose size, modification time and inode
 * are those it had when its bytes last matched is taken as it is (`renditions-*.json`,
 * itself a checksummed store); any write to it changes its modification time. Anything
 * else — a missing, truncated, damaged or foreign manifest or rendition — is a miss: the
 * photo is encoded again, to the same bytes.
 */
import { createHash } from 'node:crypto';
import { accessSync, constants, readFileSync, type Stats, statfsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import type { Sharp } from 'sharp';
import { removeLeftovers } from '../build/leftovers.ts';
import { once } from '../build/memoise.ts';
import { Store, sealed, unsealed } from '../build/store.ts';
import { cropBox, ENCODING, type Focus, type Frame, frameHeight, type ImageFormat, renditionWidths, SOCIAL_JPEG } from './frames.ts';
import type { PhotoInfo } from './inspect.ts';

/** Bump when the way renditions are made changes, so old cache entries are not reused. */
const PIPELINE_VERSION = 1;
/** Bump when the manifest's format changes. */
const MANIFEST_VERSION = 2;

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

/**
 * A failed encode that is the disk's fault, as the file system error it is: sharp says
 * only "write error", which would read as a damaged photo. Undefined when the folder
 * has room and can be written (the photo is then what failed).
 */
function diskFailure(dir: string, cacheDir: string, error: unknown): NodeJS.ErrnoException | undefined {
  let code: string | undefined;
  try {
    const space = statfsSync(dir);
    if (space.bavail * space.bsize < 1024 * 1024) code = 'ENOSPC';
  } catch {
    // Unknown: the write test below decides.
  }
  try {
    if (!code) accessSync(dir, constants.W_OK);
  } catch (refused) {
    code = (refused as NodeJS.ErrnoException).code;
  }
  if (!code) return undefined;
  return Object.assign(new Error(`${code}: could not write the photo renditions in ${dir}`, { cause: error }), {
    code,
    syscall: 'write',
    path: `the photo renditions into ${cacheDir}/ (the image cache; MASTHEAD_IMAGE_CACHE moves it)`,
  });
}

/** A rendition as its manifest lists it: with the size and checksum of its bytes. */
interface ManifestEntry extends Rendition {
  size: number;
  crc: number;
}

const isManifestEntry = (r: unknown): r is ManifestEntry => {
  const e = r as Partial<ManifestEntry> | null;
  return (
    typeof e === 'object' &&
    e !== null &&
    ['avif', 'webp', 'jpeg'].includes(String(e.format)) &&
    [e.width, e.height, e.size, e.crc].every((n) => Number.isInteger(n)) &&
    typeof e.name === 'string' &&
    /^[0-9a-f]{16}-\d+\.(avif|webp|jpg)$/.test(e.name)
  );
};

/** What a file's bytes were last found to match its manifest with: any write changes the modification time. */
const verifiedStamp = (s: Stats) => `${s.size}:${s.mtimeMs}:${s.ino}`;

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
  /** Renditions whose bytes matched their manifest, by name: the stamp they had then. */
  readonly #verified: Store<string>;

  constructor(dir: string) {
    this.dir = dir;
    this.#verified = new Store(dir, 'renditions', String(MANIFEST_VERSION));
  }

  /** Keeps which renditions were verified, for the next build; call once the photos are prepared. */
  save(): void {
    this.#verified.save();
  }

  /** Removes the private folders of encodes whose build was killed (src/build/leftovers.ts). */
  removeLeftovers(): string[] {
    return removeLeftovers(this.dir, (name) => {
      const pid = /^tmp-(\d+)-/.exec(name)?.[1];
      return pid === undefined ? undefined : Number(pid);
    });
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
      const payload = unsealed(await readFile(path.join(this.dir, 'manifests', `${key}.json`)));
      const entries: unknown = payload && JSON.parse(payload.toString('utf8'));
      if (!Array.isArray(entries) || entries.length === 0 || !entries.every(isManifestEntry) || !entries.every((e) => e.name.startsWith(`${key}-`)))
        return undefined;
      const good = await Promise.all(entries.map((e) => this.#matches(e)));
      if (!good.every(Boolean)) return undefined;
      return { renditions: entries.map(({ format, width, height, name }) => ({ format, width, height, name })), encoded: false };
    } catch {
      return undefined;
    }
  }

  /** Whether a rendition's file holds the bytes its manifest lists. */
  async #matches(entry: ManifestEntry): Promise<boolean> {
    const file = this.filePath(entry.name);
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile() || info.size !== entry.size) return false;
    const stamp = verifiedStamp(info);
    if (this.#verified.get(entry.name) === stamp) return true;
    const bytes = await readFile(file).catch(() => undefined);
    if (!bytes || bytes.length !== entry.size || crc32(bytes) !== entry.crc) return false;
    this.#verified.set(entry.name, stamp);
    return true;
  }

  async #encode(key: string, { file, info, frame, focus }: EncodeRequest): Promise<CacheResult> {
    const box = cropBox(info.width, info.height, frame.ratio, focus);
    const settings = encoderSettings(frame);
    await mkdir(path.join(this.dir, 'files'), { recursive: true });
    await mkdir(path.join(this.dir, 'manifests'), { recursive: true });
    // Encoded into a private folder and renamed into place, so a build running at the
    // same time never links a half-written file.
    const tmp = await mkdtemp(path.join(this.dir, `tmp-${process.pid}-`));
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
      }).catch((error: unknown) => {
        throw diskFailure(tmp, this.dir, error) ?? error;
      })) as Record<string, { width: number; height: number; filename: string }[]>;
      const renditions = frame.formats.flatMap((format) =>
        (stats[format] ?? []).map((s): Rendition => ({ format, width: s.width, height: s.height, name: s.filename })),
      );
      const entries: ManifestEntry[] = [];
      for (const r of renditions) {
        const bytes = await readFile(path.join(tmp, r.name));
        entries.push({ ...r, size: bytes.length, crc: crc32(bytes) });
        await rename(path.join(tmp, r.name), this.filePath(r.name));
        const info = await stat(this.filePath(r.name));
        this.#verified.set(r.name, verifiedStamp(info));
      }
      const manifest = path.join(tmp, `${key}.json`);
      await writeFile(manifest, sealed(Buffer.from(JSON.stringify(entries))));
      await rename(manifest, path.join(this.dir, 'manifests', `${key}.json`));
      return { renditions, encoded: true };
    } finally {
      // An encode that failed may still be writing into it: what is left is removed by the next build (src/build/leftovers.ts).
      await rm(tmp, { recursive: true, force: true }).catch(() => {});
    }
  }
}
