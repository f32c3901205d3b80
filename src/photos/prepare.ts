/**
 * The photos stage: once per build, before any page renders, every rendition the build
 * needs is made (or found in the image cache, src/photos/encode.ts), in parallel. The
 * result is the build's photo table: components only look renditions up, synchronously,
 * and the publish stage links the files it names into /media/.
 */
import path from 'node:path';
import { describeFileSystemError } from '../build/fs-errors.ts';
import type { Photo } from '../content/article.ts';
import type { ContentProblem } from '../content/problems.ts';
import type { Edition } from '../editions/edition.ts';
import { editions } from '../editions/registry.ts';
import type { Site } from '../site/derive.ts';
import type { ImageCache, Rendition } from './encode.ts';
import { type Frame, type ImageFormat, PAGE_FRAME, parseFocus, SOCIAL_FRAMES } from './frames.ts';
import { inspectPhotoFile, type PhotoInspections, photoProblem } from './inspect.ts';

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

/** The build's photos, as components and the publish stage read them. */
export interface PhotoTable {
  /** The 16:9 renditions of an article photo, for <Picture>. */
  picture(photo: Pick<Photo, 'file' | 'focus'>): PictureSet;
  /** The edition's publisher-box image, cropped like every other page image. */
  publisherPicture(edition: Edition): PictureSet;
  /** Social card (og:image, JSON-LD 16:9) and the 4:3 and 1:1 crops for JSON-LD: 1200 px wide JPEGs. */
  social(photo: Pick<Photo, 'file' | 'focus'>): SocialImages;
  /** Site file name under /media/ → its file in the image cache, for every rendition the build publishes. */
  readonly published: ReadonlyMap<string, string>;
}

export interface PreparedPhotos {
  table: PhotoTable;
  problems: ContentProblem[];
  /** Renditions encoded in this build, and found in the cache. */
  encoded: number;
  reused: number;
}

export interface PhotoCaches {
  images: ImageCache;
  inspections: PhotoInspections;
}

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

function sourcesOf(site: Site, rootDir: string): Source[] {
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
    add(path.join(rootDir, src), src.replace(/^\//, ''), 'center', false);
  }
  // Photos of the editions this build writes (a shard encodes only its own).
  for (const a of site.articles)
    if (a.photo && site.options.render.editions.includes(a.edition)) add(a.photo.file, a.photo.sourcePath, a.photo.focus, true, a.sourcePath);
  return [...byKey.values()];
}

/** Makes every rendition the site needs; problems name the article instead of throwing. */
export async function preparePhotos(site: Site, rootDir: string, caches: PhotoCaches): Promise<PreparedPhotos> {
  const { images, inspections } = caches;
  const pictures = new Map<string, PictureSet>();
  const socials = new Map<string, SocialImages>();
  const published = new Map<string, string>();
  const report: PreparedPhotos = { table: photoTable(rootDir, pictures, socials, published), problems: [], encoded: 0, reused: 0 };
  const fail = (source: Source, message: string) => {
    if (!source.articles.length) throw new Error(`Site image ${source.label}: ${message}`);
    for (const file of source.articles) report.problems.push({ file, field: 'photo.src', severity: 'error', message });
  };

  await Promise.all(
    sourcesOf(site, rootDir).map(async (source) => {
      const info = await inspectPhotoFile(source.file, inspections);
      const problem = photoProblem(source.label, info);
      if ('failure' in info) return fail(source, problem!.message);
      for (const file of problem ? source.articles : []) report.problems.push({ file, field: 'photo.src', ...problem! });
      const focus = parseFocus(source.focus);
      const run = async (frame: Frame) => {
        const result = await images.get({ file: source.file, info, frame, focus });
        report[result.encoded ? 'encoded' : 'reused'] += result.renditions.length;
        for (const r of result.renditions) published.set(r.name, images.filePath(r.name));
        return result.renditions.map(toRef);
      };
      try {
        const [page, ...social] = await Promise.all([PAGE_FRAME, ...(source.social ? Object.values(SOCIAL_FRAMES) : [])].map(run));
        pictures.set(photoKey(source.file, source.focus), pictureSet(page!));
        if (social.length === 3) socials.set(photoKey(source.file, source.focus), { w16x9: social[0]![0]!, w4x3: social[1]![0]!, w1x1: social[2]![0]! });
      } catch (error) {
        // A full or read-only image cache is the machine's problem, not the photo's: said as such by the command.
        if (describeFileSystemError(error)) throw error;
        fail(source, `"${source.label}" could not be converted (${firstLine(error)}): the file may be damaged; export it again as JPEG`);
      }
    }),
  );
  inspections.save();
  images.save();
  return report;
}

function photoTable(rootDir: string, pictures: Map<string, PictureSet>, socials: Map<string, SocialImages>, published: Map<string, string>): PhotoTable {
  const lookup = <T>(map: Map<string, T>, file: string, focus: string): T => {
    const hit = map.get(photoKey(file, focus));
    if (!hit) throw new Error(`No renditions for ${file}: the photos stage (src/photos/prepare.ts) must run before pages render`);
    return hit;
  };
  return {
    picture: (photo) => lookup(pictures, photo.file, photo.focus),
    publisherPicture: (edition) => lookup(pictures, path.join(rootDir, edition.publisherBox.image.src), 'center'),
    social: (photo) => lookup(socials, photo.file, photo.focus),
    published,
  };
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
