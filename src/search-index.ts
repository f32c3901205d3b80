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
  const fail = (step: string, errors: string[]) => new Error(`Search index (Pagefind) failed to ${step}:\n${errors.join('\n')}`);
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw fail('start', errors);
    const added = await index.addDirectory({ path: siteDir, glob: articleGlob(editions) });
    if (added.errors.length) throw fail(`index ${siteDir}`, added.errors);
    const written = await index.writeFiles({ outputPath: path.join(siteDir, SEARCH_DIR) });
    if (written.errors.length) throw fail('write its files', written.errors);
    const entry = JSON.parse(readFileSync(path.join(siteDir, SEARCH_DIR, 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    const pagesByLanguage = Object.fromEntries(Object.entries(entry.languages).map(([lang, l]) => [lang, l.page_count]));
    return { pages: added.page_count, languages: Object.keys(pagesByLanguage).sort(), pagesByLanguage, ms: Math.round(performance.now() - started) };
  } finally {
    await pagefind.close();
  }
}
