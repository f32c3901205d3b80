import type { Build } from '../../src/build/build.ts';
import type { EditionCode } from '../../src/editions/edition.ts';
import { editions } from '../../src/editions/registry.ts';
import { relativeUrl } from '../../src/site/urls.ts';
import { renderDocument } from '../components/Document.tsx';

/**
 * `/<edition>/404.html`, in the edition's language; hosts serve it for missing paths
 * below the edition, at their depth: its base script (src/render/not-found-base.ts) finds
 * the edition's folder in the requested path, so its links and stylesheet hold there.
 */
interface NotFoundData {
  code: EditionCode;
  masthead: Build;
}

export const data = {
  pagination: { data: 'masthead.options.render.editions', size: 1, alias: 'code' },
  permalink: (d: NotFoundData) => `/${d.code}/404.html`,
  eleventyExcludeFromCollections: true,
};

export default function render({ code, masthead: build }: NotFoundData): string {
  const edition = editions[code];
  const s = edition.strings;
  const page = `/${code}/404.html`;
  return renderDocument({
    build,
    edition,
    page,
    notFound: { top: [code], here: `${code}/` },
    title: `${s.notFoundTitle} — ${edition.name}`,
    head: <meta name="robots" content="noindex" />,
    children: (
      <div class="page not-found">
        <h1>{s.notFoundTitle}</h1>
        <p>{s.notFoundText}</p>
        <ul>
          <li>
            <a href={relativeUrl(page, `/${code}/`)}>{s.homeLink}</a>
          </li>
          <li>
            <a href={relativeUrl(page, `/${code}/search/`)}>{s.search}</a>
          </li>
        </ul>
      </div>
    ),
  });
}
