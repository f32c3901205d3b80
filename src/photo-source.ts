import { existsSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';

const IMAGE_EXTENSIONS = new Set(['.jpg', '.jpeg', '.png', '.webp', '.avif', '.gif', '.tif', '.tiff']);

/**
 * Resolves `photo.src` (relative to the article file) to a repo-relative path, refusing
 * anything that is missing, not a file, not an image, or outside the repository
 * (including through `..`, an absolute path or a symbolic link).
 */
export function checkPhoto(src: string, articleFile: string, rootDir: string): { path: string; file: string } | { problem: string } {
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//')) {
    return { problem: `"${src}" is a URL: commit the photo beside the article and write its file name, e.g. \`src: market.jpg\`` };
  }
  if (path.isAbsolute(src)) {
    return { problem: `"${src}" is an absolute path: write the path relative to the article file, e.g. \`src: market.jpg\`` };
  }
  const absolute = path.resolve(path.dirname(articleFile), src);
  const realRoot = realpathSync(rootDir);
  const inside = (p: string) => p === realRoot || p.startsWith(realRoot + path.sep);
  if (!inside(absolute)) {
    return { problem: `"${src}" points outside the repository: commit the photo beside the article and refer to it by file name` };
  }
  if (!existsSync(absolute)) {
    return { problem: `"${src}" does not exist next to the article: commit the photo at ${path.relative(rootDir, absolute).split(path.sep).join('/')} or fix the file name` };
  }
  const real = realpathSync(absolute);
  if (!inside(real)) {
    return { problem: `"${src}" is a link to a file outside the repository: commit the photo itself` };
  }
  if (!statSync(real).isFile()) return { problem: `"${src}" is a folder, not a photo file` };
  if (!IMAGE_EXTENSIONS.has(path.extname(real).toLowerCase())) {
    return { problem: `"${src}" is not a photo: use a JPEG, PNG, WebP or AVIF file` };
  }
  return { path: path.relative(rootDir, absolute).split(path.sep).join('/'), file: absolute };
}
