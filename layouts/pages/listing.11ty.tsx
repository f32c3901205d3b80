import type { Build } from '../../src/build/build.ts';
import { editions } from '../../src/editions/registry.ts';
import type { ListingPage } from '../../src/site/listings.ts';
import { renderDocument } from '../components/Document.tsx';
import { Pagination, PaginationLinks, pageOfText } from '../components/Pagination.tsx';
import { StoryCards } from '../components/StoryCard.tsx';

/**
 * Every page of every section, tag and author listing (src/site/listings.ts), from one template.
 * Production builds call `render` directly (src/render/direct-pages.ts); Eleventy paginates over
 * the listing pages left to it (all of them in the dev server).
 */
interface ListingData {
  listing: ListingPage;
  masthead: Build;
}

export const data = {
  pagination: { data: 'masthead.pages.eleventy.listings', size: 1, alias: 'listing' },
  permalink: (d: ListingData) => d.listing.url,
  eleventyExcludeFromCollections: true,
};

export default function render({ listing, masthead: build }: ListingData): string {
  const edition = editions[listing.edition];
  const s = edition.strings;
  const kicker = listing.kind === 'tag' ? s.tagKicker : listing.kind === 'author' ? s.authorKicker : undefined;
  const pageOf = listing.pageCount > 1 ? ` — ${pageOfText(listing, edition)}` : '';
  return renderDocument({
    build,
    edition,
    page: listing.url,
    title: `${listing.label}${pageOf} — ${edition.name}`,
    head: <PaginationLinks page={listing} />,
    // A section page also advertises the section's own feeds.
    feedSection: listing.kind === 'section' ? listing.slug : undefined,
    children: (
      <section class={`listing listing-${listing.kind}`} aria-labelledby="listing-heading">
        <header class="listing-header">
          {kicker ? <p class="kicker">{kicker}</p> : null}
          <h1 id="listing-heading">{listing.label}</h1>
        </header>
        {listing.articles.length ? (
          <StoryCards articles={listing.articles} edition={edition} build={build} page={listing.url} />
        ) : (
          <p class="empty-listing">{s.noStories}</p>
        )}
        <Pagination page={listing} edition={edition} />
      </section>
    ),
  });
}
