import type { Build } from '../../src/build/build.ts';
import type { EditionCode } from '../../src/editions/edition.ts';
import { newsSitemapPath, newsSitemapXml, robotsTxt, type SitemapPart, sitemapIndexPath, sitemapIndexXml, sitemapXml } from '../../src/outputs/sitemaps.ts';

/** The files crawlers read: sitemap index, per-edition sitemaps, news sitemaps, robots.txt. */
type CrawlerFile =
  | { kind: 'index'; path: string }
  | { kind: 'part'; path: string; part: SitemapPart }
  | { kind: 'news'; path: string; edition: EditionCode }
  | { kind: 'robots'; path: string };

interface CrawlerFileData {
  file: CrawlerFile;
  masthead: Build;
}

export const data = {
  pagination: {
    data: 'masthead',
    size: 1,
    alias: 'file',
    // Edition sitemaps belong to their edition's build; the index and robots.txt are cross-edition files.
    before: (_keys: unknown, { masthead: build }: { masthead: Build }): CrawlerFile[] => {
      const { render } = build.options;
      return [
        ...(render.shared ? [{ kind: 'index' as const, path: sitemapIndexPath }] : []),
        ...build.outputs.sitemaps.filter((part) => render.editions.includes(part.edition)).map((part) => ({ kind: 'part' as const, path: part.path, part })),
        ...render.editions.map((edition) => ({ kind: 'news' as const, path: newsSitemapPath(edition), edition })),
        ...(render.shared ? [{ kind: 'robots' as const, path: '/robots.txt' }] : []),
      ];
    },
  },
  permalink: ({ file }: CrawlerFileData) => file.path,
  eleventyExcludeFromCollections: true,
};

export default function crawlerFile({ file, masthead: build }: CrawlerFileData): string {
  switch (file.kind) {
    case 'index':
      return sitemapIndexXml(build);
    case 'part':
      return sitemapXml(build, file.part);
    case 'news':
      return newsSitemapXml(build, file.edition);
    case 'robots':
      return robotsTxt(build);
  }
}
