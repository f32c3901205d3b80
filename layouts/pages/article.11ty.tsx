import type { Build } from '../../src/build/build.ts';
import type { Article } from '../../src/content/article.ts';
import { editions } from '../../src/editions/registry.ts';
import { ArticleBody } from '../components/ArticleBody.tsx';
import { ArticleMeta } from '../components/ArticleMeta.tsx';
import { renderDocument } from '../components/Document.tsx';
import { TranslationLinks } from '../components/TranslationLinks.tsx';

/**
 * One page per published article, from the loaded content (not one template per file).
 * Production builds call `render` directly (src/render/direct-pages.ts); Eleventy paginates
 * over the article pages left to it (all of them in the dev server).
 */
interface ArticleTemplateData {
  article: Article;
  masthead: Build;
}

export const data = {
  pagination: { data: 'masthead.pages.eleventy.articles', size: 1, alias: 'article' },
  permalink: (d: ArticleTemplateData) => d.article.url,
  eleventyExcludeFromCollections: true,
};

export default function render({ article, masthead: build }: ArticleTemplateData): string {
  const edition = editions[article.edition];
  return renderDocument({
    build,
    edition,
    page: article.url,
    title: `${article.headline} — ${edition.name}`,
    description: article.description,
    head: <ArticleMeta article={article} edition={edition} build={build} />,
    children: (
      <>
        <ArticleBody article={article} edition={edition} build={build} />
        <TranslationLinks article={article} edition={edition} build={build} />
      </>
    ),
  });
}
