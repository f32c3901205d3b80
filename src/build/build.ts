/**
 * One build, as every stage after the content stage sees it: the site derived from all
 * articles, the photo and asset tables, the machine-readable outputs, the build's dates
 * and the markup made once for many pages. Made here, by whoever runs the pipeline (the
 * build, `npm run assemble`, the dev server for each rebuild), and handed along: to
 * Eleventy as the global `masthead`, to the page writer, the search index and the
 * publish stage. No module keeps build state of its own.
 *
 * The pipeline: content (load and validate) → site (derive) → photos (prepare) →
 * outputs (feeds, sitemaps) → render (Eleventy and the page writer) → search →
 * publish (staging, link check, swap). See docs/architecture.md.
 */
import type { Article } from '../content/article.ts';
import { type LoadedContent, loadContent } from '../content/load.ts';
import type { ContentProblem } from '../content/problems.ts';
import { hasErrors } from '../content/problems.ts';
import type { DateTexts } from '../editions/dates.ts';
import { computeOutputs, type Outputs } from '../outputs/outputs.ts';
import { type PhotoTable, preparePhotos } from '../photos/prepare.ts';
import { type AssetTable, assetTable } from '../render/assets.ts';
import type { Html } from '../render/jsx/jsx-runtime.ts';
import { deriveSite, type Site } from '../site/derive.ts';
import type { BuildCaches } from './caches.ts';
import type { BuildOptions } from './options.ts';

/**
 * Markup placed on many pages, made once per build and page depth (a story's card, an
 * edition's header, publisher box and footer): its links are relative to the page, and
 * pages of one depth write them alike (src/site/urls.ts, ADR 020). Cards by the path
 * back to the root, then by story; blocks by name, edition and that path.
 */
export interface Fragments {
  readonly cards: Map<string, Map<Article, Html>>;
  readonly blocks: Map<string, Html>;
}

export interface Build extends Site {
  readonly photos: PhotoTable;
  readonly assets: AssetTable;
  readonly outputs: Outputs;
  readonly dates: DateTexts;
  readonly fragments: Fragments;
}

/**
 * The Build made from a derived site and its tables. Frozen, so that Eleventy's
 * pagination hands templates this object itself rather than a new Proxy on every access
 * (its ProxyWrap skips frozen objects), and nothing can change it while pages render.
 */
export function assembleBuild(site: Site, parts: { photos: PhotoTable; assets: AssetTable; dates: DateTexts }): Build {
  return Object.freeze({ ...site, ...parts, outputs: computeOutputs(site, parts.photos), fragments: { cards: new Map(), blocks: new Map() } });
}

export interface PreparedBuild {
  /** Undefined when the content or its photos have errors. */
  build: Build | undefined;
  content: LoadedContent;
  /** Every problem of the content and the photos; errors stop the build before anything is rendered. */
  problems: ContentProblem[];
  photos: { encoded: number; reused: number; problems: ContentProblem[] };
}

export interface PrepareInput {
  rootDir: string;
  options: BuildOptions;
  caches: BuildCaches;
  /** Content-hashed asset names (production) or the plain ones (the dev server). */
  fingerprintAssets: boolean;
  changedStories?: ReadonlySet<string>;
  /** Whether to save the content caches after loading (the dev server saves them once). */
  saveContent?: boolean;
}

/** The pipeline up to rendering: content → site → photos, then the tables. Stops at the first stage with errors. */
export async function prepareBuild({ rootDir, options, caches, fingerprintAssets, changedStories, saveContent = true }: PrepareInput): Promise<PreparedBuild> {
  // Started first: esbuild minifies the stylesheet in its own process while the content loads.
  const assets = assetTable(rootDir, { fingerprint: fingerprintAssets });
  assets.catch(() => {});
  const content = loadContent({ rootDir, options, caches, ...(changedStories ? { changedStories } : {}) });
  if (saveContent) caches.saveContent();
  const noPhotos = { encoded: 0, reused: 0, problems: [] };
  if (hasErrors(content.problems)) return { build: undefined, content, problems: content.problems, photos: noPhotos };
  const site = deriveSite(content.articles, options);
  const photos = await preparePhotos(site, rootDir, caches);
  const problems = [...content.problems, ...photos.problems];
  const report = { encoded: photos.encoded, reused: photos.reused, problems: photos.problems };
  if (hasErrors(photos.problems)) return { build: undefined, content, problems, photos: report };
  const build = assembleBuild(site, { photos: photos.table, assets: await assets, dates: caches.dates });
  return { build, content, problems, photos: report };
}
