import type { Build } from '../../src/build/build.ts';
import type { Article } from '../../src/content/article.ts';
import type { Edition } from '../../src/editions/edition.ts';
import { editions } from '../../src/editions/registry.ts';
import { translationsOf } from '../../src/site/translations.ts';
import { relativeUrl } from '../../src/site/urls.ts';

/** "Read in …": the story's other language versions, each named in its own language. */
export function TranslationLinks({ article, edition, build }: { article: Article; edition: Edition; build: Build }) {
  const others = translationsOf(build, article).filter((t) => t !== article);
  if (!others.length) return null;
  return (
    <nav class="translations" aria-labelledby="translations-heading">
      <h2 id="translations-heading">{edition.strings.readIn}</h2>
      <ul>
        {others.map((t) => {
          const other = editions[t.edition];
          return (
            <li key={t.url} lang={other.lang} dir={other.dir}>
              <a href={relativeUrl(article.url, t.url)} hreflang={other.lang} lang={other.lang}>
                {other.languageName}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
