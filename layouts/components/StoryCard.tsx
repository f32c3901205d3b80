import { joined } from '#jsx/jsx-runtime';
import type { Build } from '../../src/build/build.ts';
import type { Article, Photo } from '../../src/content/article.ts';
import type { Edition } from '../../src/editions/edition.ts';
import { relativeUrl, rootFrom } from '../../src/site/urls.ts';
import { CorrectedMark } from './CorrectedMark.tsx';
import { PICTURE_SIZES, Picture } from './Picture.tsx';

/**
 * A story in a listing: headline, summary, date and thumbnail. Every listing image goes
 * through `StoryImage`: the photo's 16:9 renditions (src/photos/prepare.ts) with the card's `sizes`.
 */
export function StoryImage({ photo, build, page, lead }: { photo: Photo; build: Build; page: string; lead: boolean }) {
  // The headline next to a thumbnail says what the story is; repeating the photo's
  // description for each of 20 cards only adds noise for screen-reader users.
  return (
    <div class="frame-16x9 story-card-image">
      <Picture
        set={build.photos.picture(photo)}
        alt={lead ? photo.alt : ''}
        sizes={lead ? PICTURE_SIZES.cardLead : PICTURE_SIZES.card}
        page={page}
        priority={lead}
      />
    </div>
  );
}

interface CardProps {
  article: Article;
  edition: Edition;
  build: Build;
  /** Site path of the page the card is on. */
  page: string;
  /** The front page's lead story: large, with its photo described. */
  lead?: boolean;
}

export function StoryCard({ article, edition, build, page, lead = false }: CardProps) {
  return (
    <article class={lead ? 'story-card story-card-lead' : 'story-card'}>
      <h2 class="story-card-headline">
        <a href={relativeUrl(page, article.url)}>{article.headline}</a>
      </h2>
      {article.description ? <p class="story-card-summary">{article.description}</p> : null}
      <p class="meta">
        <time datetime={build.dates.machine(article.date, edition)}>{build.dates.date(article.date, edition)}</time>
        <CorrectedMark article={article} edition={edition} />
      </p>
      {article.photo ? <StoryImage photo={article.photo} build={build} page={page} lead={lead} /> : null}
    </article>
  );
}

/**
 * Cards in a list, each headline an h2 under the page's h1. Each story's card is
 * rendered once per build and page depth: a story is listed on its section's, its tags'
 * and its authors' pages, and its links are relative to the page (pages of one depth
 * write them alike). The bytes are those of rendering it in place.
 */
export function StoryCards({ articles, edition, build, page }: { articles: readonly Article[]; edition: Edition; build: Build; page: string }) {
  const root = rootFrom(page);
  let rendered = build.fragments.cards.get(root);
  if (!rendered) build.fragments.cards.set(root, (rendered = new Map()));
  const card = (a: Article) => {
    let html = rendered.get(a);
    if (!html) rendered.set(a, (html = joined(<StoryCard article={a} edition={edition} build={build} page={page} />)));
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
