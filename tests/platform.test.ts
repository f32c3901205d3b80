/**
 * The runtime every command runs on (ADR 017): Node 24 from node_modules/.bin inside npm
 * scripts, whatever Node started npm; a clear message on an older Node; and an install
 * that an npm on an older Node completes without an engine warning.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/fixture-site.ts';

const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  engines: { node: string };
  devEngines: { runtime: { version: string } };
};
const lock = JSON.parse(readFileSync(path.join(repoRoot, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { engines?: { node?: string }; optional?: boolean; dev?: boolean; os?: string[] }>;
};

/** The PATH a shell has outside npm: without node_modules/.bin. */
const outsidePath = (process.env.PATH ?? '').split(path.delimiter).filter((dir) => !dir.includes(`node_modules${path.sep}.bin`));

/** The first `node` on that PATH: the machine's own Node (Node 20 on this project's machines). */
function machineNode(): string | undefined {
  for (const dir of outsidePath) {
    const candidate = path.join(dir, 'node');
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

const commands = ['build', 'check', 'new', 'preview', 'assemble', 'test', 'bench', 'screenshots', 'start'];

/** Runs `npm run <script> -- --version` as a shell outside npm would: npm starts on the machine's Node. */
function versionThroughNpm(script: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', script, '--', '--version'], {
      cwd: repoRoot,
      env: { ...process.env, PATH: outsidePath.join(path.delimiter) },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      // `npm start` runs under `node --watch`, which waits for edits after the command ends.
      if (/on Node\.js v\d+/.test(out)) {
        process.kill(-child.pid!, 'SIGKILL');
        resolve(out);
      }
    });
    child.on('error', reject);
    child.on('exit', () => resolve(out));
  });
}

describe('the Node that runs Masthead', () => {
  it('runs these tests too', () => {
    expect(semver.satisfies(process.version, manifest.engines.node), process.version).toBe(true);
  });

  it.each(commands)('npm run %s runs on Node ≥ 24, whatever Node started npm', async (script) => {
    expect(manifest.scripts[script]).toMatch(/\bsrc\/cli\/main\.mjs\b/);
    const out = await versionThroughNpm(script);
    const version = /on Node\.js (v[\d.]+)/.exec(out)?.[1];
    expect(version, out).toBeDefined();
    expect(semver.major(version!)).toBeGreaterThanOrEqual(24);
  });

  it('an older Node gets a message naming the fix, and no command runs', () => {
    const node = machineNode();
    expect(node, 'a node on the PATH outside node_modules').toBeDefined();
    const { status, stderr, stdout } = spawnSync(node!, [path.join(repoRoot, 'src/cli/main.mjs'), 'build', '--out', '/nonexistent/never-written'], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    const machineVersion = spawnSync(node!, ['-p', 'process.version'], { encoding: 'utf8' }).stdout.trim();
    if (semver.major(machineVersion) < 24) {
      expect(status).toBe(1);
      expect(stderr).toContain(`Masthead needs Node.js 24 or newer, but this is Node.js ${machineVersion}`);
      expect(stderr).toMatch(/npm run build.*node_modules\/\.bin/);
      expect(stdout).toBe('');
    } else {
      // A machine whose own Node is 24 or newer runs the command itself.
      expect(stderr).not.toContain('Masthead needs Node.js 24');
    }
  });
});

describe('installing on an npm that runs on an older Node', () => {
  const oldestNpmHost = semver.minVersion(manifest.devEngines.runtime.version)!.version;

  it(`leaves no package whose engines exclude Node ${oldestNpmHost} outside the optional set (npm would print EBADENGINE)`, () => {
    const warned = Object.entries(lock.packages)
      .filter(([name, entry]) => name && entry.engines?.node && !semver.satisfies(oldestNpmHost, entry.engines.node, { includePrerelease: true }))
      .filter(([, entry]) => !entry.optional)
      .map(([name, entry]) => `${name} (${entry.engines?.node})`);
    expect(warned).toEqual([]);
  });

  it('installs every optional dependency that is not a platform build, so no tool is missing after `npm ci`', () => {
    const optional = Object.keys(
      (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { optionalDependencies: Record<string, string> }).optionalDependencies,
    );
    const needed = optional.filter((name) => !lock.packages[`node_modules/${name}`]?.os);
    expect(needed.length).toBeGreaterThan(0);
    for (const name of needed) expect(existsSync(path.join(repoRoot, 'node_modules', name, 'package.json')), name).toBe(true);
  });

  it('pins one Node 24 for every Linux machine, the same version for each platform', () => {
    const nodes = Object.entries(
      (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { optionalDependencies: Record<string, string> }).optionalDependencies,
    ).filter(([name]) => /^node-(linux|darwin|win)-/.test(name));
    expect(nodes.length).toBeGreaterThan(0);
    expect(new Set(nodes.map(([, v]) => v)).size).toBe(1);
    expect(semver.major(nodes[0]![1])).toBe(24);
    expect(readFileSync(path.join(repoRoot, '.nvmrc'), 'utf8').trim()).toBe(nodes[0]![1]);
  });
});
