import type { Build } from '../../src/build/build.ts';
import type { Article } from '../../src/content/article.ts';
import type { Edition } from '../../src/editions/edition.ts';
import { creditLine } from '../../src/editions/lists.ts';
import { linkStoryFiles, relativeBodyLinks } from '../../src/render/body-links.ts';
import { Corrections } from './Corrections.tsx';
import { LeadPhoto } from './LeadPhoto.tsx';
import { BylineLinks, TopicList } from './StoryLinks.tsx';

/** The story itself: headline, dateline, byline, lead photo, body, wire credits, corrections. */
export function ArticleBody({ article, edition, build }: { article: Article; edition: Edition; build: Build }) {
  const s = edition.strings;
  return (
    <article class="story">
      {article.draft ? <p class="draft-marker">{s.draft}</p> : null}
      <h1>{article.headline}</h1>
      {/* Dates are not search terms; the date still reaches results as metadata. */}
      <p class="dateline">
        <span class="published">
          {s.published} <time datetime={build.dates.machine(article.date, edition)}>{build.dates.dateTime(article.date, edition)}</time>
        </span>
        {article.updated ? (
          <span class="updated">
            {s.updated} <time datetime={build.dates.machine(article.updated, edition)}>{build.dates.dateTime(article.updated, edition)}</time>
          </span>
        ) : null}
      </p>
      {article.byline.length ? (
        <p class="byline">
          {s.by} <BylineLinks names={article.byline} edition={edition} page={article.url} />
        </p>
      ) : null}
      {article.photo ? <LeadPhoto photo={article.photo} edition={edition} build={build} page={article.url} /> : null}
      <div
        class="story-body"
        dangerouslySetInnerHTML={{ __html: relativeBodyLinks(linkStoryFiles(article.bodyHtml, article, build), article.url, build.options) }}
      />
      {article.credits.length ? <p class="wire-credits">{creditLine(article.credits, edition)}</p> : null}
      <Corrections article={article} edition={edition} />
      <TopicList tags={article.tags} edition={edition} page={article.url} />
    </article>
  );
}
