/**
 * Dev-server rebuilds after an edit to content: only the pages whose inputs changed are
 * rendered again; every other page already on disk from the previous build is left as
 * it is. Unchanged stories keep their Article object (the loader reuses it), so "changed"
 * is a question of identity, not of comparing text. Production builds never use this.
 *
 * A page is rendered again when:
 * - article page: the story changed, or a version of it in another language did (its
 *   "Read in" list), or its edition's breaking banner changed, or a story it links to by
 *   its file moved to another URL (src/render/body-links.ts);
 * - listing page: its stories (by identity), label, position or neighbours changed, or
 *   the banner did;
 * - everything else (front pages, feeds, sitemaps…) is cheap and always rendered.
 * A story that was deleted or moved leaves its old page in the dev output until restart.
 */
import type { Article } from '../content/article.ts';
import type { Site } from './derive.ts';
import type { ListingPage } from './listings.ts';

const sameBanner = (a: Site, b: Site, code: Article['edition']) =>
  a.breaking[code]?.url === b.breaking[code]?.url && a.breaking[code]?.headline === b.breaking[code]?.headline;

function sameListing(before: ListingPage | undefined, after: ListingPage): boolean {
  return (
    before !== undefined &&
    before.label === after.label &&
    before.pageCount === after.pageCount &&
    before.newerUrl === after.newerUrl &&
    before.olderUrl === after.olderUrl &&
    before.articles.length === after.articles.length &&
    before.articles.every((a, i) => a === after.articles[i])
  );
}

export function changedPages(previous: Site, next: Site): Site['pages'] {
  const before = new Map(previous.articles.map((a) => [a.url, a]));
  const after = new Map(next.articles.map((a) => [a.url, a]));
  const changed = new Set(next.articles.filter((a) => before.get(a.url) !== a));
  const gone = previous.articles.filter((a) => after.get(a.url) !== a);
  const touchedKeys = new Set([...changed, ...gone].flatMap((a) => (a.translationKey ? [a.translationKey] : [])));
  const bannerChanged = new Set(next.options.render.editions.filter((code) => !sameBanner(previous, next, code)));
  const listingsBefore = new Map(previous.listings.pages.map((p) => [p.url, p]));
  const filesMoved = [...previous.storyFiles].some(([file, url]) => next.storyFiles.get(file) !== url);
  const linksByFile = (a: Article) => filesMoved && a.bodyHtml.includes('.md');
  const own = {
    articles: next.pages.articles.filter(
      (a) => changed.has(a) || bannerChanged.has(a.edition) || (a.translationKey !== undefined && touchedKeys.has(a.translationKey)) || linksByFile(a),
    ),
    listings: next.pages.listings.filter((p) => bannerChanged.has(p.edition) || !sameListing(listingsBefore.get(p.url), p)),
  };
  return { ...own, shared: next.pages.shared, eleventy: own };
}
