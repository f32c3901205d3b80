/**
 * The search index: one Pagefind bundle per edition, at /<ed>/pagefind/ (ADR 008, 009).
 *
 * Records are made from the loaded articles, not by re-reading the rendered pages:
 * Pagefind runs in its own process, so the records are handed to it before Eleventy
 * renders and it indexes on the second core while the pages are written. The build CLI
 * writes the bundles into the staging folder before the swap, so a failed index fails
 * the build and never leaves a search page that finds nothing.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import type { Article } from './article.ts';
import { formatDateTime } from './dates.ts';
import { editions } from './editions/registry.ts';
import type { SiteData } from './site-data.ts';

export interface SearchIndexResult {
  /** Article records indexed. */
  pages: number;
  /** Languages with an index, e.g. ["en", "fa", "ru"]. */
  languages: string[];
  /** Records in each language's index. */
  pagesByLanguage: Record<string, number>;
  ms: number;
}

export const SEARCH_DIR = 'pagefind';

/** The edition's search bundle folder, relative to the site root. */
export const searchBundleDir = (edition: string) => `${edition}/${SEARCH_DIR}`;

/** markdown-it escapes only these four in text. */
const ENTITIES: Readonly<Record<string, string>> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"' };

/** What a reader can find a story by: headline, byline, caption, body and wire credits, as plain text. */
export function searchText(article: Article): string {
  const body = article.bodyHtml.replace(/<[^>]*>/g, ' ').replace(/&(?:amp|lt|gt|quot);/g, (e) => ENTITIES[e] ?? e);
  return [article.headline, article.byline.join(', '), article.photo?.caption, body, article.credits.join(', ')]
    .filter(Boolean)
    .join('\n')
    .replace(/[ \t]+/g, ' ');
}

export interface PendingSearchIndex {
  /** Waits for Pagefind and writes each edition's bundle into `siteDir`. */
  write(siteDir: string): Promise<SearchIndexResult>;
}

/** Starts indexing the rendered editions' articles; call before rendering, `write` after. */
export async function startSearchIndex(site: SiteData): Promise<PendingSearchIndex> {
  const started = performance.now();
  const fail = (code: string, step: string, errors: string[]) =>
    new Error(`Search index (Pagefind) for ${code} failed to ${step}:\n${errors.join('\n')}`);
  const byEdition = site.options.render.editions.map((code) => ({ code, articles: site.pages.articles.filter((a) => a.edition === code) }));
  const indexes: { code: string; index: pagefind.PagefindIndex; added: Promise<pagefind.NewFileResponse[]> }[] = [];
  for (const { code, articles } of byEdition) {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw fail(code, 'start', errors);
    const edition = editions[code];
    // Sent in a fixed order, so the bundle is the same bytes for the same content.
    const added = Promise.all(
      articles.map((a) =>
        index.addCustomRecord({ url: a.url, content: searchText(a), language: edition.lang, meta: { title: a.headline, date: formatDateTime(a.date, edition) } }),
      ),
    );
    indexes.push({ code, index, added });
  }
  return {
    async write(siteDir) {
      const result: SearchIndexResult = { pages: 0, languages: [], pagesByLanguage: {}, ms: 0 };
      try {
        for (const { code, index, added } of indexes) {
          const errors = (await added).flatMap((r) => r.errors);
          if (errors.length) throw fail(code, 'index its articles', errors);
          const outputPath = path.join(siteDir, searchBundleDir(code));
          const written = await index.writeFiles({ outputPath });
          if (written.errors.length) throw fail(code, 'write its files', written.errors);
          const entry = JSON.parse(readFileSync(path.join(outputPath, 'pagefind-entry.json'), 'utf8')) as {
            languages: Record<string, { page_count: number }>;
          };
          for (const [lang, l] of Object.entries(entry.languages)) {
            result.pagesByLanguage[lang] = (result.pagesByLanguage[lang] ?? 0) + l.page_count;
            result.pages += l.page_count;
          }
        }
      } finally {
        await pagefind.close();
      }
      result.languages = Object.keys(result.pagesByLanguage).sort();
      result.ms = Math.round(performance.now() - started);
      return result;
    },
  };
}
