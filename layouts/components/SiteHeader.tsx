import type { Build } from '../../src/build/build.ts';
import type { Edition } from '../../src/editions/edition.ts';
import { relativeUrl } from '../../src/site/urls.ts';
import { oncePerEdition } from './OncePerEdition.tsx';

export function SiteHeader({ build, edition, page }: { build: Build; edition: Edition; page: string }) {
  return <header class="site-header">{headerContent(build, edition, page)}</header>;
}

const headerContent = oncePerEdition('site-header', (build, edition, page) => {
  const s = edition.strings;
  const breaking = build.breaking[edition.code];
  return (
    <>
      <div class="masthead">
        <a class="brand" href={relativeUrl(page, `/${edition.code}/`)}>
          {edition.name}
        </a>
        <a class="search-link" href={relativeUrl(page, `/${edition.code}/search/`)}>
          {s.search}
        </a>
      </div>
      <nav id="sections" class="sections" aria-label={s.mainNavigation} tabIndex={-1}>
        <ul>
          {edition.sections.map((section) => (
            <li key={section.slug}>
              <a href={relativeUrl(page, `/${edition.code}/${section.slug}/`)}>{section.label}</a>
            </li>
          ))}
        </ul>
      </nav>
      {breaking ? (
        <p class="breaking">
          <strong class="breaking-label">{s.breakingNews}</strong> <a href={relativeUrl(page, breaking.url)}>{breaking.headline}</a>
        </p>
      ) : null}
    </>
  );
});
