/**
 * Eleventy plugin and lookups for photos. `preparePhotos` runs once per build, before
 * any page renders: it makes (or finds in the cache, src/photos/encode.ts) every
 * rendition the build needs, in parallel. Components then only look results up,
 * synchronously. After the build the renditions are linked from the cache into /media/.
 */
import { copyFileSync, linkSync, mkdirSync, rmSync, statSync, type Stats } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type UserConfig from '@11ty/eleventy/UserConfig';
import type { Photo } from '../content/article.ts';
import type { ContentProblem } from '../content/problems.ts';
import type { Edition } from '../editions/edition.ts';
import { editions } from '../editions/registry.ts';
import { ImageCache, imageCacheDir, type Rendition } from './encode.ts';
import { PAGE_FRAME, parseFocus, SOCIAL_FRAMES, type Frame, type ImageFormat } from './frames.ts';
import { InspectionStore, inspectPhotoFile } from './inspect.ts';
import { photoProblem } from '../content/photo-reference.ts';
import type { SiteData } from '../site/derive.ts';

export interface ImageRef {
  /** Site-relative, without the path prefix: pass it through `href()` or `machineUrl()`. */
  url: string;
  width: number;
  height: number;
}

export interface PictureSet {
  /** Of the largest rendition: the <img> width/height, in the frame's shape. */
  width: number;
  height: number;
  /** Renditions per format, narrowest first. */
  sources: Record<ImageFormat, ImageRef[]>;
}

export interface SocialImages {
  w16x9: ImageRef;
  w4x3: ImageRef;
  w1x1: ImageRef;
}

export interface PhotoReport {
  problems: ContentProblem[];
  /** Renditions encoded in this build, and found in the cache. */
  encoded: number;
  reused: number;
  cacheDir: string;
}

const pictures = new Map<string, PictureSet>();
const socials = new Map<string, SocialImages>();
/** Site image `src` (e.g. /assets/publisher.jpg) → its file, as this build resolved it. */
const siteImages = new Map<string, string>();
/** Site file name → cache file, for every rendition this build publishes. */
const published = new Map<string, string>();
const caches = new Map<string, ImageCache>();

const photoKey = (file: string, focus: string) => `${file}\u0000${focus}`;

interface Source {
  file: string;
  /** As problems name it: repo-relative. */
  label: string;
  focus: string;
  social: boolean;
  /** Articles using it, to name in problems (empty for site images). */
  articles: string[];
}

function sourcesOf(site: SiteData, rootDir: string): Source[] {
  const byKey = new Map<string, Source>();
  const add = (file: string, label: string, focus: string, social: boolean, article?: string) => {
    const key = photoKey(file, focus);
    const s = byKey.get(key) ?? { file, label, focus, social: false, articles: [] };
    s.social ||= social;
    if (article) s.articles.push(article);
    byKey.set(key, s);
  };
  for (const code of site.options.editions) {
    const src = editions[code].publisherBox.image.src;
    siteImages.set(src, path.join(rootDir, src));
    add(path.join(rootDir, src), src.replace(/^\//, ''), 'center', false);
  }
  // Photos of the editions this build writes (a shard encodes only its own).
  for (const a of site.articles) if (a.photo && site.options.render.editions.includes(a.edition)) add(a.photo.file, a.photo.sourcePath, a.photo.focus, true, a.sourcePath);
  return [...byKey.values()];
}

/** Makes every rendition the site needs; returns problems (naming the article) instead of throwing. */
export async function preparePhotos(site: SiteData, rootDir: string, env: NodeJS.ProcessEnv = process.env): Promise<PhotoReport> {
  const cacheDir = imageCacheDir(rootDir, env);
  let cache = caches.get(cacheDir);
  if (!cache) caches.set(cacheDir, (cache = new ImageCache(cacheDir)));
  const imageCache = cache;
  for (const map of [pictures, socials, siteImages, published]) map.clear();
  const report: PhotoReport = { problems: [], encoded: 0, reused: 0, cacheDir };
  const inspected = new InspectionStore(cacheDir);
  const fail = (source: Source, message: string) => {
    if (!source.articles.length) throw new Error(`Site image ${source.label}: ${message}`);
    for (const file of source.articles) report.problems.push({ file, field: 'photo.src', severity: 'error', message });
  };

  await Promise.all(
    sourcesOf(site, rootDir).map(async (source) => {
      const info = await inspectPhotoFile(source.file, inspected);
      const problem = photoProblem(source.label, info);
      if ('failure' in info) return fail(source, problem!.message);
      for (const file of problem ? source.articles : []) report.problems.push({ file, field: 'photo.src', ...problem! });
      const focus = parseFocus(source.focus);
      const run = async (frame: Frame) => {
        const result = await imageCache.get({ file: source.file, info, frame, focus });
        report[result.encoded ? 'encoded' : 'reused'] += result.renditions.length;
        for (const r of result.renditions) published.set(r.name, imageCache.filePath(r.name));
        return result.renditions.map(toRef);
      };
      try {
        const [page, ...social] = await Promise.all([PAGE_FRAME, ...(source.social ? Object.values(SOCIAL_FRAMES) : [])].map(run));
        pictures.set(photoKey(source.file, source.focus), pictureSet(page!));
        if (social.length === 3) socials.set(photoKey(source.file, source.focus), { w16x9: social[0]![0]!, w4x3: social[1]![0]!, w1x1: social[2]![0]! });
      } catch (error) {
        fail(source, `"${source.label}" could not be converted (${firstLine(error)}): the file may be damaged; export it again as JPEG`);
      }
    }),
  );
  inspected.save();
  await writeFile(path.join(cacheDir, 'last-build.json'), `${JSON.stringify({ encoded: report.encoded, reused: report.reused })}\n`).catch(() => {});
  return report;
}

/** sharp repeats libvips' message on several lines; one is enough for an editor. */
const firstLine = (error: unknown) => String(error instanceof Error ? error.message : error).split('\n')[0];

type RefWithFormat = ImageRef & { format: ImageFormat };

function toRef(r: Rendition): RefWithFormat {
  return { url: `/media/${r.name}`, width: r.width, height: r.height, format: r.format };
}

function pictureSet(refs: RefWithFormat[]): PictureSet {
  const sources: PictureSet['sources'] = { avif: [], webp: [], jpeg: [] };
  for (const { format, ...ref } of [...refs].sort((a, b) => a.width - b.width)) sources[format].push(ref);
  const largest = sources.jpeg[sources.jpeg.length - 1]!;
  return { width: largest.width, height: largest.height, sources };
}

function lookup<T>(map: Map<string, T>, file: string, focus: string): T {
  const hit = map.get(photoKey(file, focus));
  if (!hit) throw new Error(`No renditions for ${file}: preparePhotos() must run before pages render (src/cli/build.ts, src/render/build-data-plugin.ts)`);
  return hit;
}

/** The 16:9 renditions of an article photo, for <Picture>. */
export function photoPicture(photo: Pick<Photo, 'file' | 'focus'>): PictureSet {
  return lookup(pictures, photo.file, photo.focus);
}

/** The edition's publisher-box image, cropped like every other page image. */
export function publisherPicture(edition: Edition): PictureSet {
  const { src } = edition.publisherBox.image;
  return lookup(pictures, siteImages.get(src) ?? src, 'center');
}

/** Social card (og:image, JSON-LD 16:9) and the 4:3 and 1:1 crops for JSON-LD: 1200 px wide JPEGs. */
export function socialImages(photo: Pick<Photo, 'file' | 'focus'>): SocialImages {
  return lookup(socials, photo.file, photo.focus);
}

/** Hard links are instant and take no space; a cache on another disk (CI) is copied. */
function publish(source: string, target: string): void {
  // The dev server publishes into the same folder on every rebuild: a rendition already
  // linked there (same file) is left alone, saving thousands of file operations per edit.
  const existing = statOrUndefined(target);
  if (existing) {
    const original = statOrUndefined(source);
    if (original && existing.ino === original.ino && existing.dev === original.dev) return;
    rmSync(target, { force: true });
  }
  try {
    linkSync(source, target);
  } catch {
    copyFileSync(source, target);
  }
}

function statOrUndefined(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

export function photos(config: UserConfig): void {
  config.on('eleventy.after', ({ directories }: { directories: { output: string } }) => {
    const media = path.join(directories.output, 'media');
    mkdirSync(media, { recursive: true });
    for (const [name, source] of [...published].sort()) publish(source, path.join(media, name));
  });
}
