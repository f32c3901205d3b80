/**
 * A plain static file server for a built site, on 127.0.0.1 and a free port, behaving
 * like the static hosts we deploy to: files by sirv with a host's content types
 * (Pagefind needs application/wasm to stream-compile its index), directory →
 * index.html, a folder without "/" redirected, a missing page → the edition's 404 page
 * with status 404. No `_headers`: that is `npm run preview`'s job. `mount` serves the
 * site under a sub-path, as a mirror or a CDN bucket might (`/m-4f2a/`); outside it
 * there is nothing.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import sirv from 'sirv';
import { contentType } from '../../src/preview/server.ts';

export interface StaticServer {
  /** Origin without trailing slash, e.g. http://127.0.0.1:41234 */
  origin: string;
  close(): Promise<void>;
}

function isFile(p: string): boolean {
  return existsSync(p) && statSync(p).isFile();
}

/** The not-found page a host would serve: the edition's own, else the root one. */
function notFoundPage(root: string, urlPath: string): string | undefined {
  const edition = /^\/([a-z]{2})\//.exec(urlPath)?.[1];
  const candidates = [edition ? path.join(root, edition, '404.html') : '', path.join(root, '404.html')];
  return candidates.find((c) => c && isFile(c));
}

export function startStaticServer(root: string, mount = '/'): Promise<StaticServer> {
  const base = path.resolve(root);
  // sirv passes the request's path: a folder's (or an extension-less one's) file is its index.html.
  const setHeaders = (res: import('node:http').ServerResponse, pathname: string) => {
    res.setHeader('Content-Type', contentType(pathname.endsWith('/') ? `${pathname}index.html` : path.extname(pathname) ? pathname : `${pathname}.html`));
    res.setHeader('Cache-Control', 'no-store');
  };
  const files = sirv(base, { dev: true, extensions: ['html'], setHeaders });
  const server: Server = createServer((req, res) => {
    const requested = (req.url ?? '/').split(/[?#]/)[0] ?? '/';
    if (!requested.startsWith(mount)) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not found: outside the mount');
      return;
    }
    // Below the mount, the site's own paths.
    const urlPath = `/${requested.slice(mount.length)}`;
    req.url = urlPath + (req.url ?? '').slice(requested.length);
    let decoded = urlPath;
    try {
      decoded = decodeURIComponent(urlPath);
    } catch {
      // A malformed escape names no file: the not-found page below.
    }
    const target = path.join(base, path.normalize(decoded));
    if (!decoded.endsWith('/') && existsSync(target) && statSync(target).isDirectory()) {
      res.writeHead(301, { location: `${requested}/` });
      res.end();
      return;
    }
    files(req, res, () => {
      const page = notFoundPage(base, decoded);
      res.statusCode = 404;
      if (!page) {
        res.setHeader('Content-Type', 'text/plain; charset=utf-8');
        res.end('Not found');
        return;
      }
      res.setHeader('Content-Type', contentType(page));
      res.end(req.method === 'HEAD' ? undefined : readFileSync(page));
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        origin: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
