/**
 * Every command run from a checkout whose path has spaces (and non-ASCII letters), as a
 * newsroom's "Meridian Radio/web site" folder would: the code, the sample content and a
 * link to node_modules copied under such a path, each command run there through its npm
 * script line, and what it should have done checked on disk or over HTTP.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { npmScriptArgs } from '../scripts/npm-script.ts';
import { repoRoot } from './helpers/fixture-site.ts';

let checkout: string;

const run = (script: string, args: string[]) =>
  spawnSync(process.execPath, [...npmScriptArgs(checkout, script), ...args], {
    cwd: checkout,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 120_000,
  });

beforeAll(() => {
  checkout = path.join(mkdtempSync(path.join(tmpdir(), 'masthead-')), 'Meridian Radio', 'web site ñ');
  mkdirSync(checkout, { recursive: true });
  for (const entry of ['src', 'layouts', 'assets', 'content', 'scripts', 'bench', 'package.json', 'package-lock.json', 'tsconfig.json', '.eleventy.ts']) {
    cpSync(path.join(repoRoot, entry), path.join(checkout, entry), { recursive: true });
  }
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(checkout, 'node_modules'));
});

describe('a checkout under a path with spaces', () => {
  it('npm run new creates the story', () => {
    const result = run('new', ['--edition', 'en', '--now', '2026-11-28T09:00Z', 'Ferry service resumes']);
    expect(result.stderr).toContain('Created content/en/2026/11/ferry-service-resumes.md');
    expect(existsSync(path.join(checkout, 'content/en/2026/11/ferry-service-resumes.md'))).toBe(true);
  });

  it('npm run check validates the content', () => {
    const result = run('check', ['--now', '2026-11-28T12:00Z']);
    expect(result.stdout).toMatch(/Content OK: 16 articles loaded/);
    expect(result.status).toBe(0);
  });

  it('npm run build publishes the site, and npm run assemble merges edition shards', () => {
    const built = run('build', ['--now', '2026-11-28T12:00Z', '--quiet']);
    expect(built.status, built.stderr).toBe(0);
    expect(readFileSync(path.join(checkout, '_site/en/index.html'), 'utf8')).toContain('<!DOCTYPE html>');
    for (const code of ['en', 'ru', 'fa'])
      expect(run('build', ['--now', '2026-11-28T12:00Z', '--quiet', '--edition', code, '--out', `shard ${code}`]).status).toBe(0);
    const assembled = run('assemble', ['--now', '2026-11-28T12:00Z', '--quiet', '--out', 'assembled site', 'shard en', 'shard ru', 'shard fa']);
    expect(assembled.status, assembled.stderr).toBe(0);
    expect(readFileSync(path.join(checkout, 'assembled site/index.html'), 'utf8')).toBe(readFileSync(path.join(checkout, '_site/index.html'), 'utf8'));
  });

  it('npm run preview serves the built site', async () => {
    const child = spawn(process.execPath, [...npmScriptArgs(checkout, 'preview'), '--port', '0'], { cwd: checkout, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const found = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
          if (found) resolve(found[0]);
        });
        child.on('exit', (code) => reject(new Error(`preview exited (${code}): ${out}`)));
      });
      const response = await fetch(`${url}en/`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<html lang="en"');
    } finally {
      child.kill();
    }
  });
});
