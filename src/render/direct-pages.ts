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
import renderArticle from '../../layouts/pages/article.11ty.tsx';
import renderListing from '../../layouts/pages/listing.11ty.tsx';
import type { Build } from '../build/build.ts';
import type { PageOutput } from '../publish/output-threads.ts';
import { pageFileOf, pageFileWriter } from '../publish/page-files.ts';
import { namedRender } from './page-errors.ts';

/** The site as the production CLI hands it to Eleventy: its article and listing templates render nothing. */
export function withPagesWrittenDirectly(build: Build): Build {
  return Object.freeze({ ...build, pages: Object.freeze({ ...build.pages, eleventy: { articles: [], listings: [] } }) });
}

/** The files of the pages `writeDirectPages` writes, relative to the output folder. */
export function directPageFiles(build: Build): string[] {
  return [...build.pages.listings, ...build.pages.articles].map((page) => pageFileOf(page.url));
}

/**
 * Renders every listing and article page this build writes, and writes it: through the
 * production build's page output threads (src/publish/output-threads.ts: written and link-checked
 * beside the rendering), or, in the dev server, directly. No page is held.
 */
export async function writeDirectPages(build: Build, outDir: string, output?: PageOutput): Promise<number> {
  const write: (file: string, html: string) => unknown = output ? (file, html) => output.write(file, html) : pageFileWriter(outDir);
  for (const listing of build.pages.listings) await write(pageFileOf(listing.url), namedRender({ listing, masthead: build }, renderListing));
  for (const article of build.pages.articles) await write(pageFileOf(article.url), namedRender({ article, masthead: build }, renderArticle));
  return build.pages.listings.length + build.pages.articles.length;
}
