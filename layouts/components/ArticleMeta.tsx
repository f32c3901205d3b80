import type { Build } from '../../src/build/build.ts';
import type { Article } from '../../src/content/article.ts';
import type { Edition } from '../../src/editions/edition.ts';
import { editions } from '../../src/editions/registry.ts';
import { socialImage } from '../../src/outputs/social-image.ts';
import { breadcrumbJsonLd, type JsonLd, jsonLdText, newsArticleJsonLd, publisherLogo } from '../../src/outputs/structured-data.ts';
import { authorPath } from '../../src/site/slugs.ts';
import { translationsOf } from '../../src/site/translations.ts';
import { machineUrl } from '../../src/site/urls.ts';

/**
 * Everything an article page tells machines in its <head>: canonical URL, the other
 * language versions (hreflang), Open Graph and Twitter card, and JSON-LD. All URLs are
 * absolute from the one configured base URL.
 */
export function ArticleMeta({ article, edition, build }: { article: Article; edition: Edition; build: Build }) {
  const { options } = build;
  const url = machineUrl(options, article.url);
  const image = socialImage(article, options, build.photos);
  const translations = translationsOf(build, article);
  const section = edition.sections.find((s) => s.slug === article.section);
  const logo = publisherLogo(build);
  const og = (property: string, content: string) => <meta key={`${property}=${content}`} property={property} content={content} />;
  return (
    <>
      <link rel="canonical" href={url} />
      {translations.map((t) => (
        <link key={t.url} rel="alternate" hreflang={editions[t.edition].lang} href={machineUrl(options, t.url)} />
      ))}
      {og('og:type', 'article')}
      {og('og:title', article.headline)}
      {og('og:url', url)}
      {og('og:site_name', edition.name)}
      {og('og:locale', edition.ogLocale)}
      {translations.filter((t) => t !== article).map((t) => og('og:locale:alternate', editions[t.edition].ogLocale))}
      {article.description ? og('og:description', article.description) : null}
      {image
        ? [
            og('og:image', image.url),
            og('og:image:type', image.type),
            og('og:image:width', String(image.width)),
            og('og:image:height', String(image.height)),
            og('og:image:alt', image.alt),
          ]
        : null}
      {og('article:published_time', article.date)}
      {og('article:modified_time', article.modified)}
      {section ? og('article:section', section.label) : null}
      {article.byline.map((name) => og('article:author', machineUrl(options, authorPath(edition.code, name))))}
      {article.tags.map((tag) => og('article:tag', tag))}
      <meta name="twitter:card" content="summary_large_image" />
      <meta name="twitter:title" content={article.headline} />
      {article.description ? <meta name="twitter:description" content={article.description} /> : null}
      {image ? <meta name="twitter:image" content={image.url} /> : null}
      {image ? <meta name="twitter:image:alt" content={image.alt} /> : null}
      <JsonLdScript value={newsArticleJsonLd({ article, edition, options, image, logo })} />
      <JsonLdScript value={breadcrumbJsonLd(article, edition, options)} />
    </>
  );
}

/**
 * The one raw-HTML spot besides the sanitised body: preact would entity-escape the JSON,
 * and a <script> element's text is never entity-decoded, so the JSON must go in as is.
 * jsonLdText escapes <, > and & as \u sequences, so no text can close the element.
 */
function JsonLdScript({ value }: { value: JsonLd }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdText(value) }} />;
}
