import { formatNumber } from '../../src/editions/dates.ts';
import type { Edition } from '../../src/editions/edition.ts';
import { fill } from '../../src/editions/placeholders.ts';
import type { ListingPage } from '../../src/site/listings.ts';
import { relativeUrl } from '../../src/site/urls.ts';

/** "Page 2 of 3" in the edition's words and digits. */
export function pageOfText(page: Pick<ListingPage, 'pageNumber' | 'pageCount'>, edition: Edition): string {
  return fill(edition.strings.pageOf, { n: formatNumber(page.pageNumber, edition), count: formatNumber(page.pageCount, edition) });
}

/** `<link rel="prev|next">` for the page head. */
export function PaginationLinks({ page }: { page: ListingPage }) {
  return (
    <>
      {page.newerUrl ? <link rel="prev" href={relativeUrl(page.url, page.newerUrl)} /> : null}
      {page.olderUrl ? <link rel="next" href={relativeUrl(page.url, page.olderUrl)} /> : null}
    </>
  );
}

/** Newer/older navigation under a listing; nothing when the listing fits on one page. */
export function Pagination({ page, edition }: { page: ListingPage; edition: Edition }) {
  if (page.pageCount < 2) return null;
  const s = edition.strings;
  return (
    <nav class="pagination" aria-label={s.paginationLabel}>
      <p class="pagination-status">{pageOfText(page, edition)}</p>
      <ul>
        {page.newerUrl ? (
          <li class="pagination-newer">
            <a rel="prev" href={relativeUrl(page.url, page.newerUrl)}>
              {s.newerStories}
            </a>
          </li>
        ) : null}
        {page.olderUrl ? (
          <li class="pagination-older">
            <a rel="next" href={relativeUrl(page.url, page.olderUrl)}>
              {s.olderStories}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
