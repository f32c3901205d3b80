/**
 * `npm run preview`: serves the built site on this machine exactly as production
 * would (headers from `_headers`, redirects from `_redirects`, 404 pages), for a last
 * look before merging. Build first: `npm run build`. The site is mounted at the path
 * prefix it was built with (read from its `_headers`) unless --pathprefix says otherwise.
 *
 *   npm run preview -- [--port 8080] [--dir _site] [--pathprefix /news/]
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { normalisePrefix } from '../build/options.ts';
import { parseHeadersFile } from '../preview/host-rules.ts';
import { createPreviewHandler } from '../preview/server.ts';
import { recoverOutput } from '../publish/publish.ts';

const USAGE = 'Usage: npm run preview -- [--port 8080] [--dir _site] [--pathprefix /news/]';

export interface RunningPreview {
  server: Server;
  url: string;
}

/** Starts the server on 127.0.0.1 (port 0 picks a free one) and gives its URL. */
export function startPreview(root: string, pathPrefix: string, port: number): Promise<RunningPreview> {
  const server = createServer(createPreviewHandler({ root, pathPrefix }));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      resolve({ server, url: `http://127.0.0.1:${actual}${pathPrefix}` });
    });
  });
}

/** The prefix the site was built with: the build's first `_headers` rule is `<prefix>*`. */
export function builtPrefix(headersFile: string): string {
  const first = parseHeadersFile(headersFile)[0]?.path ?? '/*';
  return first.endsWith('/*') ? first.slice(0, -1) : '/';
}

async function serve(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '8080' },
      dir: { type: 'string', default: '_site' },
      pathprefix: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) return console.log(USAGE);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: "${values.port}" is not a port number`);
  const root = path.resolve(values.dir);
  recoverOutput(root);
  if (!existsSync(root)) throw new Error(`${values.dir}/ does not exist: run \`npm run build\` first`);
  const headersFile = path.join(root, '_headers');
  if (!existsSync(headersFile)) console.warn(`${values.dir}/_headers is missing: pages are served without the production headers.`);
  const prefix = values.pathprefix ?? process.env.MASTHEAD_PATH_PREFIX ?? (existsSync(headersFile) ? builtPrefix(readFileSync(headersFile, 'utf8')) : '/');
  const { url } = await startPreview(root, normalisePrefix(prefix), port);
  console.log(`Previewing ${values.dir}/ as production serves it: ${url}\n(Ctrl+C to stop)`);
}

/** The command line: serves until stopped; exit code 1 when it cannot start. */
export async function run(argv: string[]): Promise<number> {
  try {
    await serve(argv);
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    console.error(USAGE);
    return 1;
  }
}
