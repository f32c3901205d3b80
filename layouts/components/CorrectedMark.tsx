import type { Article } from '../../src/content/article.ts';
import type { Edition } from '../../src/editions/edition.ts';

/** "Corrected", after a corrected story's date in listings; nothing for other stories. */
export function CorrectedMark({ article, edition }: { article: Pick<Article, 'corrections'>; edition: Edition }) {
  if (!article.corrections.length) return null;
  // The space keeps "26 November 2026 Corrected" two words in text and screen readers.
  return (
    <>
      {' '}
      <span class="corrected-mark">{edition.strings.corrected}</span>
    </>
  );
}
