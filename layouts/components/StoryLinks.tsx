import type { Build } from '../../src/build/build.ts';
import type { Edition } from '../../src/editions/edition.ts';
import { listFormat } from '../../src/editions/lists.ts';
import { authorPath, tagPath } from '../../src/site/slugs.ts';
import { href } from '../../src/site/urls.ts';

/**
 * Byline names, each linking to its author page, joined the way the edition's language
 * joins a list ("A, B, and C", "A, B и C", "A، B و C").
 */
export function BylineLinks({ names, edition, build }: { names: readonly string[]; edition: Edition; build: Build }) {
  const format = listFormat(edition.locale);
  let i = 0;
  return (
    <>
      {format.formatToParts(names).map((part) => {
        if (part.type === 'literal') return part.value;
        const name = names[i++] ?? part.value;
        return (
          <a key={name} class="author-link" href={href(build.options, authorPath(edition.code, name))}>
            {name}
          </a>
        );
      })}
    </>
  );
}

/** The article's tags, each linking to its tag page. */
export function TopicList({ tags, edition, build }: { tags: readonly string[]; edition: Edition; build: Build }) {
  if (!tags.length) return null;
  return (
    <nav class="topics" aria-labelledby="topics-heading">
      <h2 id="topics-heading">{edition.strings.topics}</h2>
      <ul>
        {tags.map((tag) => (
          <li key={tag}>
            <a href={href(build.options, tagPath(edition.code, tag))}>{tag}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
