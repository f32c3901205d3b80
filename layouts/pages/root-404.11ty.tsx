import type { Build } from '../../src/build/build.ts';
import { editions } from '../../src/editions/registry.ts';
import { relativeUrl } from '../../src/site/urls.ts';
import { renderRootDocument } from '../components/RootDocument.tsx';

/**
 * `/404.html`, served by hosts for any missing path outside an edition (GitHub Pages: for
 * every missing path): "not found" in every edition's language, each block with its own
 * lang and dir, linking home. Its base script finds the site's root in the requested
 * path by the first edition folder in it (src/render/not-found-base.ts).
 */
interface RootNotFoundData {
  masthead: Build;
}

export const data = {
  // Cross-edition file: written by full builds and `npm run assemble`, not by edition shards.
  pagination: { data: 'masthead.pages.shared', size: 1, alias: 'shared' },
  permalink: '/404.html',
  eleventyExcludeFromCollections: true,
};

export default function render({ masthead: build }: RootNotFoundData): string {
  const list = build.options.editions.map((code) => editions[code]);
  const first = list[0] ?? editions.en;
  const page = '/404.html';
  return renderRootDocument({
    build,
    edition: first,
    page,
    notFound: { top: build.options.editions, here: '', root: build.options.pathPrefix },
    title: list.map((e) => e.strings.notFoundTitle).join(' · '),
    children: (
      <>
        <h1>{first.strings.notFoundTitle}</h1>
        {list.map((e) => (
          <section key={e.code} class="not-found-edition" lang={e.lang} dir={e.dir} aria-labelledby={`not-found-${e.code}`}>
            <h2 id={`not-found-${e.code}`}>{e.name}</h2>
            <p>{e.strings.notFoundText}</p>
            <p>
              <a href={relativeUrl(page, `/${e.code}/`)}>{e.strings.homeLink}</a>
            </p>
          </section>
        ))}
      </>
    ),
  });
}
