/**
 * `/_onion.nginx.conf`: the onion service's nginx rules for this build (ADR 021), for
 * the server block that serves `_site/` to Tor, written by every build that writes the
 * cross-edition files (and so renewed with each deploy of the folder):
 *
 *   server {
 *       listen 127.0.0.1:8080;           # Tor's HiddenServicePort 80 127.0.0.1:8080
 *       root /srv/meridian/site;         # the published _site/
 *       include /srv/meridian/site/_onion.nginx.conf;
 *   }
 *
 * What differs from the HTTPS hosts' `_headers` (src/outputs/headers.ts): plain HTTP, so
 * no Strict-Transport-Security and no `upgrade-insecure-requests`; the rest of the
 * headers and of the Content-Security-Policy are the same. `_redirects` become
 * `return 301` to a URL relative to the old address; each edition gets its own 404
 * page, with a <base> added so that it holds at any depth without JavaScript (Tor
 * Browser's Safest mode runs none); nginx's own redirects (a folder without "/") stay
 * relative, never naming the port nginx listens on; the host files are never served.
 */
import type { Build } from '../build/build.ts';
import { relativeUrl } from '../site/urls.ts';
import { COMMON_HEADERS, contentSecurityPolicy, FINGERPRINTED_DIRS, HOST_FILES, IMMUTABLE, SHORT } from './headers.ts';

/** A string nginx reads as itself: double-quoted, `"` and `\` escaped (location paths are never interpolated). */
const quoted = (text: string) => `"${text.replace(/["\\]/g, '\\$&')}"`;

/**
 * A redirect target nginx sends as written: percent-encoded (a Location header is
 * ASCII), and with nothing nginx would read as a variable (`$`) or the end of a directive.
 */
const target = (url: string) => quoted(encodeURI(url).replace(/[$'"\\;{}]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`));

function headerLines(cacheControl: string, indent: string): string[] {
  const headers = { 'Content-Security-Policy': contentSecurityPolicy({ https: false }), ...COMMON_HEADERS, 'Cache-Control': cacheControl };
  // `always`: 404 pages and redirects carry them too.
  return Object.entries(headers).map(([name, value]) => `${indent}add_header ${name} ${quoted(value)} always;`);
}

const block = (head: string, lines: readonly string[]) => [`location ${head} {`, ...lines, '}'].join('\n');

/** The addresses an old path is asked for by: with and without its final slash, as `_redirects` hosts answer both. */
function oldAddresses(from: string): string[] {
  if (from.endsWith('/')) return [from, from.slice(0, -1)];
  return (from.split('/').at(-1) ?? '').includes('.') ? [from] : [from, `${from}/`];
}

export function onionNginxConf(build: Pick<Build, 'options' | 'redirects'>): string {
  const codes = build.options.editions;
  // The not-found pages' URLs are relative to their own folder; served at another depth
  // they need the base their script would add (src/render/not-found-base.ts).
  const notFound = (page: string, folder: string) =>
    block(`= ${page}`, [`    sub_filter '<meta charset="utf-8"/>' '<meta charset="utf-8"/><base href="${folder}"/>';`]);
  const parts = [
    '# Written by the build (Masthead): the onion service\'s nginx rules for this site (docs/deploy.md, "Onion service").',
    '# Include it in the server block that serves this folder to Tor, after `root`. Plain HTTP inside Tor:',
    '# no Strict-Transport-Security, no upgrade-insecure-requests.',
    '',
    'charset utf-8;',
    'charset_types text/css text/plain text/xml application/javascript application/json application/xml application/atom+xml application/rss+xml;',
    'index index.html;',
    // nginx's own redirect of a folder without "/" would otherwise name its listening port.
    'absolute_redirect off;',
    'server_tokens off;',
    'error_page 404 /404.html;',
    '',
    // Every response, redirects and 404 pages included, unless a location sets its own:
    // in nginx a location's add_header drops every inherited one, so those list them all.
    ...headerLines(SHORT, ''),
    '',
    ...FINGERPRINTED_DIRS.map((dir) => block(`/${dir}/`, headerLines(IMMUTABLE, '    '))),
    ...codes.map((code) => block(`/${code}/`, [`    error_page 404 /${code}/404.html;`])),
    notFound('/404.html', '/'),
    ...codes.map((code) => notFound(`/${code}/404.html`, `/${code}/`)),
    '# Read by the hosts, never served.',
    ...[...HOST_FILES].map((file) => block(`= /${file}`, ['    return 404;'])),
    '# Moved stories (frontmatter `aliases`, as in _redirects), each to the story relative to the old address.',
    ...build.redirects.flatMap((r) =>
      oldAddresses(r.from).map((from) => block(`= ${quoted(from)}`, [`    return 301 ${target(relativeUrl(from, r.article.url))};`])),
    ),
  ];
  return `${parts.join('\n')}\n`;
}
