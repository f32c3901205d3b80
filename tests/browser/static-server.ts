/**
 * A tiny static file server for a built site, on 127.0.0.1 and a free port, behaving
 * like the static hosts we deploy to: directory → index.html, a missing page → the
 * edition's 404 page with status 404, and a content type for every kind of file the
 * build writes (Pagefind needs application/wasm to stream-compile its index).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.avif': 'image/avif',
  '.webp': 'image/webp',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

export interface StaticServer {
  /** Origin without trailing slash, e.g. http://127.0.0.1:41234 */
  origin: string;
  close(): Promise<void>;
}

function isFile(p: string): boolean {
  return existsSync(p) && statSync(p).isFile();
}

/** The file a request path maps to, or undefined; never anything outside root. */
export function resolveFile(root: string, urlPath: string): { file?: string; redirect?: string } {
  let clean: string;
  try {
    clean = decodeURIComponent(urlPath.split(/[?#]/)[0] ?? '/');
  } catch {
    return {};
  }
  const target = path.join(root, path.normalize(clean));
  if (target !== root && !target.startsWith(root + path.sep)) return {};
  if (isFile(target)) return { file: target };
  if (existsSync(target) && statSync(target).isDirectory()) {
    if (!clean.endsWith('/')) return { redirect: `${urlPath.split(/[?#]/)[0]}/` };
    const index = path.join(target, 'index.html');
    if (isFile(index)) return { file: index };
  }
  return {};
}

/** The not-found page a host would serve: the edition's own, else the root one. */
function notFoundPage(root: string, urlPath: string): string | undefined {
  const edition = /^\/([a-z]{2})\//.exec(urlPath)?.[1];
  const candidates = [edition ? path.join(root, edition, '404.html') : '', path.join(root, '404.html')];
  return candidates.find((c) => c && isFile(c));
}

export function startStaticServer(root: string): Promise<StaticServer> {
  const base = path.resolve(root);
  const server: Server = createServer((req, res) => {
    const urlPath = req.url ?? '/';
    const { file, redirect } = resolveFile(base, urlPath);
    if (redirect) {
      res.writeHead(301, { location: redirect });
      res.end();
      return;
    }
    const body = file ?? notFoundPage(base, urlPath);
    if (!body) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found');
      return;
    }
    res.writeHead(file ? 200 : 404, {
      'content-type': TYPES[path.extname(body).toLowerCase()] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(body).pipe(res);
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
