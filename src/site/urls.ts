/**
 * The two kinds of URL a build writes (ADR 020). Every URL a page uses for the site
 * itself — links, `src`, `srcset`, stylesheets, scripts, the search bundle — is relative
 * to the page (`relativeUrl`), so one `_site/` works at the root of any host, under any
 * sub-path, behind a path-rewriting proxy and on every mirror. Only what must name the
 * main origin is absolute, from `--base-url` and `--pathprefix` (`machineUrl`): canonical,
 * `og:url`, hreflang alternates, JSON-LD, sitemaps, robots.txt and feed contents.
 */
import type { BuildOptions } from '../build/options.ts';

/**
 * The way from a page's folder back to the site's root: "./" for a page in the root
 * folder (`/`, `/404.html`), "../" for `/en/`, "../../../../../" for `/en/2026/11/26/story/`.
 * It depends only on how deep the page is, so markup shared by pages of one depth can be
 * made once for all of them (build.fragments).
 */
export function rootFrom(page: string): string {
  let depth = 0;
  const folderEnd = page.lastIndexOf('/');
  for (let i = 1; i <= folderEnd; i++) if (page.charCodeAt(i) === 47) depth++;
  return depth ? '../'.repeat(depth) : './';
}

/**
 * A site path ("/en/economy/") as written on the page at site path `page`: back to the
 * root, then down ("../../en/economy/" from /en/2026/11/26/story/ is "../../../../../en/economy/").
 * A page in the root folder gets "./en/": a first segment with a colon would otherwise read as a scheme.
 */
export function relativeUrl(page: string, target: string): string {
  if (!target.startsWith('/') || target.startsWith('//')) throw new Error(`relativeUrl: "${target}" is not a site path (it must start with a single "/")`);
  return rootFrom(page) + target.slice(1);
}

/** The path a host is asked for (`_headers`, `_redirects`): the site path under the path prefix, unencoded. */
export function hostPath(options: Pick<BuildOptions, 'pathPrefix'>, sitePath: string): string {
  return options.pathPrefix === '/' ? sitePath : options.pathPrefix + sitePath.replace(/^\//, '');
}

/**
 * Absolute URL with the path percent-encoded (Cyrillic and Persian slugs become %D0%B2…),
 * as sitemaps require and feed readers and crawlers expect; one spelling of every URL
 * in all machine-read output (feeds, sitemaps, canonical, JSON-LD, Open Graph).
 */
export function machineUrl(options: Pick<BuildOptions, 'pathPrefix' | 'baseUrl'>, sitePath: string): string {
  return options.baseUrl + encodeURI(hostPath(options, sitePath));
}
