/**
 * Editors link to other stories by site path (`[earlier](/en/2026/11/25/tram-night/)`),
 * or now and then by the site's full address. The body is rendered once by the content
 * loader, which does not know the page it will be on, so such links are made relative to
 * the page when the page is written, like every other link of the site (ADR 020): they
 * then work on every mirror. The body is markdown-it output (html: false), so every link
 * is exactly `<a href="…"`, its URL escaped by markdown-it. Links to a story's Markdown
 * file become its URL first (`linkStoryFiles`).
 */
import type { BuildOptions } from '../build/options.ts';
import type { Article } from '../content/article.ts';
import { storyFileTarget } from '../content/story-links.ts';
import type { Site } from '../site/derive.ts';
import { rootFrom } from '../site/urls.ts';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The site's own address as an editor may write it at the start of a link: root-relative, or the origin and path prefix. */
function ownStart(options: Pick<BuildOptions, 'baseUrl' | 'pathPrefix'>): string {
  return `\\/(?![/\\\\])|${escapeRegExp(options.baseUrl + options.pathPrefix)}`;
}

/** The body's links into the site, relative to the page at site path `page`. */
export function relativeBodyLinks(html: string, page: string, options: Pick<BuildOptions, 'baseUrl' | 'pathPrefix'>): string {
  if (!html.includes('href="')) return html;
  const root = rootFrom(page);
  return html.replace(new RegExp(`(<a\\s[^>]*?\\bhref=")(?:${ownStart(options)})`, 'g'), (_whole, open: string) => open + root);
}

/** One link of a body as the page at `page` writes it (to find where a broken one was written). */
export function bodyLinkAsWritten(href: string, page: string, options: Pick<BuildOptions, 'baseUrl' | 'pathPrefix'>): string {
  return href.replace(new RegExp(`^(?:${ownStart(options)})`), rootFrom(page));
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
