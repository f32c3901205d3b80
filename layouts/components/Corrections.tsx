import type { Article } from '../../src/content/article.ts';
import { epochMillis, formatDateTime, machineDateTime } from '../../src/editions/dates.ts';
import type { Edition } from '../../src/editions/edition.ts';

/**
 * The corrections box at the end of a corrected story: every correction, oldest first,
 * dated in the edition's zone, calendar and digits. The text is the editor's, escaped.
 */
export function Corrections({ article, edition }: { article: Article; edition: Edition }) {
  if (!article.corrections.length) return null;
  const s = edition.strings;
  // Oldest first, like a log; equal dates keep the order the editor wrote them in.
  const corrections = [...article.corrections].sort((a, b) => epochMillis(a.date) - epochMillis(b.date));
  return (
    <section class="corrections" aria-labelledby="corrections-heading">
      <h2 id="corrections-heading">{corrections.length === 1 ? s.correction : s.corrections}</h2>
      <ul>
        {corrections.map((c) => (
          <li>
            <time datetime={machineDateTime(c.date, edition)}>{formatDateTime(c.date, edition)}</time>
            {': '}
            {c.text}
          </li>
        ))}
      </ul>
    </section>
  );
}
