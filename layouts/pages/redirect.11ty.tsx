import type { Build } from '../../src/build/build.ts';
import { redirectPagePath } from '../../src/content/aliases.ts';
import { editions } from '../../src/editions/registry.ts';
import type { Redirect } from '../../src/site/redirects.ts';
import { machineUrl, relativeUrl } from '../../src/site/urls.ts';
import { renderDocument } from '../components/Document.tsx';

/**
 * A page at every old address of a moved story (frontmatter `aliases`): hosts without
 * `_redirects` still send readers on (meta refresh), search engines to the new URL
 * (canonical, noindex), and anyone whose browser does not refresh sees the link. The
 * refresh and the link are relative, so a mirror sends its readers to its own copy.
 */
interface RedirectData {
  redirect: Redirect;
  masthead: Build;
}

export const data = {
  pagination: {
    data: 'masthead',
    size: 1,
    alias: 'redirect',
    // The redirects of the stories this build renders (an edition shard's, or in the dev
    // server the ones a content edit changed).
    before: (_keys: unknown, { masthead }: { masthead: Build }): Redirect[] => {
      const rendered = new Set(masthead.pages.articles);
      return masthead.redirects.filter((r) => rendered.has(r.article));
    },
  },
  permalink: ({ redirect }: RedirectData) => redirectPagePath(redirect.from),
  eleventyExcludeFromCollections: true,
};

export default function render({ redirect, masthead: build }: RedirectData): string {
  const { article } = redirect;
  const edition = editions[article.edition];
  const page = redirectPagePath(redirect.from);
  const target = machineUrl(build.options, article.url);
  const to = relativeUrl(page, article.url);
  return renderDocument({
    build,
    edition,
    page,
    title: `${article.headline} — ${edition.name}`,
    head: (
      <>
        <meta http-equiv="refresh" content={`0; url=${to}`} />
        <meta name="robots" content="noindex" />
        <link rel="canonical" href={target} />
      </>
    ),
    children: (
      <article class="page redirect">
        <h1>{article.headline}</h1>
        <p>
          {edition.strings.storyMoved} <a href={to}>{target}</a>
        </p>
      </article>
    ),
  });
}
