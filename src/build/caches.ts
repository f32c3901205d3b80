/**
 * What builds keep across runs, in `.cache/` (each folder movable by a MASTHEAD_*_CACHE
 * variable): validated articles and rendered bodies, formatted dates, photo inspections
 * and renditions, search bundles. Opened once by whoever runs the pipeline — a command,
 * or the dev server for its whole life — and handed to every stage in the Build's
 * making; no module keeps a cache of its own.
 */
import { ArticleCache } from '../content/article-cache.ts';
import { BodyCache } from '../content/body-cache.ts';
import type { LoadedFiles } from '../content/load-article.ts';
import { DateTexts } from '../editions/dates.ts';
import { ImageCache, imageCacheDir } from '../photos/encode.ts';
import { PhotoInspections } from '../photos/inspect.ts';
import { removeSearchLeftovers, searchCacheDir } from '../search/search-cache.ts';
import { contentCacheDir } from './cache-dirs.ts';
import { sourceFingerprint } from './fingerprint.ts';
import { removeLeftovers } from './leftovers.ts';
import { once } from './memoise.ts';
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
  /** The content caches' folder (validated articles, bodies, dates, what was published). */
  readonly contentDir: string;
  /** What this process loaded before: kept by the dev server between rebuilds, empty for a command. */
  readonly loaded: LoadedFiles;
  /** Writes the validated articles and bodies. */
  saveContent(): void;
  /** Writes the formatted dates (once the pages are rendered). */
  saveDates(): void;
  /** Removes what builds killed while writing the caches left (src/build/leftovers.ts); gives the names removed. */
  removeLeftovers(): string[];
}

/** Each cache made on first use: `npm run check` never needs the bodies or the renditions, and never pays for their fingerprints. */
export function openCaches(rootDir: string, env: NodeJS.ProcessEnv = process.env): BuildCaches {
  const contentDir = contentCacheDir(rootDir, env);
  const imagesDir = imageCacheDir(rootDir, env);
  // The sources' fingerprint covers what decides a date's text too: the editions' code and Node's ICU and zone data.
  const bodies = once(() => new BodyCache(contentDir));
  const articles = once(() => new ArticleCache(contentDir, sourceFingerprint()));
  const dateStore = once(() => new Store<string>(contentDir, 'dates', sourceFingerprint()));
  const dates = once(() => new DateTexts(dateStore()));
  const images = once(() => new ImageCache(imagesDir));
  const searchDir = searchCacheDir(rootDir, env);
  const inspections = once(() => new PhotoInspections(imagesDir));
  return {
    get bodies() {
      return bodies();
    },
    get articles() {
      return articles();
    },
    get dates() {
      return dates();
    },
    get images() {
      return images();
    },
    get inspections() {
      return inspections();
    },
    searchDir,
    contentDir,
    loaded: new Map(),
    saveContent() {
      bodies().save();
      articles().save();
    },
    saveDates() {
      dateStore().save();
    },
    removeLeftovers() {
      // A store's temporary file is named by its process: `<store file>.<pid>.tmp`.
      const storeTemporary = (name: string) => {
        const pid = /\.(\d+)\.tmp$/.exec(name)?.[1];
        return pid === undefined ? undefined : Number(pid);
      };
      return [
        ...removeLeftovers(contentDir, storeTemporary),
        ...removeLeftovers(imagesDir, storeTemporary),
        ...images().removeLeftovers(),
        ...removeSearchLeftovers(searchDir),
      ];
    },
  };
}
