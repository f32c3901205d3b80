import { joined } from '#jsx/jsx-runtime';
import type { Build } from '../../src/build/build.ts';
import type { Article, Photo } from '../../src/content/article.ts';
import type { Edition } from '../../src/editions/edition.ts';
import { href } from '../../src/site/urls.ts';
import { CorrectedMark } from './CorrectedMark.tsx';
import { PICTURE_SIZES, Picture } from './Picture.tsx';

/**
 * A story in a listing: headline, summary, date and thumbnail. Every listing image goes
 * through `StoryImage`: the photo's 16:9 renditions (src/photos/prepare.ts) with the card's `sizes`.
 */
export function StoryImage({ photo, build, lead }: { photo: Photo; build: Build; lead: boolean }) {
  // The headline next to a thumbnail says what the story is; repeating the photo's
  // description for each of 20 cards only adds noise for screen-reader users.
  return (
    <div class="frame-16x9 story-card-image">
      <Picture
        set={build.photos.picture(photo)}
        alt={lead ? photo.alt : ''}
        sizes={lead ? PICTURE_SIZES.cardLead : PICTURE_SIZES.card}
        build={build}
        priority={lead}
      />
    </div>
  );
}

interface CardProps {
  article: Article;
  edition: Edition;
  build: Build;
  /** The front page's lead story: large, with its photo described. */
  lead?: boolean;
}

export function StoryCard({ article, edition, build, lead = false }: CardProps) {
  return (
    <article class={lead ? 'story-card story-card-lead' : 'story-card'}>
      <h2 class="story-card-headline">
        <a href={href(build.options, article.url)}>{article.headline}</a>
      </h2>
      {article.description ? <p class="story-card-summary">{article.description}</p> : null}
      <p class="meta">
        <time datetime={build.dates.machine(article.date, edition)}>{build.dates.date(article.date, edition)}</time>
        <CorrectedMark article={article} edition={edition} />
      </p>
      {article.photo ? <StoryImage photo={article.photo} build={build} lead={lead} /> : null}
    </article>
  );
}

/**
 * Cards in a list, each headline an h2 under the page's h1. Each story's card is
 * rendered once per build: a story is listed on its section's, its tags' and its
 * authors' pages. The bytes are those of rendering it in place.
 */
export function StoryCards({ articles, edition, build }: { articles: readonly Article[]; edition: Edition; build: Build }) {
  const rendered = build.fragments.cards;
  const card = (a: Article) => {
    let html = rendered.get(a);
    if (!html) rendered.set(a, (html = joined(<StoryCard article={a} edition={edition} build={build} />)));
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
