import type { Build } from '../../src/build/build.ts';
import { hostPath } from '../../src/site/urls.ts';

/**
 * `_redirects` (Netlify, Cloudflare Pages): one permanent redirect per old address of a
 * moved story. Paths are as requested (path prefix included, percent-encoded); aliases
 * were validated by the loader to hold no spaces, so every line has three fields.
 */
export const data = {
  // Cross-edition file: written by full builds and `npm run assemble`, not by edition shards.
  pagination: { data: 'masthead.pages.shared', size: 1, alias: 'shared' },
  permalink: '/_redirects',
  eleventyExcludeFromCollections: true,
};

export default function redirectsFile({ masthead: build }: { masthead: Build }): string {
  const path = (sitePath: string) => encodeURI(hostPath(build.options, sitePath));
  const lines = build.redirects.map((r) => `${path(r.from)} ${path(r.article.url)} 301\n`);
  return `# Old addresses of moved stories (frontmatter \`aliases\`), written by the build.\n${lines.join('')}`;
}
