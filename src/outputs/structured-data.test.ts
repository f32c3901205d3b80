import { describe, expect, it } from 'vitest';
import type { Article } from '../content/article.ts';
import { editions } from '../editions/registry.ts';
import { breadcrumbJsonLd, jsonLdText, type Logo, newsArticleJsonLd } from './structured-data.ts';

const options = { baseUrl: 'https://news.example', pathPrefix: '/sub/' };
const logo: Logo = { url: 'https://news.example/sub/assets/logo.png', width: 600, height: 60 };

function story(overrides: Partial<Article> = {}): Article {
  return {
    edition: 'en',
    sourcePath: 'content/en/2026/11/budget.md',
    slug: 'budget',
    url: '/en/2026/11/26/budget/',
    headline: 'Parliament passes the budget',
    date: '2026-11-26T09:30:00+00:00',
    modified: '2026-11-26T14:05:00+00:00',
    timestamp: Date.parse('2026-11-26T09:30:00Z'),
    byline: ['Jana Novák', 'Omid Rahimi'],
    credits: ['Reuters', 'AFP'],
    description: 'The vote ended a standoff.',
    section: 'economy',
    tags: ['budget'],
    breaking: false,
    draft: false,
    aliases: [],
    corrections: [],
    bodyHtml: '<p>The vote ended a standoff.</p>',
    digest: 'budget',
    ...overrides,
  };
}

const crops = ['16x9', '4x3', '1x1'].map((r) => `https://news.example/sub/media/abc-${r}.jpg`);
const image = { url: crops[0]!, alt: 'Lawmakers', type: 'image/jpeg', width: 1200, height: 675, crops };

describe('newsArticleJsonLd', () => {
  it('has every field Google documents for a news article', () => {
    const ld = newsArticleJsonLd({ article: story(), edition: editions.en, options, image, logo });
    expect(ld).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      mainEntityOfPage: { '@type': 'WebPage', '@id': 'https://news.example/sub/en/2026/11/26/budget/' },
      url: 'https://news.example/sub/en/2026/11/26/budget/',
      headline: 'Parliament passes the budget',
      description: 'The vote ended a standoff.',
      image: crops,
      datePublished: '2026-11-26T09:30:00+00:00',
      dateModified: '2026-11-26T14:05:00+00:00',
      author: [
        { '@type': 'Person', name: 'Jana Novák', url: 'https://news.example/sub/en/author/jana-nov%C3%A1k/' },
        { '@type': 'Person', name: 'Omid Rahimi', url: 'https://news.example/sub/en/author/omid-rahimi/' },
      ],
      contributor: [
        { '@type': 'Organization', name: 'Reuters' },
        { '@type': 'Organization', name: 'AFP' },
      ],
      publisher: {
        '@type': 'NewsMediaOrganization',
        name: 'Meridian Radio',
        url: 'https://news.example/sub/en/',
        logo: { '@type': 'ImageObject', url: logo.url, width: 600, height: 60 },
      },
      inLanguage: 'en',
      articleSection: 'Economy',
      keywords: ['budget'],
      isAccessibleForFree: true,
    });
  });

  it('names the publisher as author when there is no byline, and leaves out what is missing', () => {
    const ld = newsArticleJsonLd({
      article: story({ byline: [], credits: [], tags: [], description: '' }),
      edition: editions.ru,
      options,
      image: undefined,
      logo,
    });
    expect(ld.author).toEqual([expect.objectContaining({ '@type': 'NewsMediaOrganization', name: 'Радио «Меридиан»' })]);
    expect(ld.inLanguage).toBe('ru');
    for (const key of ['image', 'contributor', 'keywords', 'description']) expect(ld).not.toHaveProperty(key);
  });
});

describe('breadcrumbJsonLd', () => {
  it('goes edition → section → article with absolute URLs', () => {
    const ld = breadcrumbJsonLd(story(), editions.en, options);
    expect(ld['@type']).toBe('BreadcrumbList');
    expect(ld.itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Meridian Radio', item: 'https://news.example/sub/en/' },
      { '@type': 'ListItem', position: 2, name: 'Economy', item: 'https://news.example/sub/en/economy/' },
      { '@type': 'ListItem', position: 3, name: 'Parliament passes the budget', item: 'https://news.example/sub/en/2026/11/26/budget/' },
    ]);
  });
});

describe('jsonLdText', () => {
  it.each([
    ['closing script tag', '</script><script>alert(1)</script>'],
    ['HTML comment opener', '<!-- x'],
    ['ampersand entity lookalike', '&lt;b&gt; & &amp;'],
    ['line and paragraph separators', 'a\u2028b\u2029c'],
    ['quotes and backslashes', '"\\\'\n'],
    ['Persian with ZWNJ', 'ریاست\u200Cجمهوری'],
  ])('keeps %s inert in a <script> and parses back to the same text', (_name, text) => {
    const out = jsonLdText({ headline: text });
    expect(out).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(out)).toEqual({ headline: text });
  });
});
