/**
 * The dev server (`npm start`): its first build writes every page, and an edited story
 * shows up on its page and on the listings that carry it, without a restart.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { npmScriptArgs } from '../scripts/npm-script.ts';
import { article, repoRoot, writeFixture } from './helpers/fixture-site.ts';

let dir: string;
let out: string;
let server: ChildProcess | undefined;
let log = '';

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

/** Waits until `test` holds, polling; fails with the server's log when it never does. */
async function until(what: string, test: () => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (test()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Timed out waiting for ${what}. Server log:\n${log}`);
}

const page = (sitePath: string) => path.join(out, sitePath, 'index.html');
const read = (sitePath: string) => (existsSync(page(sitePath)) ? readFileSync(page(sitePath), 'utf8') : '');

beforeAll(async () => {
  dir = writeFixture({
    'content/en/2026/11/harbour.md': article('headline: Harbour reopens\ndate: 2026-11-26T09:30\ntags: [ports]', 'The lighthouse keeper returned.'),
    'content/en/2026/11/budget.md': article('headline: Budget passes\ndate: 2026-11-25T09:30\nsection: economy'),
    'content/ru/2026/11/mayak.md': article('headline: Маяк снова работает\ndate: 2026-11-26T10:00', 'Смотритель вернулся.'),
  });
  out = path.join(dir, '_dev');
  const port = await freePort();
  server = spawn(process.execPath, [...npmScriptArgs(repoRoot, 'start'), `--port=${port}`, `--out=${out}`], {
    cwd: repoRoot,
    env: { ...process.env, MASTHEAD_CONTENT: path.join(dir, 'content'), NO_COLOR: '1' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  server.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  await until('the first build', () => read('/en/2026/11/26/harbour/').includes('Harbour reopens') && /Server at/i.test(log));
}, 90_000);

afterAll(() => {
  if (server?.pid) process.kill(-server.pid, 'SIGKILL');
});

describe('dev server', () => {
  it('writes every page on its first build: stories, front pages, listings', () => {
    expect(read('/ru/2026/11/26/mayak/')).toContain('Маяк снова работает');
    expect(read('/en/')).toContain('Harbour reopens');
    expect(read('/en/tag/ports/')).toContain('Harbour reopens');
    expect(read('/en/economy/')).toContain('Budget passes');
  });

  it('shows an edited story on its page and on the listings that carry it', async () => {
    const edited = article('headline: Harbour reopens at dawn\ndate: 2026-11-26T09:30\ntags: [ports]', 'The lighthouse keeper returned.');
    // The watcher may still be scanning when the server says it is up (on a busy machine):
    // like an editor, save again until the server has noticed.
    const save = () => writeFileSync(path.join(dir, 'content/en/2026/11/harbour.md'), edited);
    save();
    let saved = Date.now();
    await until(
      'the server to notice the edit',
      () => {
        if (/File changed/.test(log)) return true;
        if (Date.now() - saved > 2000) {
          save();
          saved = Date.now();
        }
        return false;
      },
      30_000,
    );
    await until('the edited story', () => read('/en/2026/11/26/harbour/').includes('Harbour reopens at dawn'), 30_000);
    await until('the edited listing', () => read('/en/tag/ports/').includes('Harbour reopens at dawn'), 30_000);
    expect(read('/en/')).toContain('Harbour reopens at dawn');
    // Pages the edit does not touch are left as they were.
    expect(read('/en/economy/')).toContain('Budget passes');
  }, 70_000);
});
