import type { BuildOptions } from '../build/options.ts';

/** A site-relative path ("/en/…") as it is linked in pages: under the path prefix. */
export function href(options: Pick<BuildOptions, 'pathPrefix'>, sitePath: string): string {
  return options.pathPrefix === '/' ? sitePath : options.pathPrefix + sitePath.replace(/^\//, '');
}

/** Absolute URL for feeds, sitemaps, canonical links and structured data. */
export function absoluteUrl(options: Pick<BuildOptions, 'pathPrefix' | 'baseUrl'>, sitePath: string): string {
  return options.baseUrl + href(options, sitePath);
}

/**
 * Absolute URL with the path percent-encoded (Cyrillic and Persian slugs become %D0%B2…),
 * as sitemaps require and feed readers and crawlers expect; one spelling of every URL
 * in all machine-read output (feeds, sitemaps, canonical, JSON-LD, Open Graph).
 */
export function machineUrl(options: Pick<BuildOptions, 'pathPrefix' | 'baseUrl'>, sitePath: string): string {
  return options.baseUrl + encodeURI(href(options, sitePath));
}
