import type { Build } from '../../src/build/build.ts';
import type { EditionCode } from '../../src/editions/edition.ts';
import { editions } from '../../src/editions/registry.ts';
import { accessPath } from '../../src/site/slugs.ts';
import { relativeUrl } from '../../src/site/urls.ts';
import { renderDocument } from '../components/Document.tsx';

interface AboutData {
  code: EditionCode;
  masthead: Build;
}

export const data = {
  pagination: { data: 'masthead.options.render.editions', size: 1, alias: 'code' },
  permalink: (d: AboutData) => `/${d.code}/about/`,
  eleventyExcludeFromCollections: true,
};

/** About the publisher, with the legal section the disclaimer links to (#legal), and the way in when the site is blocked. */
export default function render({ code, masthead: build }: AboutData): string {
  const edition = editions[code];
  const about = edition.about;
  const page = `/${code}/about/`;
  return renderDocument({
    build,
    edition,
    page,
    title: `${about.title} — ${edition.name}`,
    children: (
      <article class="page">
        <h1>{about.title}</h1>
        {about.paragraphs.map((p) => (
          <p key={p}>{p}</p>
        ))}
        <h2 id="legal">{about.legalHeading}</h2>
        {about.legalParagraphs.map((p) => (
          <p key={p}>{p}</p>
        ))}
        <p>
          {edition.access.aboutText} <a href={relativeUrl(page, accessPath(code))}>{edition.access.linkText}</a>
        </p>
      </article>
    ),
  });
}
