/**
 * What builds keep across runs, in `.cache/` (each folder movable by a MASTHEAD_*_CACHE
 * variable): validated articles and rendered bodies, formatted dates, photo inspections
 * and renditions, search bundles. Opened once by whoever runs the pipeline — a command,
 * or the dev server for its whole life — and handed to every stage in the Build's
 * making; no module keeps a cache of its own.
 */
import path from 'node:path';
import { ArticleCache } from '../content/article-cache.ts';
import { BodyCache } from '../content/body-cache.ts';
import type { LoadedFiles } from '../content/load-article.ts';
import { DateTexts } from '../editions/dates.ts';
import { ImageCache, imageCacheDir } from '../photos/encode.ts';
import { PhotoInspections } from '../photos/inspect.ts';
import { searchCacheDir } from '../search/search-cache.ts';
import { sourceFingerprint } from './fingerprint.ts';
import { Store } from './store.ts';

export interface BuildCaches {
  readonly bodies: BodyCache;
  readonly articles: ArticleCache;
  /** Dates as each edition shows them; its store is written by `save`. */
  readonly dates: DateTexts;
  readonly images: ImageCache;
  readonly inspections: PhotoInspections;
  /** Where each edition's search bundle is kept (src/search/search-cache.ts). */
  readonly searchDir: string;
  /** What this process loaded before: kept by the dev server between rebuilds, empty for a command. */
  readonly loaded: LoadedFiles;
  /** Writes the validated articles and bodies. */
  saveContent(): void;
  /** Writes the formatted dates (once the pages are rendered). */
  saveDates(): void;
}

export function openCaches(rootDir: string, env: NodeJS.ProcessEnv = process.env): BuildCaches {
  const contentDir = env.MASTHEAD_BODY_CACHE ?? path.join(rootDir, '.cache', 'bodies');
  const imagesDir = imageCacheDir(rootDir, env);
  // The loader's fingerprint covers what decides a date's text too: the editions' code and Node's ICU and zone data.
  const fingerprint = sourceFingerprint();
  const bodies = new BodyCache(contentDir);
  const articles = new ArticleCache(contentDir, fingerprint);
  const dateStore = new Store<string>(contentDir, 'dates', fingerprint);
  return {
    bodies,
    articles,
    dates: new DateTexts(dateStore),
    images: new ImageCache(imagesDir),
    inspections: new PhotoInspections(imagesDir),
    searchDir: searchCacheDir(rootDir, env),
    loaded: new Map(),
    saveContent() {
      bodies.save();
      articles.save();
    },
    saveDates() {
      dateStore.save();
    },
  };
}
