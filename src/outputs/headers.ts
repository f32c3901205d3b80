/**
 * `_headers`, the file that Netlify and Cloudflare Pages (and `npm run preview`) read to
 * send HTTP headers; written by the publish stage (src/publish/site-files.ts).
 *
 * Rule paths are URL paths as readers request them, so they include the path prefix.
 * No header is set by two rules that can match one path: hosts disagree on what
 * happens then (Netlify keeps the later value, Cloudflare joins both), so every
 * Cache-Control comes from exactly one rule, one per top-level entry of the site.
 * `Onion-Location` (ADR 021) joins the rule of each edition folder and of the root's
 * HTML files, with `:splat` for the rest of the path: Cloudflare Pages fills it in
 * (and `npm run preview`); Netlify sends header values as written (docs/deploy.md).
 */
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { EditionCode } from '../editions/edition.ts';
import { onionOrigin, siteOnion } from '../editions/reach.ts';
import { editions, isEditionCode } from '../editions/registry.ts';
import { NOT_FOUND_BASE_HASH } from '../render/not-found-base.ts';
import { hostPath } from '../site/urls.ts';

/**
 * Same-origin only. Pagefind's search runs WebAssembly ('wasm-unsafe-eval' allows
 * compiling it, not eval). One inline script runs, by its hash: the not-found pages'
 * base script (src/render/not-found-base.ts). JSON-LD blocks are data, never executed,
 * so they need no hash. Over HTTPS, any http:// request is upgraded; the onion service
 * is plain HTTP (Tor encrypts it), where upgrading would break every request.
 */
export function contentSecurityPolicy({ https }: { https: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${NOT_FOUND_BASE_HASH}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

export const CONTENT_SECURITY_POLICY = contentSecurityPolicy({ https: true });

/**
 * The web editor's (/admin/, ADR 022), published only when asked for: Decap CMS compiles
 * its configuration's validators at run time ('unsafe-eval'), styles its components
 * through inline style elements ('unsafe-inline'), shows photos being uploaded from
 * blob: URLs, talks to the GitHub API and shows the signed-in editor's GitHub avatar.
 * Nothing else of the site's policy is loosened, and no page of the site gets this one.
 */
export const ADMIN_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https://avatars.githubusercontent.com",
  "font-src 'self'",
  "connect-src 'self' https://api.github.com",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  'upgrade-insecure-requests',
].join('; ');

/** The web editor's folder (src/cms/admin-files.ts). */
export const ADMIN_DIR = 'admin';

/** What every response of the site carries, over HTTPS and on the onion service alike (which has no HSTS and its own CSP). */
export const COMMON_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'Strict-Transport-Security': 'max-age=31536000',
  ...COMMON_HEADERS,
};

/** Files named by a hash of their bytes: a changed file gets a new URL. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Pages, feeds, sitemaps and search index entry points: new stories show within minutes. */
export const SHORT = 'public, max-age=300';

/** Top-level folders whose every file name carries a content hash (src/render/assets.ts, src/photos/prepare.ts). */
export const FINGERPRINTED_DIRS = ['assets', 'media'];
/** Read by the host, never served. */
export const HOST_FILES: ReadonlySet<string> = new Set(['_headers', '_redirects', '_onion.nginx.conf']);

export interface HeaderRule {
  path: string;
  headers: Record<string, string>;
}

export interface TopLevelEntry {
  name: string;
  isDirectory: boolean;
}

/**
 * The onion service's address of the pages a rule covers, for its `Onion-Location`: an
 * edition folder's own onion with the rest of the path (`:splat`); the root's HTML files
 * the first edition's; nothing for other files (feeds, sitemaps), which Tor Browser does not switch.
 */
function onionLocation(sitePath: string, siteEditions: readonly EditionCode[]): string | undefined {
  const folder = /^\/([^/]+)\/\*$/.exec(sitePath)?.[1];
  if (folder) {
    const origin = isEditionCode(folder) ? onionOrigin(editions[folder]) : undefined;
    return origin ? `${origin}/${folder}/:splat` : undefined;
  }
  const site = siteOnion(siteEditions);
  const origin = site ? onionOrigin(site) : undefined;
  return origin && /^\/(index\.html|404\.html)?$/.test(sitePath) ? origin + sitePath : undefined;
}

export function headerRules(pathPrefix: string, entries: TopLevelEntry[], siteEditions: readonly EditionCode[] = []): HeaderRule[] {
  const at = (sitePath: string) => hostPath({ pathPrefix }, sitePath);
  const admin = entries.some((e) => e.isDirectory && e.name === ADMIN_DIR);
  // With the editor published, the site's policy moves from `/*` to every other rule, so
  // that no path gets two policies (a host that joins them would enforce both on /admin/).
  const { 'Content-Security-Policy': _policy, ...everywhere } = SECURITY_HEADERS;
  const policy = (sitePath: string): Record<string, string> =>
    !admin ? {} : { 'Content-Security-Policy': sitePath === `/${ADMIN_DIR}/*` ? ADMIN_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY };
  const rules: HeaderRule[] = [{ path: at('/*'), headers: admin ? everywhere : SECURITY_HEADERS }];
  for (const dir of FINGERPRINTED_DIRS) rules.push({ path: at(`/${dir}/*`), headers: { ...policy(`/${dir}/*`), 'Cache-Control': IMMUTABLE } });
  // Search bundles are written after Eleventy, inside the edition folders, so `/<ed>/*` covers them.
  const short = new Set<string>();
  for (const entry of entries) {
    if (HOST_FILES.has(entry.name) || FINGERPRINTED_DIRS.includes(entry.name)) continue;
    if (entry.isDirectory) short.add(`/${entry.name}/*`);
    else if (entry.name === 'index.html') short.add('/').add('/index.html');
    else short.add(`/${entry.name}`);
  }
  for (const sitePath of [...short].sort()) {
    const onion = onionLocation(sitePath, siteEditions);
    rules.push({ path: at(sitePath), headers: { ...policy(sitePath), 'Cache-Control': SHORT, ...(onion ? { 'Onion-Location': onion } : {}) } });
  }
  return rules;
}

export function renderHeadersFile(rules: HeaderRule[]): string {
  const head = '# Written by the build; read by Netlify, Cloudflare Pages and `npm run preview`.\n';
  const blocks = rules.map((r) => [r.path, ...Object.entries(r.headers).map(([k, v]) => `  ${k}: ${v}`)].join('\n'));
  return `${head}\n${blocks.join('\n\n')}\n`;
}

/** (Re)writes `_headers` for a built site folder, e.g. after assembling edition shards. */
export function writeHeadersFile(outDir: string, pathPrefix: string, siteEditions: readonly EditionCode[]): void {
  const entries = readdirSync(outDir, { withFileTypes: true })
    .filter((e) => !e.name.startsWith('.'))
    .map((e) => ({ name: e.name, isDirectory: e.isDirectory() }));
  writeFileSync(path.join(outDir, '_headers'), renderHeadersFile(headerRules(pathPrefix, entries, siteEditions)));
}
