/**
 * The one place that decides which image represents an article outside its page: in
 * feeds, Open Graph / Twitter cards and JSON-LD. Today it is the lead photo as
 * published; when the image pipeline offers a social-card rendition, only this file
 * changes.
 */
import path from 'node:path';
import type { Article } from './article.ts';
import type { BuildOptions } from './build-options.ts';
import { photoUrl } from './photos.ts';
import { machineUrl } from './urls.ts';

export interface SocialImage {
  /** Absolute, percent-encoded URL. */
  url: string;
  alt: string;
  /** MIME type, for feed enclosures and og:image:type. */
  type: string;
}

const TYPES: Readonly<Record<string, string>> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
};

export function socialImage(article: Pick<Article, 'photo'>, options: Pick<BuildOptions, 'baseUrl' | 'pathPrefix'>): SocialImage | undefined {
  if (!article.photo) return undefined;
  const sitePath = photoUrl(article.photo);
  return {
    url: machineUrl(options, sitePath),
    alt: article.photo.alt,
    type: TYPES[path.extname(sitePath).toLowerCase()] ?? 'application/octet-stream',
  };
}
