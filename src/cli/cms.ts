/**
 * `npm run cms`: the web editor on this machine (ADR 022). Starts Decap CMS's local
 * backend (decap-server, which reads and writes the files of this working copy) and the
 * dev server (`npm start`) with the editor at /admin/ beside the pages, prints where
 * each listens once both answer, and stops both on Ctrl+C — or both when either stops.
 *
 *   npm run cms -- [--port 8080] [--backend-port 8081] [--content DIR] [--out _site]
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { contentRoots } from '../content/load.ts';
import { helpText } from './help.ts';

const flags = {
  port: { type: 'string', default: '8080' },
  'backend-port': { type: 'string', default: '8081' },
  content: { type: 'string' },
  out: { type: 'string', default: '_site' },
  help: { type: 'boolean', default: false },
} as const;

const USAGE = helpText('npm run cms -- [options]', flags, {
  port: ['N', 'the dev server, with the editor at /admin/ (default 8080)'],
  'backend-port': ['N', "the editor's local backend, decap-server, on 127.0.0.1 only (default 8081)"],
  content: ['DIR', 'the content folder the editor saves into (default content; MASTHEAD_CONTENT)'],
  out: ['DIR', "the dev server's output folder (default _site)"],
  help: ['', 'print this help'],
});

const require = createRequire(import.meta.url);
const MAIN = fileURLToPath(new URL('./main.mjs', import.meta.url));

function port(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new Error(`--${flag}: "${value}" is not a port number`);
  return n;
}

/** Resolves once `check` succeeds, polling until `signal` aborts; rejects as soon as the process exits. */
function ready(child: ChildProcess, name: string, check: () => Promise<boolean>, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const exited = (code: number | null) => reject(new Error(`${name} stopped before it answered (exit code ${code})`));
    child.once('exit', exited);
    const again = () => {
      if (!signal.aborted) setTimeout(poll, 200);
    };
    const poll = () => {
      check().then((ok) => {
        if (!ok) return again();
        child.off('exit', exited);
        resolve();
      }, again);
    };
    poll();
  });
}

/** The content folder as the editor knows it: relative inside the repository, absolute outside. */
function shown(rootDir: string, dir: string): string {
  const relative = path.relative(rootDir, path.resolve(rootDir, dir));
  return relative.startsWith('..') || path.isAbsolute(relative) ? path.resolve(rootDir, dir) : relative || '.';
}

const stopped = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

function stop(child: ChildProcess): Promise<void> {
  if (stopped(child)) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export async function run(argv: string[], rootDir = process.cwd()): Promise<number> {
  let values: { port: string; 'backend-port': string; content?: string | undefined; out: string; help: boolean };
  let ports: { site: number; backend: number };
  try {
    ({ values } = parseArgs({ args: argv, options: flags, strict: true }));
    ports = { site: port('port', values.port), backend: port('backend-port', values['backend-port']) };
  } catch (error) {
    console.error(`npm run cms: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 1;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  // As for the build: the flag, else MASTHEAD_CONTENT, else content/.
  const contentDir = values.content ?? process.env.MASTHEAD_CONTENT ?? 'content';
  // decap-server names files from the folder that holds the content, as the build does (src/content/load.ts).
  const { boundary } = contentRoots(rootDir, { contentDir });
  const backendUrl = `http://127.0.0.1:${ports.backend}/api/v1`;

  const backend = spawn(process.execPath, [require.resolve('decap-server')], {
    cwd: rootDir,
    // 127.0.0.1 only: it writes any file of the working copy for whoever asks.
    env: { ...process.env, PORT: String(ports.backend), BIND_HOST: '127.0.0.1', GIT_REPO_DIRECTORY: boundary, MODE: 'fs', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const site = spawn(process.execPath, [MAIN, 'start', '--port', String(ports.site), '--out', values.out], {
    cwd: rootDir,
    env: { ...process.env, MASTHEAD_CONTENT: contentDir, MASTHEAD_ADMIN: 'local', MASTHEAD_ADMIN_LOCAL_URL: backendUrl },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const children = [backend, site];
  const stopAll = () => Promise.all(children.map(stop));
  const interrupted = new Promise<'signal'>((resolve) => {
    process.once('SIGINT', () => resolve('signal'));
    process.once('SIGTERM', () => resolve('signal'));
  });
  const anyExit = new Promise<'exit'>((resolve) => {
    for (const child of children) child.once('exit', () => resolve('exit'));
  });

  const polling = new AbortController();
  try {
    await Promise.race([
      Promise.all([
        ready(
          backend,
          'decap-server',
          async () => (await fetch(backendUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"action":"info"}' })).ok,
          polling.signal,
        ),
        ready(site, 'The dev server', async () => (await fetch(`http://localhost:${ports.site}/admin/config.json`)).ok, polling.signal),
      ]),
      interrupted.then(() => Promise.reject(new Error('interrupted'))),
    ]);
  } catch (error) {
    polling.abort();
    await stopAll();
    if ((error as Error).message === 'interrupted') return 0;
    console.error(`npm run cms: ${(error as Error).message}`);
    return 1;
  }
  console.log(
    [
      '',
      `Web editor:  http://localhost:${ports.site}/admin/  (saves into ${shown(rootDir, contentDir)}/)`,
      `Site:        http://localhost:${ports.site}/en/  (drafts shown)`,
      `Its backend: decap-server on 127.0.0.1:${ports.backend}`,
      'Ctrl+C stops both.',
      '',
    ].join('\n'),
  );
  const why = await Promise.race([interrupted, anyExit]);
  await stopAll();
  if (why === 'exit') {
    console.error('npm run cms: the dev server or decap-server stopped; both are stopped now.');
    return 1;
  }
  return 0;
}
