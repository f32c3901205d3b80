import type { Edition } from '../../src/editions/edition.ts';
import { editions } from '../../src/editions/registry.ts';
import type { SiteData } from '../../src/site-data.ts';
import { renderDocument } from '../components/Document.tsx';
import { StoryList } from '../components/StoryList.tsx';

interface HomeData {
  edition: Edition;
  masthead: SiteData;
}

export const data = {
  pagination: { data: 'masthead.options.editions', size: 1, alias: 'code' },
  eleventyComputed: { edition: (d: { code: keyof typeof editions }) => editions[d.code] },
  permalink: (d: { code: string }) => `/${d.code}/`,
  eleventyExcludeFromCollections: true,
};

export default function render({ edition, masthead: site }: HomeData): string {
  const stories = site.articles.filter((a) => a.edition === edition.code).slice(0, 30);
  return renderDocument({
    site,
    edition,
    title: edition.name,
    children: (
      <>
        <h1>{edition.strings.latest}</h1>
        <StoryList articles={stories} edition={edition} site={site} />
      </>
    ),
  });
}
