/**
 * Article and listing pages in production builds: rendered by their templates' own
 * `render` and written straight to disk, outside Eleventy's per-page pipeline. At
 * newsroom scale they are nearly the whole site, and Eleventy's cost per paginated page
 * (data cascade, permalink, holding every page's output until the build ends) was larger
 * than the rendering itself (ADR 012). The dev server writes its full builds this way
 * too, and renders incremental rebuilds (a few pages per edit) through the templates;
 * both paths share one `render`, and tests/page-writer.test.ts holds them to the same
 * bytes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import renderArticle from '../layouts/pages/article.11ty.tsx';
import renderListing from '../layouts/pages/listing.11ty.tsx';
import type { PageOutput } from './page-output.ts';
import type { SiteData } from './site-data.ts';

/** The site as the production CLI hands it to Eleventy: its article and listing templates render nothing. */
export function withPagesWrittenDirectly(site: SiteData): SiteData {
  return Object.freeze({ ...site, pages: Object.freeze({ ...site.pages, eleventy: { articles: [], listings: [] } }) });
}

/** Where Eleventy would write a page with this permalink (`/a/b/` → `a/b/index.html`). */
export function outputFileOf(outDir: string, url: string): string {
  const relative = url.endsWith('/') ? `${url}index.html` : url;
  const file = path.resolve(outDir, `.${relative}`);
  // URLs come from validated slugs; this is the last line of defence, not a check editors meet.
  if (!file.startsWith(path.resolve(outDir) + path.sep)) throw new Error(`Refusing to write ${url} outside ${outDir}`);
  return file;
}

/** The URLs of the pages `writeDirectPages` writes. */
export function directPageUrls(site: SiteData): string[] {
  return [...site.pages.listings.map((l) => l.url), ...site.pages.articles.map((a) => a.url)];
}

/**
 * Renders every listing and article page this build writes, and writes it: through the
 * production build's page output threads (src/page-output.ts: written and link-checked
 * beside the rendering), or, in the dev server, directly. No page is held.
 */
export async function writeDirectPages(site: SiteData, outDir: string, output?: PageOutput): Promise<number> {
  const root = path.resolve(outDir);
  const folders = new Set<string>();
  const write = async (url: string, html: string) => {
    const file = outputFileOf(root, url);
    if (output) return output.write(path.relative(root, file).split(path.sep).join('/'), html);
    const dir = path.dirname(file);
    if (!folders.has(dir)) mkdirSync(dir, { recursive: true });
    folders.add(dir);
    writeFileSync(file, html);
  };
  for (const listing of site.pages.listings) await write(listing.url, renderListing({ listing, masthead: site }));
  for (const article of site.pages.articles) await write(article.url, renderArticle({ article, masthead: site }));
  return site.pages.listings.length + site.pages.articles.length;
}
