/**
 * The search index: each edition's stories in parts (src/search/search-parts.ts), each
 * part a Pagefind bundle at /<ed>/pagefind/<part>/, merged by the search page in the
 * browser (ADR 008, 009, 023).
 *
 * Records are made from the loaded articles, not by re-reading the rendered pages. A
 * part whose stories are unchanged since an earlier build is taken from the search cache
 * (src/search/search-cache.ts); the others are indexed by Pagefind in processes of its own, started before
 * Eleventy renders, so they index on the other core while the pages are written. The
 * build CLI writes the bundles into the staging folder before the swap, so a failed
 * index fails the build and never leaves a search page that finds nothing.
 */
import { cpSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type * as Pagefind from 'pagefind';
import type { Build } from '../build/build.ts';
import { sourceFingerprint } from '../build/fingerprint.ts';
import type { Article } from '../content/article.ts';
import { decodeEntities } from '../content/description.ts';
import type { DateTexts } from '../editions/dates.ts';
import type { EditionCode } from '../editions/edition.ts';
import { editions } from '../editions/registry.ts';
import { partKey, pruneEdition, restoreBundle, restoreFolder, storeBundle } from './search-cache.ts';
import type { SearchPart } from './search-parts.ts';

export interface SearchIndexResult {
  /** Article records in the index. */
  pages: number;
  /** Languages with an index, e.g. ["en", "fa", "ru"]. */
  languages: string[];
  /** Records in each language's index. */
  pagesByLanguage: Record<string, number>;
  ms: number;
  /** Parts in all. */
  parts: number;
  /** Parts indexed by Pagefind in this build. */
  indexed: number;
  /** Parts taken from the search cache. */
  reused: number;
}

export const SEARCH_DIR = 'pagefind';

/** A part's bundle folder, relative to the site root: /<ed>/pagefind/<part>/. */
export const searchPartDir = (edition: string, part: string) => `${edition}/${SEARCH_DIR}/${part}`;

/** What a reader can find a story by: headline, byline, caption, body and wire credits, as plain text. */
export function searchText(article: Article): string {
  const body = decodeEntities(article.bodyHtml.replace(/<[^>]*>/g, ' '));
  return [article.headline, article.byline.join(', '), article.photo?.caption, body, article.credits.join(', ')]
    .filter(Boolean)
    .join('\n')
    .replace(/[ \t]+/g, ' ');
}

/** The files of Pagefind's bundle the search page never loads (its ready-made interfaces): not published. */
const UNUSED = /^pagefind-(?:component-ui|modular-ui|ui|highlight)\.(?:js|css)$/;

export interface PendingSearchIndex {
  /** Waits for Pagefind and writes every part not already in place into `siteDir`. */
  write(siteDir: string): Promise<SearchIndexResult>;
}

export type SearchRecord = Parameters<Pagefind.PagefindIndex['addCustomRecord']>[0];

/**
 * A Pagefind service of its own. The module keeps one indexing process per module
 * instance, and one process indexes on one core: instances under URLs of their own let
 * parts index side by side.
 */
const pagefindService = (n: number): Promise<typeof Pagefind> => import(`${import.meta.resolve('pagefind')}?service=${n}`);

interface Job {
  code: EditionCode;
  part: SearchPart;
  key: string;
  /** A bundle from the search cache, linked into a folder of this build's own. */
  restored?: string;
  indexing?: { index: Pagefind.PagefindIndex; added: Promise<Pagefind.NewFileResponse[]> };
}

/**
 * What results are ordered by: the publication instant (UTC, so that text order is time
 * order) and the URL, so no two stories tie and the order never depends on the index.
 */
export const publishedKey = (article: Article): string => `${new Date(article.timestamp).toISOString()} ${article.url}`;

/** What Pagefind indexes of each story (a test indexes the same records as one index, to compare). */
export function searchRecords(articles: readonly Article[], code: EditionCode, dates: DateTexts): SearchRecord[] {
  const edition = editions[code];
  return articles.map((a) => ({
    url: a.url,
    content: searchText(a),
    language: edition.lang,
    meta: { title: a.headline, date: dates.dateTime(a.date, edition) },
    sort: { published: publishedKey(a) },
  }));
}

/**
 * What a part's bundle is made from, to key it: each story's digest (its file's bytes,
 * src/content/article.ts) in the part's order, the sources' fingerprint (which covers the
 * code that turns a story into a record and the date's text), the language and
 * Pagefind's version (src/search/search-cache.ts).
 */
const partInputs = (code: EditionCode, part: SearchPart) => [sourceFingerprint(), editions[code].lang, part.articles.map((a) => a.digest).join('\n')];

/** Starts indexing the parts the search cache lacks; call before rendering, `write` after. */
export async function startSearchIndex(site: Build, cacheDir: string): Promise<PendingSearchIndex> {
  const started = performance.now();
  const fail = (dir: string, step: string, errors: string[]) => new Error(`Search index (Pagefind) for ${dir} failed to ${step}:\n${errors.join('\n')}`);
  const jobs: Job[] = [];
  for (const code of site.options.render.editions) {
    for (const part of site.outputs.search.get(code) ?? []) {
      const key = partKey(partInputs(code, part));
      const job: Job = { code, part, key };
      // Taken out of the cache now, into a folder of this build's own: a concurrent build
      // may replace the cache entry before this one is written.
      const restored = restoreBundle(cacheDir, code, key, restoreFolder(cacheDir, code));
      if (restored) job.restored = restored;
      jobs.push(job);
    }
  }
  const toIndex = jobs.filter((j) => !j.restored);
  // Parts shared out among at most as many services as cores, larger parts first, each to the least loaded.
  const count = Math.min(toIndex.length, Math.max(2, availableParallelism()));
  const loads = Array.from({ length: count }, () => 0);
  const serviceOf = new Map<Job, number>();
  for (const job of [...toIndex].sort((a, b) => b.part.articles.length - a.part.articles.length)) {
    const least = loads.indexOf(Math.min(...loads));
    serviceOf.set(job, least);
    loads[least]! += job.part.articles.length;
  }
  const services = await Promise.all(Array.from({ length: count }, (_, n) => pagefindService(n)));
  const closeAll = () => Promise.all(services.map((service) => service.close()));
  try {
    // Every index is created before any records are sent: a service answers in order, so
    // an index asked for after another's records would wait until those were indexed.
    const created = await Promise.all(toIndex.map((job) => services[serviceOf.get(job)!]!.createIndex({})));
    toIndex.forEach((job, i) => {
      const { index, errors } = created[i]!;
      if (!index) throw fail(searchPartDir(job.code, job.part.id), 'start', errors);
      // Sent in a fixed order, so the bundle is the same bytes for the same content.
      job.indexing = { index, added: Promise.all(searchRecords(job.part.articles, job.code, site.dates).map((r) => index.addCustomRecord(r))) };
    });
  } catch (error) {
    await closeAll();
    throw error;
  }
  return {
    async write(siteDir) {
      const result: SearchIndexResult = { pages: 0, languages: [], pagesByLanguage: {}, ms: 0, parts: 0, indexed: toIndex.length, reused: 0 };
      const outputOf = (job: Job) => path.join(siteDir, searchPartDir(job.code, job.part.id));
      try {
        // Each service writes its parts' bundles while the others write theirs.
        await Promise.all(
          toIndex.map(async (job) => {
            const { index, added } = job.indexing!;
            const errors = (await added).flatMap((r) => r.errors);
            if (errors.length) throw fail(searchPartDir(job.code, job.part.id), 'index its articles', errors);
            const written = await index.writeFiles({ outputPath: outputOf(job) });
            if (written.errors.length) throw fail(searchPartDir(job.code, job.part.id), 'write its files', written.errors);
            for (const name of readdirSync(outputOf(job))) if (UNUSED.test(name)) rmSync(path.join(outputOf(job), name));
          }),
        );
        for (const job of jobs) {
          const outputPath = outputOf(job);
          if (job.restored) {
            mkdirSync(path.dirname(outputPath), { recursive: true });
            try {
              renameSync(job.restored, outputPath);
            } catch {
              // Output on another file system than the cache.
              cpSync(job.restored, outputPath, { recursive: true });
              rmSync(job.restored, { recursive: true, force: true });
            }
            result.reused++;
          } else storeBundle(cacheDir, job.code, job.key, outputPath);
        }
        for (const code of site.options.render.editions) pruneEdition(cacheDir, code, new Set(jobs.filter((j) => j.code === code).map((j) => j.key)));
        for (const job of jobs) {
          const lang = editions[job.code].lang;
          result.pagesByLanguage[lang] = (result.pagesByLanguage[lang] ?? 0) + job.part.articles.length;
          result.pages += job.part.articles.length;
          result.parts++;
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
