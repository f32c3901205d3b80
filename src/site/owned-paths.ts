/**
 * The site paths the build itself writes, whatever the stories say: the root files
 * (home, 404, `_headers`, `_redirects`, robots.txt, the sitemap index, /assets/,
 * /media/, /admin/, mirrors.json) and in every edition its front page, 404 page, about,
 * access and search pages, its Pagefind bundle, feeds and sitemaps, and everything
 * under its sections and its tag and author folders (listings, their pages and feeds). A story's old address
 * (`aliases`) may claim none of them — it would redirect a live page or make two files
 * of one (src/content/cross-checks.ts). What only stories decide (their own pages) is
 * checked there, against every loaded story.
 *
 * tests/owned-paths.test.ts builds a site and holds this list to every file written.
 */
import type { EditionCode } from '../editions/edition.ts';
import { editions, isEditionCode } from '../editions/registry.ts';

/** File names of an edition folder that the build writes (front page, feeds, sitemaps, 404). */
const EDITION_FILES = /^(index\.html|404\.html|feed\.xml|rss\.xml|feed\.json|news-sitemap\.xml|sitemap(-\d+)?\.xml)$/;
/** Folders of an edition that belong to the build entirely. */
const EDITION_FOLDERS: Readonly<Record<string, string>> = {
  about: 'the about page',
  access: 'the page "If this site is blocked"',
  search: 'the search page',
  pagefind: 'the search index (Pagefind)',
  tag: 'the tag pages',
  author: 'the author pages',
  page: 'the pages of the front page',
};

/**
 * What the build writes at `sitePath` (decoded, without the path prefix; a folder path
 * means its index.html), as words for a message; undefined when it is no page of the
 * build's own (a story's page or an old address may be there).
 */
export function ownedPath(sitePath: string): string | undefined {
  const segments = sitePath.split('/').slice(1);
  const last = segments.at(-1) === '' ? segments.length - 1 : segments.length;
  const parts = segments.slice(0, last);
  const [top, second] = parts;
  if (top === undefined) return 'the home page';
  if (!isEditionCode(top))
    return parts.length === 1 && !sitePath.endsWith('/') ? 'a file of the site root' : 'a folder of the site root, outside every edition';
  const edition = editions[top as EditionCode];
  if (second === undefined) return `the front page of the ${top} edition`;
  if (parts.length === 2 && (EDITION_FILES.test(second) || second === 'index.html')) return `the ${top} edition's ${second}`;
  if (Object.hasOwn(EDITION_FOLDERS, second)) return `${EDITION_FOLDERS[second]} of the ${top} edition`;
  const section = edition.sections.find((s) => s.slug === second);
  if (section) return `the ${section.slug} section of the ${top} edition (its listing, pages and feeds)`;
  return undefined;
}
