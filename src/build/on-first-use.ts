/**
 * Libraries that only new or changed content needs — YAML and frontmatter parsing, the
 * schema, Markdown, HTML entities, and sharp for photos — loaded the first time one is used. A build or
 * `npm run check` of stories and photos the caches already hold never loads them (zod
 * alone is 95 ES modules; ADR 013 measured what they cost). The loader is synchronous, so they are required: the
 * CommonJS builds of the same packages, the only copy of each this process loads.
 */
import { createRequire } from 'node:module';
import type * as Entities from 'entities';
import type GrayMatter from 'gray-matter';
import type * as JsYaml from 'js-yaml';
import type MarkdownIt from 'markdown-it';
import type SharpModule from 'sharp';
import type { z as Zod } from 'zod';

import { once } from './memoise.ts';

const require = createRequire(import.meta.url);

export const zod = once(() => (require('zod') as { z: typeof Zod }).z);
export const markdownIt = once(() => require('markdown-it') as typeof MarkdownIt);
export const grayMatter = once(() => require('gray-matter') as typeof GrayMatter);
export const jsYaml = once(() => require('js-yaml') as typeof JsYaml);
export const sharp = once(() => require('sharp') as typeof SharpModule);
export const entities = once(() => require('entities') as typeof Entities);

/**
 * Loads them all now: the dev server calls it once its first build is done, so that the
 * editor's first save does not wait for them.
 */
export function loadAllNow(): void {
  for (const load of [zod, markdownIt, grayMatter, jsYaml, sharp, entities]) load();
}
