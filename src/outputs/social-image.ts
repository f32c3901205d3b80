/**
 * The one place that decides which image represents an article outside its page: in
 * feeds, Open Graph / Twitter cards and JSON-LD. It is the lead photo's social card
 * from the image pipeline (src/photos/prepare.ts): 1200 px wide JPEGs cropped around the
 * editor's focus, 16:9 for cards and feeds, plus 4:3 and 1:1 for JSON-LD, as Google
 * asks for several aspect ratios.
 */
import path from 'node:path';
import type { BuildOptions } from '../build/options.ts';
import type { Article } from '../content/article.ts';
import type { PhotoTable } from '../photos/prepare.ts';
import { machineUrl } from '../site/urls.ts';

export interface SocialImage {
  /** Absolute, percent-encoded URL of the 16:9 card. */
  url: string;
  alt: string;
  /** MIME type, for feed enclosures and og:image:type. */
  type: string;
  width: number;
  height: number;
  /** Absolute URLs of the 16:9, 4:3 and 1:1 crops, for JSON-LD `image`. */
  crops: string[];
}

const TYPES: Readonly<Record<string, string>> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
};

export function socialImage(
  article: Pick<Article, 'photo'>,
  options: Pick<BuildOptions, 'baseUrl' | 'pathPrefix'>,
  photos: PhotoTable,
): SocialImage | undefined {
  if (!article.photo) return undefined;
  const { w16x9, w4x3, w1x1 } = photos.social(article.photo);
  return {
    url: machineUrl(options, w16x9.url),
    alt: article.photo.alt,
    type: TYPES[path.extname(w16x9.url).toLowerCase()] ?? 'application/octet-stream',
    width: w16x9.width,
    height: w16x9.height,
    crops: [w16x9, w4x3, w1x1].map((r) => machineUrl(options, r.url)),
  };
}
