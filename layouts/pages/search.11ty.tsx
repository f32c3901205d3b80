import type { Build } from '../../src/build/build.ts';
import type { EditionCode } from '../../src/editions/edition.ts';
import { editions } from '../../src/editions/registry.ts';
import { assetUrl } from '../../src/render/assets.ts';
import { searchPartDir } from '../../src/search/search-index.ts';
import { relativeUrl } from '../../src/site/urls.ts';
import { renderDocument } from '../components/Document.tsx';

/**
 * `/<edition>/search/`: the only page with JavaScript (assets/search.js, an external
 * module, so a strict CSP needs no inline script). The index is Pagefind's, in parts
 * written by the build CLI (src/search/search-index.ts), newest first: the script loads
 * Pagefind from the first and merges the others into it. Its language follows this
 * page's <html lang>.
 */
interface SearchData {
  code: EditionCode;
  masthead: Build;
}

export const data = {
  pagination: { data: 'masthead.options.render.editions', size: 1, alias: 'code' },
  permalink: (d: SearchData) => `/${d.code}/search/`,
  eleventyExcludeFromCollections: true,
};

export default function render({ code, masthead: build }: SearchData): string {
  const edition = editions[code];
  const s = edition.strings;
  const page = `/${code}/search/`;
  // Newest first, each relative to this page (ADR 020, 023).
  const parts = [...(build.outputs.search.get(code) ?? [])].reverse().map((part) => relativeUrl(page, `/${searchPartDir(code, part.id)}/`));
  return renderDocument({
    build,
    edition,
    page,
    title: `${s.search} — ${edition.name}`,
    head: (
      <>
        <meta name="robots" content="noindex" />
        <script type="module" src={assetUrl(build, page, 'search.js')} />
      </>
    ),
    children: (
      <div class="page search-page">
        <h1>{s.search}</h1>
        {/* biome-ignore lint/a11y/useSemanticElements: <search> is not yet announced by every screen reader this site supports; a form with role=search is. */}
        <form
          class="search-form"
          role="search"
          action={relativeUrl(page, page)}
          method="get"
          data-pagefind-parts={parts.join(' ')}
          data-base-url={relativeUrl(page, '/')}
          data-locale={edition.locale}
          data-numbering-system={edition.numberingSystem}
          data-results-text={s.searchResults}
          data-none-text={s.searchNone}
        >
          <label for="search-input">{s.searchLabel}</label>
          <div class="search-row">
            <input id="search-input" type="search" name="q" autocomplete="off" spellcheck={false} />
            <button type="submit">{s.searchButton}</button>
          </div>
        </form>
        <noscript>
          <p>{s.searchNoScript}</p>
        </noscript>
        <p id="search-status" class="search-status" role="status" aria-live="polite" />
        <ol id="search-results" class="search-results" />
      </div>
    ),
  });
}
