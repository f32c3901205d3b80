import type { Build } from '../../src/build/build.ts';
import type { Article } from '../../src/content/article.ts';
import type { Edition, EditionCode } from '../../src/editions/edition.ts';
import { fill } from '../../src/editions/placeholders.ts';
import { editions } from '../../src/editions/registry.ts';
import { relativeUrl } from '../../src/site/urls.ts';
import { renderDocument } from '../components/Document.tsx';
import { StoryCard, StoryCards } from '../components/StoryCard.tsx';

/**
 * Each edition's front page: the newest story large with its photo, the next ones as
 * cards, then every section with its newest stories not already shown above.
 */
interface HomeData {
  code: EditionCode;
  masthead: Build;
}

/** Headlines per section block; the section page has the rest. */
const PER_SECTION = 3;

export const data = {
  pagination: { data: 'masthead.options.render.editions', size: 1, alias: 'code' },
  permalink: (d: HomeData) => `/${d.code}/`,
  eleventyExcludeFromCollections: true,
};

function SectionBlocks({ edition, build, page, shown }: { edition: Edition; build: Build; page: string; shown: ReadonlySet<string> }) {
  const s = edition.strings;
  return (
    <section class="front-sections" aria-labelledby="front-sections-heading">
      <h2 id="front-sections-heading">{s.mainNavigation}</h2>
      {(build.listings.sections[edition.code] ?? []).map((section) => {
        const more: Article[] = [];
        for (const a of section.articles) {
          if (more.length === PER_SECTION) break;
          if (!shown.has(a.url)) more.push(a);
        }
        return (
          <section key={section.slug} class="front-section" aria-labelledby={`front-section-${section.slug}`}>
            <h3 id={`front-section-${section.slug}`}>{section.label}</h3>
            {more.length ? (
              <ul>
                {more.map((a) => (
                  <li key={a.url}>
                    <a href={relativeUrl(page, a.url)}>{a.headline}</a>
                  </li>
                ))}
              </ul>
            ) : null}
            {section.articles.length ? (
              <p class="more-link">
                <a href={relativeUrl(page, section.url)}>{fill(s.moreIn, { section: section.label })}</a>
              </p>
            ) : null}
          </section>
        );
      })}
    </section>
  );
}

export default function render({ code, masthead: build }: HomeData): string {
  const edition = editions[code];
  const top = (build.listings.byEdition[code] ?? []).slice(0, build.options.pageSize);
  const [lead, ...rest] = top;
  const page = `/${code}/`;
  return renderDocument({
    build,
    edition,
    page,
    title: edition.name,
    children: (
      <>
        <h1 class="front-heading">{edition.strings.latest}</h1>
        {lead ? <StoryCard article={lead} edition={edition} build={build} page={page} lead /> : <p class="empty-listing">{edition.strings.noStories}</p>}
        {rest.length ? <StoryCards articles={rest} edition={edition} build={build} page={page} /> : null}
        <SectionBlocks edition={edition} build={build} page={page} shown={new Set(top.map((a) => a.url))} />
      </>
    ),
  });
}
