/**
 * Editors link to other stories by site path (`[earlier](/en/2026/11/25/tram-night/)`).
 * The body is rendered once by the content loader, which does not know where the site
 * is mounted, so such links get the path prefix when the page is written. The body is
 * markdown-it output (html: false), so every link is exactly `<a href="…"`.
 */
import type { BuildOptions } from '../build/options.ts';

export function prefixBodyLinks(html: string, options: Pick<BuildOptions, 'pathPrefix'>): string {
  if (options.pathPrefix === '/') return html;
  return html.replace(/(<a\s[^>]*?\bhref=")\/(?![/\\])/g, `$1${options.pathPrefix}`);
}
