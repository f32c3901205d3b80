import type { Article } from '../../src/article.ts';
import { editions } from '../../src/editions/registry.ts';
import type { SiteData } from '../../src/site-data.ts';
import { absoluteUrl } from '../../src/urls.ts';
import { ArticleBody } from '../components/ArticleBody.tsx';
import { renderDocument } from '../components/Document.tsx';

/** One page per published article, from the loaded content (not one template per file). */
interface ArticleTemplateData {
  article: Article;
  masthead: SiteData;
}

export const data = {
  pagination: { data: 'masthead.articles', size: 1, alias: 'article' },
  permalink: (d: ArticleTemplateData) => d.article.url,
  eleventyExcludeFromCollections: true,
};

export default function render({ article, masthead: site }: ArticleTemplateData): string {
  const edition = editions[article.edition];
  return renderDocument({
    site,
    edition,
    title: `${article.headline} — ${edition.name}`,
    description: article.summary,
    head: <link rel="canonical" href={absoluteUrl(site.options, article.url)} />,
    children: <ArticleBody article={article} edition={edition} site={site} />,
  });
}
