import type { Article } from '../../src/article.ts';
import type { Edition } from '../../src/editions/edition.ts';

/** "Corrected", next to a corrected story's date in listings; nothing for other stories. */
export function CorrectedMark({ article, edition }: { article: Pick<Article, 'corrections'>; edition: Edition }) {
  return article.corrections.length ? <span class="corrected-mark">{edition.strings.corrected}</span> : null;
}
