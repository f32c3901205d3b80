import { joined, type Html } from '#jsx/jsx-runtime';
import type { Article, Photo } from '../../src/content/article.ts';
import { formatDate, machineDateTime } from '../../src/editions/dates.ts';
import type { Edition } from '../../src/editions/edition.ts';
import { photoPicture } from '../../src/photos/prepare.ts';
import type { SiteData } from '../../src/site/derive.ts';
import { perBuild } from '../../src/site/per-build.ts';
import { href } from '../../src/site/urls.ts';
import { CorrectedMark } from './CorrectedMark.tsx';
import { Picture, PICTURE_SIZES } from './Picture.tsx';

/**
 * A story in a listing: headline, summary, date and thumbnail. Every listing image goes
 * through `StoryImage`: the photo's 16:9 renditions (src/photos/prepare.ts) with the card's `sizes`.
 */
export function StoryImage({ photo, site, lead }: { photo: Photo; site: SiteData; lead: boolean }) {
  // The headline next to a thumbnail says what the story is; repeating the photo's
  // description for each of 20 cards only adds noise for screen-reader users.
  return (
    <div class="frame-16x9 story-card-image">
      <Picture set={photoPicture(photo)} alt={lead ? photo.alt : ''} sizes={lead ? PICTURE_SIZES.cardLead : PICTURE_SIZES.card} site={site} priority={lead} />
    </div>
  );
}

interface CardProps {
  article: Article;
  edition: Edition;
  site: SiteData;
  /** The front page's lead story: large, with its photo described. */
  lead?: boolean;
}

export function StoryCard({ article, edition, site, lead = false }: CardProps) {
  return (
    <article class={lead ? 'story-card story-card-lead' : 'story-card'}>
      <h2 class="story-card-headline">
        <a href={href(site.options, article.url)}>{article.headline}</a>
      </h2>
      {article.description ? <p class="story-card-summary">{article.description}</p> : null}
      <p class="meta">
        <time datetime={machineDateTime(article.date, edition)}>{formatDate(article.date, edition)}</time>
        <CorrectedMark article={article} edition={edition} />
      </p>
      {article.photo ? <StoryImage photo={article.photo} site={site} lead={lead} /> : null}
    </article>
  );
}

/**
 * Each story's card, rendered once per build: a story is listed on its section's, its
 * tags' and its authors' pages, and rendering its card again on each was a tenth of the
 * rendering time. The bytes are those of rendering it in place.
 */
const renderedCards = perBuild(() => new Map<Article, Html>());

/** Cards in a list, each headline an h2 under the page's h1. */
export function StoryCards({ articles, edition, site }: { articles: readonly Article[]; edition: Edition; site: SiteData }) {
  const rendered = renderedCards(site);
  const card = (a: Article) => {
    let html = rendered.get(a);
    if (!html) rendered.set(a, (html = joined(<StoryCard article={a} edition={edition} site={site} />)));
    return html;
  };
  return (
    <ol class="story-cards">
      {articles.map((a) => (
        <li key={a.url}>{card(a)}</li>
      ))}
    </ol>
  );
}
