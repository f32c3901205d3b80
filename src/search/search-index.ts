/**
 * The search index: one Pagefind bundle per edition, at /<ed>/pagefind/ (ADR 008, 009).
 *
 * Records are made from the loaded articles, not by re-reading the rendered pages:
 * Pagefind runs in processes of its own, one per edition, so the records are handed to
 * them before Eleventy renders and they index on the other core while the pages are
 * written, and on every core once they are. The build CLI writes the bundles into the
 * staging folder before the swap, so a failed index fails the build and never leaves a
 * search page that finds nothing.
 */
import { cpSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import type * as Pagefind from 'pagefind';
import type { Build } from '../build/build.ts';
import type { Article } from '../content/article.ts';
import { decodeEntities } from '../content/description.ts';
import type { DateTexts } from '../editions/dates.ts';
import type { EditionCode } from '../editions/edition.ts';
import { editions } from '../editions/registry.ts';
import { recordsKey, restoreBundle, restoreFolder, storeBundle } from './search-cache.ts';

export interface SearchIndexResult {
  /** Article records indexed. */
  pages: number;
  /** Languages with an index, e.g. ["en", "fa", "ru"]. */
  languages: string[];
  /** Records in each language's index. */
  pagesByLanguage: Record<string, number>;
  ms: number;
  /** Editions whose bundle came from the search cache. */
  reused: number;
}

export const SEARCH_DIR = 'pagefind';

/** The edition's search bundle folder, relative to the site root. */
export const searchBundleDir = (edition: string) => `${edition}/${SEARCH_DIR}`;

/** What a reader can find a story by: headline, byline, caption, body and wire credits, as plain text. */
export function searchText(article: Article): string {
  const body = decodeEntities(article.bodyHtml.replace(/<[^>]*>/g, ' '));
  return [article.headline, article.byline.join(', '), article.photo?.caption, body, article.credits.join(', ')]
    .filter(Boolean)
    .join('\n')
    .replace(/[ \t]+/g, ' ');
}

export interface PendingSearchIndex {
  /** Waits for Pagefind and writes each edition's bundle into `siteDir`. */
  write(siteDir: string): Promise<SearchIndexResult>;
}

type SearchRecord = Parameters<Pagefind.PagefindIndex['addCustomRecord']>[0];

/**
 * A Pagefind service of the edition's own. The module keeps one indexing process per
 * module instance, and one process indexes on one core: an instance per edition (the
 * module imported under a URL of the edition's) lets the editions index side by side.
 */
const pagefindFor = (code: EditionCode): Promise<typeof Pagefind> => import(`${import.meta.resolve('pagefind')}?edition=${code}`);

interface Job {
  code: EditionCode;
  key: string;
  /** How many records; the records themselves are not kept (a large edition's text is 100 MB). */
  count: number;
  /** A bundle from the search cache, copied into a folder of this build's own. */
  restored?: string;
  indexing?: { index: Pagefind.PagefindIndex; added: Promise<Pagefind.NewFileResponse[]> };
}

function recordsOf(articles: readonly Article[], code: EditionCode, dates: DateTexts): SearchRecord[] {
  const edition = editions[code];
  return articles.map((a) => ({
    url: a.url,
    content: searchText(a),
    language: edition.lang,
    meta: { title: a.headline, date: dates.dateTime(a.date, edition) },
  }));
}

/**
 * What an edition's records are made from, to key the search cache: the fields
 * `recordsOf` reads, and the code that turns them into records (a change to it must not
 * reuse an old bundle). Hashing these is several times cheaper than making the records,
 * which is the point of a cache hit.
 */
function recordInputs(articles: readonly Article[], code: EditionCode, dates: DateTexts): (readonly [unknown, string?])[] {
  const edition = editions[code];
  return [
    [[recordsOf, searchText, decodeEntities].map(String).join('\n')],
    [edition.lang],
    ...articles.map((a) => [[a.url, a.headline, a.byline, a.photo?.caption, a.credits, dates.dateTime(a.date, edition)], a.bodyHtml] as const),
  ];
}

/**
 * Starts indexing the rendered editions' articles; call before rendering, `write` after.
 * An edition whose records are unchanged since an earlier build takes its bundle from
 * the search cache (src/search/search-cache.ts) and is not indexed again.
 */
export async function startSearchIndex(site: Build, cacheDir: string): Promise<PendingSearchIndex> {
  const started = performance.now();
  const fail = (code: string, step: string, errors: string[]) => new Error(`Search index (Pagefind) for ${code} failed to ${step}:\n${errors.join('\n')}`);
  const jobs: Job[] = [];
  const toIndex: { job: Job; articles: Article[] }[] = [];
  for (const code of site.options.render.editions) {
    const articles = site.pages.articles.filter((a) => a.edition === code);
    const key = recordsKey(recordInputs(articles, code, site.dates));
    // Taken out of the cache now, into a folder of this build's own: a concurrent build
    // may replace the cache entry before this one is written.
    const restored = restoreBundle(cacheDir, code, key, restoreFolder(cacheDir, code));
    const job: Job = { code, key, count: articles.length, ...(restored ? { restored } : {}) };
    jobs.push(job);
    if (!restored) toIndex.push({ job, articles });
  }
  // Every index is created before any records are sent, each in its own service: one
  // service answers in order, so an index asked for after another edition's records
  // waited until it had indexed them all, and this thread with it.
  const services = await Promise.all(toIndex.map(({ job }) => pagefindFor(job.code)));
  const closeAll = () => Promise.all(services.map((service) => service.close()));
  try {
    const created = await Promise.all(services.map((service) => service.createIndex({})));
    toIndex.forEach(({ job, articles }, i) => {
      const { index, errors } = created[i]!;
      if (!index) throw fail(job.code, 'start', errors);
      // Sent in a fixed order, so the bundle is the same bytes for the same content.
      job.indexing = { index, added: Promise.all(recordsOf(articles, job.code, site.dates).map((r) => index.addCustomRecord(r))) };
    });
  } catch (error) {
    await closeAll();
    throw error;
  }
  return {
    async write(siteDir) {
      const result: SearchIndexResult = { pages: 0, languages: [], pagesByLanguage: {}, ms: 0, reused: 0 };
      const bundleDir = (code: EditionCode) => path.join(siteDir, searchBundleDir(code));
      try {
        // Each service writes its edition's bundle while the others write theirs.
        await Promise.all(
          jobs.map(async ({ code, indexing }) => {
            if (!indexing) return;
            const errors = (await indexing.added).flatMap((r) => r.errors);
            if (errors.length) throw fail(code, 'index its articles', errors);
            const written = await indexing.index.writeFiles({ outputPath: bundleDir(code) });
            if (written.errors.length) throw fail(code, 'write its files', written.errors);
          }),
        );
        for (const { code, key, count, indexing, restored } of jobs) {
          const outputPath = bundleDir(code);
          if (restored) {
            mkdirSync(path.dirname(outputPath), { recursive: true });
            try {
              renameSync(restored, outputPath);
            } catch {
              // Output on another file system than the cache.
              cpSync(restored, outputPath, { recursive: true });
              rmSync(restored, { recursive: true, force: true });
            }
            result.reused++;
          } else if (indexing) storeBundle(cacheDir, code, key, outputPath);
          if (count) {
            const lang = editions[code].lang;
            result.pagesByLanguage[lang] = (result.pagesByLanguage[lang] ?? 0) + count;
            result.pages += count;
          }
        }
      } finally {
        await closeAll();
      }
      result.languages = Object.keys(result.pagesByLanguage).sort();
      result.ms = Math.round(performance.now() - started);
      return result;
    },
  };
}
