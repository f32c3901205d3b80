/**
 * The dev server (`npm start`): its first build writes every page, an edited story shows
 * up on its page and on the listings that carry it without a restart, a rebuild after a
 * run of bad saves renders the fix, and it writes its own folder — a production build
 * run meanwhile neither replaces its pages nor receives them.
 *
 * Run as an editor runs it: from a checkout (the code copied, node_modules linked) with
 * no flags but the port, so its default output folder is the one tested.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { npmScriptArgs } from '../scripts/npm-script.ts';
import { article, repoRoot, writeFixture } from './helpers/fixture-site.ts';

let checkout: string;
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

const fileOf = (folder: string, sitePath: string) => path.join(checkout, folder, sitePath, 'index.html');
const readIn = (folder: string, sitePath: string) => (existsSync(fileOf(folder, sitePath)) ? readFileSync(fileOf(folder, sitePath), 'utf8') : '');
/** A page of the dev server's output. */
const read = (sitePath: string) => readIn('_dev', sitePath);

const harbourFile = () => path.join(checkout, 'content/en/2026/11/harbour.md');

/**
 * Saves a story like an editor, and again every two seconds until the server's log has
 * grown past where it was and `seen` holds for what it printed since: the watcher may
 * still be scanning when the server says it is up (on a busy machine). Gives that log.
 */
async function saveUntil(what: string, text: string, seen: (since: string) => boolean): Promise<string> {
  const from = log.length;
  writeFileSync(harbourFile(), text);
  let saved = Date.now();
  await until(
    what,
    () => {
      if (seen(log.slice(from))) return true;
      if (Date.now() - saved > 2000 && !/File changed/.test(log.slice(from))) {
        writeFileSync(harbourFile(), text);
        saved = Date.now();
      }
      return false;
    },
    40_000,
  );
  return log.slice(from);
}

beforeAll(async () => {
  checkout = path.join(mkdtempSync(path.join(tmpdir(), 'masthead-')), 'site');
  for (const entry of ['src', 'layouts', 'assets', 'scripts', 'package.json', 'tsconfig.json', '.eleventy.ts']) {
    cpSync(path.join(repoRoot, entry), path.join(checkout, entry), { recursive: true });
  }
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(checkout, 'node_modules'));
  writeFixture(
    {
      'content/en/2026/11/harbour.md': article('headline: Harbour reopens\ndate: 2026-11-26T09:30\ntags: [ports]', 'The lighthouse keeper returned.'),
      'content/en/2026/11/budget.md': article('headline: Budget passes\ndate: 2026-11-25T09:30\nsection: economy'),
      'content/en/2026/11/ferry.md': article('headline: Ferry timetable draft\ndate: 2026-11-24T09:30\ndraft: true'),
      'content/ru/2026/11/mayak.md': article('headline: Маяк снова работает\ndate: 2026-11-26T10:00', 'Смотритель вернулся.'),
    },
    checkout,
  );
  const port = await freePort();
  server = spawn(process.execPath, [...npmScriptArgs(checkout, 'start'), `--port=${port}`], {
    cwd: checkout,
    env: { ...process.env, NO_COLOR: '1' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  server.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  await until('the first build', () => read('/en/2026/11/26/harbour/').includes('Harbour reopens') && /Server at/i.test(log), 120_000);
}, 150_000);

afterAll(() => {
  if (server?.pid) process.kill(-server.pid, 'SIGKILL');
});

describe('dev server', () => {
  it('writes every page on its first build into _dev/, drafts shown, and nothing into _site/', () => {
    expect(read('/ru/2026/11/26/mayak/')).toContain('Маяк снова работает');
    expect(read('/en/')).toContain('Harbour reopens');
    expect(read('/en/tag/ports/')).toContain('Harbour reopens');
    expect(read('/en/economy/')).toContain('Budget passes');
    expect(read('/en/2026/11/24/ferry/')).toContain('Ferry timetable draft');
    expect(existsSync(path.join(checkout, '_site'))).toBe(false);
  });

  it('shows an edited story on its page and on the listings that carry it', async () => {
    const edited = article('headline: Harbour reopens at dawn\ndate: 2026-11-26T09:30\ntags: [ports]', 'The lighthouse keeper returned.');
    await saveUntil('the edited story', edited, () => read('/en/2026/11/26/harbour/').includes('Harbour reopens at dawn'));
    await until('the edited listing', () => read('/en/tag/ports/').includes('Harbour reopens at dawn'), 30_000);
    expect(read('/en/')).toContain('Harbour reopens at dawn');
    // Pages the edit does not touch are left as they were.
    expect(read('/en/economy/')).toContain('Budget passes');
  }, 70_000);

  it('after valid → YAML error → impossible offset → fixed, renders the fix; each error names the file, line and field, without a stack', async () => {
    const yamlError = await saveUntil('the YAML error', '---\nheadline: [Harbour reopens\ndate: 2026-11-26T09:30\n---\n\nBody.\n', (since) =>
      /content\/en\/2026\/11\/harbour\.md:\d+/.test(since),
    );
    const badOffset = await saveUntil('the offset error', article('headline: Harbour reopens at noon\ndate: 2026-11-26T09:30+24:00\ntags: [ports]'), (since) =>
      /content\/en\/2026\/11\/harbour\.md:\d+: date:/.test(since),
    );
    for (const since of [yamlError, badOffset]) {
      expect(since).not.toMatch(/^\s*(\[11ty\])?\s+at \S/m);
      expect(since).not.toMatch(/RangeError|TypeError|Invalid time value/);
    }
    // The page shows the last good version meanwhile.
    expect(read('/en/2026/11/26/harbour/')).toContain('Harbour reopens at dawn');
    const fixed = article('headline: Harbour reopens at noon\ndate: 2026-11-26T09:30+02:00\ntags: [ports]', 'The lighthouse keeper returned.');
    await saveUntil('the fixed story', fixed, () => read('/en/2026/11/26/harbour/').includes('Harbour reopens at noon'));
    await until('the fixed listing', () => read('/en/tag/ports/').includes('Harbour reopens at noon'), 30_000);
    expect(read('/en/')).toContain('Harbour reopens at noon');
  }, 150_000);

  it('keeps an error reported when the next save is of another story', async () => {
    await saveUntil('the YAML error', '---\nheadline: [Harbour reopens\n---\n\nBody.\n', (since) => /content\/en\/2026\/11\/harbour\.md:\d+/.test(since));
    const budget = path.join(checkout, 'content/en/2026/11/budget.md');
    const from = log.length;
    const edited = article('headline: Budget passes at last\ndate: 2026-11-25T09:30\nsection: economy');
    writeFileSync(budget, edited);
    let saved = Date.now();
    await until(
      'the rebuild after the other save',
      () => {
        if (/content\/en\/2026\/11\/harbour\.md:\d+/.test(log.slice(from)) || read('/en/economy/').includes('Budget passes at last')) return true;
        if (Date.now() - saved > 2000 && !/File changed/.test(log.slice(from))) {
          writeFileSync(budget, edited);
          saved = Date.now();
        }
        return false;
      },
      40_000,
    );
    // The broken story is still reported, so nothing of this rebuild is written.
    expect(log.slice(from)).toMatch(/content\/en\/2026\/11\/harbour\.md:\d+/);
    expect(read('/en/economy/')).not.toContain('Budget passes at last');
    await saveUntil('the fixed story', article('headline: Harbour reopens again\ndate: 2026-11-26T09:30\ntags: [ports]'), () =>
      read('/en/economy/').includes('Budget passes at last'),
    );
    expect(read('/en/2026/11/26/harbour/')).toContain('Harbour reopens again');
  }, 150_000);

  it('a production build meanwhile publishes _site/ and leaves the dev pages as they are', () => {
    const devHome = read('/en/');
    const built = spawnSync(process.execPath, [...npmScriptArgs(checkout, 'build'), '--now', '2026-11-28T12:00Z', '--quiet'], {
      cwd: checkout,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      timeout: 120_000,
    });
    expect(built.status, built.stderr).toBe(0);
    expect(readIn('_site', '/en/2026/11/26/harbour/')).toContain('Harbour reopens again');
    expect(existsSync(fileOf('_site', '/en/2026/11/24/ferry/'))).toBe(false);
    // The dev server's folder is untouched: its draft is there, its front page the same bytes.
    expect(read('/en/2026/11/24/ferry/')).toContain('Ferry timetable draft');
    expect(read('/en/')).toBe(devHome);
  }, 130_000);

  it('refuses to write into _site/', () => {
    // Without the script's --watch-path, which would wait for an edit once the command has exited.
    const command = npmScriptArgs(checkout, 'start').filter((a) => !a.startsWith('--watch-path'));
    const refused = spawnSync(process.execPath, [...command, '--port=0', '--out', '_site'], {
      cwd: checkout,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      timeout: 60_000,
    });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('--out: _site is where `npm run build` publishes');
  }, 70_000);
});
