/**
 * The files a build publishes beside its pages: the assets under their hashed names,
 * the photo renditions linked from the image cache into /media/, the web editor when
 * asked for it, and `_headers`.
 */
import { copyFileSync, linkSync, mkdirSync, rmSync, type Stats, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Build } from '../build/build.ts';
import { writeAdmin } from '../cms/admin-files.ts';
import { writeHeadersFile } from '../outputs/headers.ts';

/** The stylesheet, scripts and site images, under the names the pages link. */
export function writeAssets(build: Pick<Build, 'assets'>, outDir: string): void {
  for (const [sitePath, bytes] of build.assets.files) {
    const target = path.join(outDir, sitePath);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, bytes);
  }
}

/** Every rendition the pages use, into /media/: hard links are instant and take no space; a cache on another disk (CI) is copied. */
export function publishMedia(build: Pick<Build, 'photos'>, outDir: string): void {
  const media = path.join(outDir, 'media');
  mkdirSync(media, { recursive: true });
  for (const [name, source] of [...build.photos.published].sort()) publishFile(source, path.join(media, name));
}

function publishFile(source: string, target: string): void {
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

/**
 * The web editor (/admin/, ADR 022) and `_headers` are cross-edition files: an edition
 * shard leaves them to `npm run assemble`. The editor first, so that `_headers` gives it its policy.
 */
export function writeHostFiles(build: Pick<Build, 'options'>, outDir: string, rootDir: string): void {
  if (!build.options.render.shared) return;
  writeAdminFiles(build, outDir, rootDir);
  writeHeadersFile(outDir, build.options.pathPrefix, build.options.editions);
}

/** /admin/ when the build was asked for it; nothing otherwise. */
export function writeAdminFiles(build: Pick<Build, 'options'>, outDir: string, rootDir: string): void {
  const { admin } = build.options;
  if (admin) writeAdmin(outDir, { rootDir, options: build.options, backend: admin });
}
