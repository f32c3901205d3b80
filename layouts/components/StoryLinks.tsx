import type { Edition } from '../../src/editions/edition.ts';
import type { SiteData } from '../../src/site/derive.ts';
import { authorPath, tagPath } from '../../src/site/slugs.ts';
import { href } from '../../src/site/urls.ts';

const listFormats = new Map<string, Intl.ListFormat>();

/**
 * Byline names, each linking to its author page, joined the way the edition's language
 * joins a list ("A, B, and C", "A, B и C", "A، B و C").
 */
export function BylineLinks({ names, edition, site }: { names: readonly string[]; edition: Edition; site: SiteData }) {
  let format = listFormats.get(edition.locale);
  if (!format) listFormats.set(edition.locale, (format = new Intl.ListFormat(edition.locale, { style: 'long', type: 'conjunction' })));
  let i = 0;
  return (
    <>
      {format.formatToParts(names).map((part) => {
        if (part.type === 'literal') return part.value;
        const name = names[i++] ?? part.value;
        return (
          <a key={name} class="author-link" href={href(site.options, authorPath(edition.code, name))}>
            {name}
          </a>
        );
      })}
    </>
  );
}

/** The article's tags, each linking to its tag page. */
export function TopicList({ tags, edition, site }: { tags: readonly string[]; edition: Edition; site: SiteData }) {
  if (!tags.length) return null;
  return (
    <nav class="topics" aria-labelledby="topics-heading">
      <h2 id="topics-heading">{edition.strings.topics}</h2>
      <ul>
        {tags.map((tag) => (
          <li key={tag}>
            <a href={href(site.options, tagPath(edition.code, tag))}>{tag}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
