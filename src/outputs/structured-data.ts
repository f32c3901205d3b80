/**
 * JSON-LD for article pages, as Google documents it for news: a `NewsArticle` and a
 * `BreadcrumbList` (edition → section → article). Pure functions of the article and the
 * build options, so they are unit-tested without a build; the page renders the result
 * with `jsonLdText`, which makes any frontmatter text safe inside a <script> element.
 */

import type { Build } from '../build/build.ts';
import type { BuildOptions } from '../build/options.ts';
import type { Article } from '../content/article.ts';
import type { Edition } from '../editions/edition.ts';
import { authorPath, sectionPath } from '../site/slugs.ts';
import { machineUrl } from '../site/urls.ts';
import type { SocialImage } from './social-image.ts';

type Urls = Pick<BuildOptions, 'baseUrl' | 'pathPrefix'>;

export interface Logo {
  /** Absolute URL. */
  url: string;
  width: number;
  height: number;
}

export type JsonLd = Record<string, unknown>;

/** assets/logo.png: Google asks for a news publisher logo about 600×60. */
export function publisherLogo(build: Pick<Build, 'options' | 'assets'>): Logo {
  return { url: machineUrl(build.options, build.assets.path('logo.png')), width: 600, height: 60 };
}

export function publisherJsonLd(edition: Edition, options: Urls, logo: Logo): JsonLd {
  return {
    '@type': 'NewsMediaOrganization',
    name: edition.name,
    url: machineUrl(options, `/${edition.code}/`),
    logo: { '@type': 'ImageObject', url: logo.url, width: logo.width, height: logo.height },
  };
}

export interface ArticleContext {
  article: Article;
  edition: Edition;
  options: Urls;
  image: SocialImage | undefined;
  logo: Logo;
}

export function newsArticleJsonLd({ article, edition, options, image, logo }: ArticleContext): JsonLd {
  const url = machineUrl(options, article.url);
  const publisher = publisherJsonLd(edition, options, logo);
  const section = edition.sections.find((s) => s.slug === article.section);
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
    headline: article.headline,
    ...(article.description ? { description: article.description } : {}),
    ...(image ? { image: image.crops } : {}),
    datePublished: article.date,
    dateModified: article.modified,
    // No byline: Google wants an author, and the newsroom itself is the honest one.
    author: article.byline.length
      ? article.byline.map((name) => ({ '@type': 'Person', name, url: machineUrl(options, authorPath(edition.code, name)) }))
      : [publisher],
    ...(article.credits.length ? { contributor: article.credits.map((name) => ({ '@type': 'Organization', name })) } : {}),
    publisher,
    inLanguage: edition.lang,
    ...(section ? { articleSection: section.label } : {}),
    ...(article.tags.length ? { keywords: article.tags } : {}),
    isAccessibleForFree: true,
  };
}

export function breadcrumbJsonLd(article: Article, edition: Edition, options: Urls): JsonLd {
  const section = edition.sections.find((s) => s.slug === article.section);
  const trail = [
    { name: edition.name, path: `/${edition.code}/` },
    ...(section ? [{ name: section.label, path: sectionPath(edition.code, section.slug) }] : []),
    { name: article.headline, path: article.url },
  ];
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((step, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: step.name,
      item: machineUrl(options, step.path),
    })),
  };
}

const UNSAFE_IN_SCRIPT: Readonly<Record<string, string>> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * JSON for a `<script type="application/ld+json">` element. The HTML parser ends a
 * script at `</script` whatever JSON thinks, so `<`, `>` and `&` are written as \u
 * escapes (same value for every JSON reader); U+2028/2029 too, for old JS parsers.
 */
export function jsonLdText(value: JsonLd): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => UNSAFE_IN_SCRIPT[c] ?? c);
}
