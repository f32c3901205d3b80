import type { Build } from '../../src/build/build.ts';
import { editions } from '../../src/editions/registry.ts';
import { relativeUrl } from '../../src/site/urls.ts';
import { renderRootDocument } from '../components/RootDocument.tsx';

/** `/`: the list of editions, each named in its own language and script. */
interface RootData {
  masthead: Build;
}

export const data = {
  // Cross-edition file: written by full builds and `npm run assemble`, not by edition shards.
  pagination: { data: 'masthead.pages.shared', size: 1, alias: 'shared' },
  permalink: '/',
  eleventyExcludeFromCollections: true,
};

export default function render({ masthead: build }: RootData): string {
  const list = build.options.editions.map((code) => editions[code]);
  const first = list[0] ?? editions.en;
  return renderRootDocument({
    build,
    edition: first,
    page: '/',
    title: list.map((e) => e.name).join(' · '),
    children: (
      <>
        <h1>{first.name}</h1>
        <nav class="edition-list" aria-label={first.strings.editions}>
          <ul>
            {list.map((e) => (
              <li key={e.code}>
                <a href={relativeUrl('/', `/${e.code}/`)} hreflang={e.lang} lang={e.lang} dir={e.dir}>
                  <span class="edition-language">{e.languageName}</span> <span class="edition-name">{e.name}</span>
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </>
    ),
  });
}
