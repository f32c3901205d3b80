/**
 * Editors link to other stories by site path (`[earlier](/en/2026/11/25/tram-night/)`).
 * The body is rendered once by the content loader, which does not know where the site
 * is mounted, so such links get the path prefix when the page is written. The body is
 * markdown-it output (html: false), so every link is exactly `<a href="…"`.
 */
import type { BuildOptions } from '../build/options.ts';
import type { Article } from '../content/article.ts';
import { storyFileTarget } from '../content/story-links.ts';
import type { Site } from '../site/derive.ts';

export function prefixBodyLinks(html: string, options: Pick<BuildOptions, 'pathPrefix'>): string {
  if (options.pathPrefix === '/') return html;
  return html.replace(/(<a\s[^>]*?\bhref=")\/(?![/\\])/g, `$1${options.pathPrefix}`);
}

/** The HTML escapes markdown-it writes in an attribute. */
const ATTRIBUTE_ENTITIES: Readonly<Record<string, string>> = { '&amp;': '&', '&quot;': '"', '&lt;': '<', '&gt;': '>' };

/**
 * Body links to a story's Markdown file (`../11/budget-vote.md`, src/content/story-links.ts)
 * as the story's URL. The content stage has checked that each leads to a story with a
 * page; one that does not (the dev server, between an edit and its check) is left as it was.
 */
export function linkStoryFiles(html: string, article: Pick<Article, 'sourcePath'>, site: Pick<Site, 'storyFiles'>): string {
  if (!html.includes('.md')) return html;
  return html.replace(/(<a\s[^>]*?\bhref=")([^"]*)"/g, (whole, start: string, written: string) => {
    const href = written.replace(/&(amp|quot|lt|gt);/g, (e) => ATTRIBUTE_ENTITIES[e] ?? e);
    const target = storyFileTarget(href, article.sourcePath.normalize('NFC'));
    const url = target && site.storyFiles.get(target.file);
    return url ? `${start}${encodeURI(url)}${target.fragment.replace(/"/g, '%22').replace(/&/g, '&amp;')}"` : whole;
  });
}
