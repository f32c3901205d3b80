/**
 * The search index: Pagefind, run by the build CLI over the rendered site in the
 * staging folder, before it is published, so a failed index fails the build and never
 * leaves a site whose search page finds nothing. Pagefind splits the index by each
 * page's <html lang> (one index per edition language) and indexes only the elements
 * marked `data-pagefind-body` (the article), so listings and about pages stay out.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';

export interface SearchIndexResult {
  /** Article pages Pagefind read. */
  pages: number;
  /** Languages with an index, e.g. ["en", "fa", "ru"]. */
  languages: string[];
  /** Pages in each language's index. */
  pagesByLanguage: Record<string, number>;
  ms: number;
}

export const SEARCH_DIR = 'pagefind';

/** The edition's search bundle folder, relative to the site root. */
export const searchBundleDir = (edition: string) => `${edition}/${SEARCH_DIR}`;

/**
 * Only article pages are read: they are the only pages with `data-pagefind-body`, and
 * skipping the listings (a quarter of a large site's pages, and the biggest ones) saves
 * Pagefind reading and parsing them for nothing. Article URLs are /<edition>/<yyyy>/….
 */
export function articleGlob(editions: readonly string[]): string {
  const eds = editions.length === 1 ? editions[0] : `{${editions.join(',')}}`;
  return `${eds}/[0-9][0-9][0-9][0-9]/**/*.html`;
}

export async function writeSearchIndex(siteDir: string, editions: readonly string[]): Promise<SearchIndexResult> {
  const started = performance.now();
  const result: SearchIndexResult = { pages: 0, languages: [], pagesByLanguage: {}, ms: 0 };
  try {
    // One bundle per edition (/<ed>/pagefind/): edition shards then build and publish
    // their own search, and assembling them is a plain merge (ADR 009).
    for (const edition of editions) {
      const { pages, pagesByLanguage } = await indexEdition(siteDir, edition);
      result.pages += pages;
      for (const [lang, count] of Object.entries(pagesByLanguage)) result.pagesByLanguage[lang] = (result.pagesByLanguage[lang] ?? 0) + count;
    }
  } finally {
    await pagefind.close();
  }
  result.languages = Object.keys(result.pagesByLanguage).sort();
  result.ms = Math.round(performance.now() - started);
  return result;
}

async function indexEdition(siteDir: string, edition: string): Promise<{ pages: number; pagesByLanguage: Record<string, number> }> {
  const fail = (step: string, errors: string[]) => new Error(`Search index (Pagefind) for ${edition} failed to ${step}:\n${errors.join('\n')}`);
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw fail('start', errors);
  const added = await index.addDirectory({ path: siteDir, glob: articleGlob([edition]) });
  if (added.errors.length) throw fail(`index ${siteDir}`, added.errors);
  const outputPath = path.join(siteDir, searchBundleDir(edition));
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length) throw fail('write its files', written.errors);
  await index.deleteIndex();
  const entry = JSON.parse(readFileSync(path.join(outputPath, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return { pages: added.page_count, pagesByLanguage: Object.fromEntries(Object.entries(entry.languages).map(([lang, l]) => [lang, l.page_count])) };
}
