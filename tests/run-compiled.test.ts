import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/fixture-site.ts';

// The compiled commands (src/cli/run-compiled.mjs, ADR 015) must never run stale code: an
// edit to any source is a new fingerprint, compiled before the command runs. Run on a
// copy of the code, so the edit cannot touch the repository.
function copyOfTheCode(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'masthead-compiled-'));
  for (const entry of ['src', 'layouts', 'package.json', 'tsconfig.json', '.eleventy.ts']) cpSync(path.join(repoRoot, entry), path.join(dir, entry), { recursive: true });
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

function run(dir: string, args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['src/cli/run-compiled.mjs', ...args], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, output: stdout + stderr }),
    );
  });
}

const bundles = (dir: string) => readdirSync(path.join(dir, '.cache', 'cli'));

describe('compiled commands', () => {
  it('compile the sources once, and again after any edit; bundles unused for an hour are removed', async () => {
    const dir = copyOfTheCode();
    const first = await run(dir, ['check', '--no-such-option']);
    expect(first.code).toBe(2);
    expect(first.output).toContain('Usage: npm run check');
    const [compiled] = bundles(dir);
    expect(bundles(dir)).toHaveLength(1);

    expect((await run(dir, ['check', '--no-such-option'])).output).toContain('Usage: npm run check');
    expect(bundles(dir)).toEqual([compiled]);

    const checkSource = path.join(dir, 'src', 'cli', 'check.ts');
    writeFileSync(checkSource, readFileSync(checkSource, 'utf8').replace("'Usage: npm run check", "'Usage (edited): npm run check"));
    const edited = await run(dir, ['check', '--no-such-option']);
    expect(edited.output).toContain('Usage (edited): npm run check');
    expect(bundles(dir)).toHaveLength(2);
    const current = bundles(dir).find((b) => b !== compiled)!;

    // The first bundle, unused for two hours, goes when the next edit is compiled.
    const twoHoursAgo = new Date(Date.now() - 7_200_000);
    utimesSync(path.join(dir, '.cache', 'cli', compiled!), twoHoursAgo, twoHoursAgo);
    writeFileSync(checkSource, readFileSync(checkSource, 'utf8').replace('Usage (edited)', 'Usage (edited twice)'));
    expect((await run(dir, ['check', '--no-such-option'])).output).toContain('Usage (edited twice): npm run check');
    expect(bundles(dir)).toHaveLength(2);
    expect(bundles(dir)).toContain(current);
    expect(bundles(dir)).not.toContain(compiled);
  });

  it('refuses an unknown command, naming the ones there are', async () => {
    const result = await run(repoRoot, ['deploy']);
    expect(result.code).toBe(2);
    expect(result.output).toContain('build|check');
  });
});
