/**
 * Article pages in production builds: rendered by the article template's own `render`
 * and written straight to disk, outside Eleventy's per-page pipeline. At newsroom scale
 * they are most of the site, and Eleventy's cost per paginated page (data cascade,
 * permalink, holding every page's output until the build ends) was larger than the
 * rendering itself (ADR 012). The dev server still renders them through the template
 * (incremental, a few pages per edit), so both paths share one `render`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import renderArticle from '../layouts/pages/article.11ty.tsx';
import type { Article } from './article.ts';
import type { SiteData } from './site-data.ts';

/** The site as the production CLI hands it to Eleventy: the article template renders nothing. */
export function withArticlesWrittenDirectly(site: SiteData): SiteData {
  return Object.freeze({ ...site, pages: Object.freeze({ ...site.pages, articleTemplate: [] }) });
}

/** Where Eleventy would write a page with this permalink (`/a/b/` → `a/b/index.html`). */
export function outputFileOf(outDir: string, url: string): string {
  const relative = url.endsWith('/') ? `${url}index.html` : url;
  const file = path.resolve(outDir, `.${relative}`);
  // URLs come from validated slugs; this is the last line of defence, not a check editors meet.
  if (!file.startsWith(path.resolve(outDir) + path.sep)) throw new Error(`Refusing to write ${url} outside ${outDir}`);
  return file;
}

/**
 * Renders and writes `articles` (by default every article page this build writes),
 * handing each page to `onPage` (the link check) on the way.
 * Rendering stays on this thread; the writes go to libuv's pool, so disk time overlaps
 * with rendering the next pages. Nothing is held beyond a bounded window of pages.
 */
export async function writeArticlePages(
  site: SiteData,
  outDir: string,
  { articles = site.pages.articles, onPage }: { articles?: readonly Article[]; onPage?: (file: string, html: string) => void } = {},
): Promise<number> {
  const folders = new Map<string, Promise<unknown>>();
  const inFlight = new Set<Promise<void>>();
  let failure: unknown;
  for (const article of articles) {
    if (failure) break;
    const file = outputFileOf(outDir, article.url);
    const html = renderArticle({ article, masthead: site });
    onPage?.(file, html);
    const dir = path.dirname(file);
    let folder = folders.get(dir);
    if (!folder) folders.set(dir, (folder = mkdir(dir, { recursive: true })));
    const job: Promise<void> = folder
      .then(() => writeFile(file, html))
      .catch((error: unknown) => {
        failure ??= error;
      })
      .finally(() => inFlight.delete(job));
    inFlight.add(job);
    if (inFlight.size >= 32) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  if (failure) throw failure;
  return articles.length;
}
