import type { Article } from '../../src/article.ts';
import { formatDate, machineDateTime } from '../../src/dates.ts';
import type { Edition } from '../../src/editions/edition.ts';
import type { SiteData } from '../../src/site-data.ts';
import { href } from '../../src/urls.ts';

export function StoryList({ articles, edition, site }: { articles: readonly Article[]; edition: Edition; site: SiteData }) {
  return (
    <ol class="story-list">
      {articles.map((a) => (
        <li key={a.url}>
          <h2>
            <a href={href(site.options, a.url)}>{a.headline}</a>
          </h2>
          {a.summary ? <p>{a.summary}</p> : null}
          <p class="meta">
            <time datetime={machineDateTime(a.date, edition)}>{formatDate(a.date, edition)}</time>
          </p>
        </li>
      ))}
    </ol>
  );
}
