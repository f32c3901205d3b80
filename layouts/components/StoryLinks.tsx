import type { Edition } from '../../src/editions/edition.ts';
import { listFormat } from '../../src/editions/lists.ts';
import { authorPath, tagPath } from '../../src/site/slugs.ts';
import { relativeUrl } from '../../src/site/urls.ts';

/**
 * Byline names, each linking to its author page, joined the way the edition's language
 * joins a list ("A, B, and C", "A, B и C", "A، B و C").
 */
export function BylineLinks({ names, edition, page }: { names: readonly string[]; edition: Edition; page: string }) {
  const format = listFormat(edition.locale);
  let i = 0;
  return (
    <>
      {format.formatToParts(names).map((part) => {
        if (part.type === 'literal') return part.value;
        const name = names[i++] ?? part.value;
        return (
          <a key={name} class="author-link" href={relativeUrl(page, authorPath(edition.code, name))}>
            {name}
          </a>
        );
      })}
    </>
  );
}

/** The article's tags, each linking to its tag page. */
export function TopicList({ tags, edition, page }: { tags: readonly string[]; edition: Edition; page: string }) {
  if (!tags.length) return null;
  return (
    <nav class="topics" aria-labelledby="topics-heading">
      <h2 id="topics-heading">{edition.strings.topics}</h2>
      <ul>
        {tags.map((tag) => (
          <li key={tag}>
            <a href={relativeUrl(page, tagPath(edition.code, tag))}>{tag}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
