import type { EditionCode } from '../../src/editions/edition.ts';
import type { SiteData } from '../../src/site/derive.ts';
import {
  newsSitemapPath,
  newsSitemapXml,
  robotsTxt,
  sitemapIndexPath,
  sitemapIndexXml,
  sitemapsOf,
  sitemapXml,
  type SitemapPart,
} from '../../src/outputs/sitemaps.ts';

/** The files crawlers read: sitemap index, per-edition sitemaps, news sitemaps, robots.txt. */
type CrawlerFile =
  | { kind: 'index'; path: string }
  | { kind: 'part'; path: string; part: SitemapPart }
  | { kind: 'news'; path: string; edition: EditionCode }
  | { kind: 'robots'; path: string };

interface CrawlerFileData {
  file: CrawlerFile;
  masthead: SiteData;
}

export const data = {
  pagination: {
    data: 'masthead',
    size: 1,
    alias: 'file',
    // Edition sitemaps belong to their edition's build; the index and robots.txt are cross-edition files.
    before: (_keys: unknown, { masthead: site }: { masthead: SiteData }): CrawlerFile[] => {
      const { render } = site.options;
      return [
        ...(render.shared ? [{ kind: 'index' as const, path: sitemapIndexPath }] : []),
        ...sitemapsOf(site)
          .filter((part) => render.editions.includes(part.edition))
          .map((part) => ({ kind: 'part' as const, path: part.path, part })),
        ...render.editions.map((edition) => ({ kind: 'news' as const, path: newsSitemapPath(edition), edition })),
        ...(render.shared ? [{ kind: 'robots' as const, path: '/robots.txt' }] : []),
      ];
    },
  },
  permalink: ({ file }: CrawlerFileData) => file.path,
  eleventyExcludeFromCollections: true,
};

export default function crawlerFile({ file, masthead: site }: CrawlerFileData): string {
  switch (file.kind) {
    case 'index':
      return sitemapIndexXml(site);
    case 'part':
      return sitemapXml(site, file.part);
    case 'news':
      return newsSitemapXml(site, file.edition);
    case 'robots':
      return robotsTxt(site);
  }
}
