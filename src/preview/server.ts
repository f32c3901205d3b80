/**
 * The request handler of `npm run preview`: serves a built site the way a static host
 * would in production, so that the last look before merging is the real thing. The
 * site is mounted at its path prefix; `_headers` and `_redirects` are applied (re-read
 * when they change, so a rebuild shows without a restart); a folder is served by its
 * index.html (a folder without "/" is redirected to it); a missing page gets the
 * nearest 404.html up the tree (the edition's) with status 404.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { headersFor, parseHeadersFile, parseRedirectsFile, redirectFor, type ParsedHeaderRule, type RedirectRule } from './host-rules.ts';

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.xsl': 'application/xslt+xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
};

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

function isFile(file: string): boolean {
  return existsSync(file) && statSync(file).isFile();
}

export function createPreviewHandler({ root, pathPrefix }: PreviewOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const siteRoot = path.resolve(root);
  const headerRules = cachedRules<ParsedHeaderRule>(path.join(siteRoot, '_headers'), parseHeadersFile);
  const redirectRules = cachedRules<RedirectRule>(path.join(siteRoot, '_redirects'), parseRedirectsFile);

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
      if (candidate && isFile(candidate)) return candidate;
      if (dir === pathPrefix) break;
    }
    return undefined;
  };

  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://preview.invalid');
    let urlPath: string;
    try {
      urlPath = decodeURIComponent(url.pathname);
    } catch {
      urlPath = '';
    }
    const send = (status: number, file: string | undefined, extra: Record<string, string> = {}) => {
      for (const [name, value] of headersFor(headerRules(), url.pathname).headers) res.setHeader(name, value);
      for (const [name, value] of Object.entries(extra)) res.setHeader(name, value);
      const body = file ? readFileSync(file) : Buffer.from(status === 404 ? 'Not found\n' : '', 'utf8');
      res.setHeader('Content-Type', file ? (CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream') : 'text/plain; charset=utf-8');
      res.setHeader('Content-Length', body.length);
      res.writeHead(status);
      res.end(req.method === 'HEAD' ? undefined : body);
    };

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, undefined, { Allow: 'GET, HEAD' });
    if (!urlPath || urlPath.includes('\0')) return send(400, undefined);

    const redirect = redirectFor(redirectRules(), url.pathname);
    if (redirect && redirect.status >= 300 && redirect.status < 400) {
      return send(redirect.status, undefined, { Location: redirect.to });
    }
    if (redirect) {
      const target = fileFor(decodeURIComponent(redirect.to.split(/[?#]/)[0] ?? ''));
      if (target && isFile(target)) return send(redirect.status, target);
    }

    const file = fileFor(urlPath);
    if (file && isFile(file)) return send(200, file);
    if (file && !urlPath.endsWith('/') && existsSync(file) && isFile(path.join(file, 'index.html'))) {
      return send(301, undefined, { Location: `${url.pathname}/${url.search}` });
    }
    return send(404, notFoundPage(urlPath));
  };
}
