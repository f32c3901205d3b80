/**
 * The request handler of `npm run preview`: serves a built site the way a static host
 * would in production, so that the last look before merging is the real thing. Files
 * are served by sirv (content types, HEAD, ranges, ETags); what hosts add around them
 * is ours: the site mounted at its path prefix; `_headers` and `_redirects` applied
 * (re-read when they change, so a rebuild shows without a restart); a folder without
 * "/" redirected to it; a missing page answered with the nearest 404.html up the tree
 * (the edition's) and status 404; nothing outside the site, not even through a
 * symbolic link inside it.
 */
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { lookup } from 'mrmime';
import sirv from 'sirv';
import { headersFor, type ParsedHeaderRule, parseHeadersFile, parseRedirectsFile, type RedirectRule, redirectFor } from './host-rules.ts';

/**
 * Where a host's type is not mrmime's: feeds and sitemaps as `application/xml` (as
 * Netlify and Cloudflare send them), icons, and an unknown kind (Pagefind's index files)
 * as bytes.
 */
const TYPE_OVERRIDES: Readonly<Record<string, string>> = { '.xml': 'application/xml', '.ico': 'image/x-icon' };
const UNKNOWN_TYPE = 'application/octet-stream';

/** The Content-Type a host sends for a file: UTF-8 named for every kind of text. */
export function contentType(file: string): string {
  const type = TYPE_OVERRIDES[path.extname(file).toLowerCase()] ?? lookup(file) ?? UNKNOWN_TYPE;
  return /^text\/|[/+](xml|json)$|javascript/.test(type) ? `${type}; charset=utf-8` : type;
}

export interface PreviewOptions {
  /** The built site folder, e.g. _site */
  root: string;
  /** "/" or the prefix the site was built with, e.g. "/news/" */
  pathPrefix: string;
}

function cachedRules<T>(file: string, parse: (text: string) => T[]): () => T[] {
  let stamp = '';
  let rules: T[] = [];
  return () => {
    const next = existsSync(file) ? String(statSync(file).mtimeMs) : '';
    if (next !== stamp) rules = next ? parse(readFileSync(file, 'utf8')) : [];
    stamp = next;
    return rules;
  };
}

export function createPreviewHandler({ root, pathPrefix }: PreviewOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const siteRoot = path.resolve(root);
  // Where the site really is, asked again on every request: a build swaps the link `_site` to a new folder (src/publish/publish.ts).
  let realRoot = realpathSync(siteRoot);
  const headerRules = cachedRules<ParsedHeaderRule>(path.join(siteRoot, '_headers'), parseHeadersFile);
  const redirectRules = cachedRules<RedirectRule>(path.join(siteRoot, '_redirects'), parseRedirectsFile);
  const files = sirv(siteRoot, { dev: true, etag: true, extensions: [], setHeaders: (res, pathname) => res.setHeader('Content-Type', contentType(pathname)) });

  /** A file that is really inside the site (after any symbolic link), or undefined. */
  const inside = (file: string): string | undefined => {
    try {
      const real = realpathSync(file);
      return (real === realRoot || real.startsWith(realRoot + path.sep)) && statSync(real).isFile() ? file : undefined;
    } catch {
      return undefined;
    }
  };

  /** The file for a URL path inside the mount, or undefined (also for anything outside it). */
  const fileFor = (urlPath: string): string | undefined => {
    if (!urlPath.startsWith(pathPrefix)) return undefined;
    const relative = urlPath.slice(pathPrefix.length);
    const file = path.resolve(siteRoot, relative.endsWith('/') || relative === '' ? `${relative}index.html` : relative);
    if (file !== siteRoot && !file.startsWith(siteRoot + path.sep)) return undefined;
    const name = path.relative(siteRoot, file);
    return name === '_headers' || name === '_redirects' ? undefined : file;
  };

  const notFoundPage = (urlPath: string): string | undefined => {
    for (let dir = urlPath.replace(/[^/]*$/, ''); dir.startsWith(pathPrefix); dir = dir.replace(/[^/]*\/$/, '')) {
      const candidate = fileFor(`${dir}404.html`);
      if (candidate && inside(candidate)) return candidate;
      if (dir === pathPrefix) break;
    }
    return undefined;
  };

  /** The last failure told in the terminal, so that a broken `_headers` is said once, not on every request. */
  let told = '';
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    try {
      realRoot = realpathSync(siteRoot);
    } catch {
      // Mid-swap on a system without atomic renames: the last known folder.
    }
    const url = new URL(req.url ?? '/', 'http://preview.invalid');
    let urlPath: string;
    try {
      urlPath = decodeURIComponent(url.pathname);
    } catch {
      urlPath = '';
    }
    const hostHeaders = () => {
      for (const [name, value] of headersFor(headerRules(), url.pathname).headers) res.setHeader(name, value);
    };
    const answer = (status: number, file: string | undefined, extra: Record<string, string> = {}) => {
      hostHeaders();
      for (const [name, value] of Object.entries(extra)) res.setHeader(name, value);
      const body = file ? readFileSync(file) : Buffer.from(status === 404 ? 'Not found\n' : '', 'utf8');
      res.setHeader('Content-Type', file ? contentType(file) : 'text/plain; charset=utf-8');
      res.setHeader('Content-Length', body.length);
      res.writeHead(status);
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    const serve = (file: string) => {
      hostHeaders();
      req.url = `/${path.relative(siteRoot, file).split(path.sep).map(encodeURIComponent).join('/')}`;
      files(req, res, () => answer(404, notFoundPage(urlPath)));
    };

    if (req.method !== 'GET' && req.method !== 'HEAD') return answer(405, undefined, { Allow: 'GET, HEAD' });
    if (!urlPath || urlPath.includes('\0')) return answer(400, undefined);

    const redirect = redirectFor(redirectRules(), url.pathname);
    if (redirect && redirect.status >= 300 && redirect.status < 400) return answer(redirect.status, undefined, { Location: redirect.to });
    if (redirect) {
      const target = fileFor(decodeURIComponent(redirect.to.split(/[?#]/)[0] ?? ''));
      if (target && inside(target)) return serve(target);
    }

    const file = fileFor(urlPath);
    if (file && inside(file)) return serve(file);
    if (file && !urlPath.endsWith('/') && existsSync(file) && inside(path.join(file, 'index.html'))) {
      return answer(301, undefined, { Location: `${url.pathname}/${url.search}` });
    }
    return answer(404, notFoundPage(urlPath));
  };

  // A request the server cannot answer (a `_headers` or `_redirects` it cannot read) gets a 500 that says why; the server keeps serving.
  return (req, res) => {
    try {
      handle(req, res);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (message !== told) console.error(`npm run preview: ${message}`);
      told = message;
      if (res.headersSent) {
        res.end();
        return;
      }
      res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`${message}\n`);
    }
  };
}
