/**
 * Every page type a reader can land on, and where to find one of each in a built
 * site. URLs are discovered from the built pages' own links wherever possible (the
 * first section in the navigation, the first tag and author on an article), so the
 * tests do not hard-code slugs; only the scheme's fixed entry points are assumed.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { EditionCode } from '../../src/editions/edition.ts';
import type { FixtureSite } from '../helpers/fixture-site.ts';
import { EDGE_CASES, stories } from './quality-fixture.ts';

export const PAGE_KINDS = ['article with photo', 'article without photo', 'front page', 'section', 'tag', 'author', 'about', 'search', '404'] as const;
/** Every kind in every edition, plus the English story of edge cases and the two pages outside the editions. */
export type PageKind = (typeof PAGE_KINDS)[number] | 'article with edge cases' | 'root page' | 'root 404';

export interface PageRef {
  path: string;
  /** HTTP status the server answers with. */
  status: number;
}

/** Site path of the article with this slug, found in the output (its date is in the URL). */
export function articlePath(outDir: string, edition: EditionCode, slug: string): string {
  const hit = readdirSync(path.join(outDir, edition), { recursive: true, withFileTypes: true }).find((e) => e.isDirectory() && e.name === slug);
  if (!hit) throw new Error(`no page for the article "${slug}" under ${edition}/ in the build`);
  return `/${path.relative(outDir, path.join(hit.parentPath, hit.name)).split(path.sep).join('/')}/`;
}

function firstLink(site: FixtureSite, from: string, selector: string, wanted: (target: string) => boolean, what: string): string {
  // Links are relative to the page (ADR 020): site paths, to match and to open.
  const found = site.targets(from, selector).find(wanted);
  if (!found) throw new Error(`no ${what} link (${selector}) on ${from}: is that page type built yet?`);
  return found;
}

export function resolvePage(site: FixtureSite, edition: EditionCode | undefined, kind: PageKind): PageRef {
  if (kind === 'root page') return { path: '/', status: 200 };
  if (kind === 'root 404') {
    if (!site.has('/404.html')) throw new Error('/404.html was not built (root not-found page, issue 3)');
    return { path: '/no-such-edition/story/', status: 404 };
  }
  if (!edition) throw new Error(`"${kind}" is a page of an edition`);
  const s = stories[edition];
  const withPhoto = () => articlePath(site.outDir, edition, s.withPhoto);
  switch (kind) {
    case 'article with photo':
      return { path: withPhoto(), status: 200 };
    case 'article without photo':
      return { path: articlePath(site.outDir, edition, s.withoutPhoto), status: 200 };
    case 'article with edge cases':
      return { path: articlePath(site.outDir, edition, EDGE_CASES), status: 200 };
    case 'front page':
      return { path: `/${edition}/`, status: 200 };
    case 'section':
      return { path: firstLink(site, `/${edition}/`, 'header nav a', (t) => t.startsWith(`/${edition}/`) && t !== `/${edition}/`, 'section'), status: 200 };
    case 'tag':
      return { path: firstLink(site, withPhoto(), 'a', (t) => t.startsWith(`/${edition}/tag/`), 'tag page'), status: 200 };
    case 'author':
      return { path: firstLink(site, withPhoto(), 'a', (t) => t.startsWith(`/${edition}/author/`), 'author page'), status: 200 };
    case 'about':
      return { path: `/${edition}/about/`, status: 200 };
    case 'search':
      if (!site.has(`/${edition}/search/`)) throw new Error(`/${edition}/search/ was not built (search page, issue 3)`);
      return { path: `/${edition}/search/`, status: 200 };
    case '404':
      if (!site.has(`/${edition}/404.html`)) throw new Error(`/${edition}/404.html was not built (not-found page, issue 3)`);
      // A missing address, served the way a static host does: the edition's 404 page.
      return { path: `/${edition}/2026/11/no-such-story/`, status: 404 };
  }
}
