/**
 * The final swap, killed at each of its steps: a process doing the swap is stopped dead
 * (SIGKILL) right after a step, and `_site` must then show a whole site, the previous or
 * the new one; the next build's start then leaves exactly the site shown and nothing
 * else beside it.
 */
import { spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { writeFixture } from '../../tests/helpers/fixture-site.ts';
import { snapshot } from '../../tests/helpers/site-files.ts';
import { recoverOutput, removePublishLeftovers, SWAP_STEPS, type SwapStep, stagingDirFor, swapIn } from './publish.ts';

/** A site of a few hundred files, so that a partial one would show. */
function writeSite(dir: string, version: string): void {
  for (let i = 0; i < 200; i++) {
    mkdirSync(path.join(dir, 'en', String(i)), { recursive: true });
    writeFileSync(path.join(dir, 'en', String(i), 'index.html'), `<h1>${version} ${i}</h1>`);
  }
  writeFileSync(path.join(dir, 'index.html'), `<h1>${version}</h1>`);
}

const MODULE = pathToFileURL(path.join(import.meta.dirname, 'publish.ts')).href;

/** Runs swapIn in a child process, as a build does, and kills it with SIGKILL right after `step` ('none': never); resolves once it has ended. */
function swapKilledAfter(outDir: string, staging: string, step: SwapStep | 'none'): Promise<string[]> {
  const script = `
    import { swapIn } from ${JSON.stringify(MODULE)};
    swapIn(${JSON.stringify(outDir)}, ${JSON.stringify(staging)}, (step) => {
      process.stdout.write(step + '\\n');
      if (step === ${JSON.stringify(step)}) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
    });
    process.stdout.write('done\\n');
  `;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d));
    child.stdout.on('data', (d: Buffer) => {
      out += d;
      if (out.split('\n').includes(step)) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) => {
      const steps = out.split('\n').filter(Boolean);
      if (step === 'none' ? steps.at(-1) === 'done' : signal === 'SIGKILL' && steps.at(-1) === step) resolve(steps);
      else reject(new Error(`the swap was not killed after ${step} (steps: ${steps.join(', ')}; signal ${signal}): ${err}`));
    });
  });
}

const A = (() => {
  const dir = writeFixture({});
  writeSite(dir, 'A');
  return snapshot(dir);
})();
const B = (() => {
  const dir = writeFixture({});
  writeSite(dir, 'B');
  return snapshot(dir);
})();

/** A folder holding `_site` showing site A, as a link (published by a swap before) or as a real folder. */
async function published(kind: 'link' | 'folder'): Promise<{ parent: string; outDir: string; staging: string }> {
  const parent = writeFixture({});
  const outDir = path.join(parent, '_site');
  const staging = stagingDirFor(outDir);
  if (kind === 'folder') writeSite(outDir, 'A');
  else {
    // By an earlier build, a process of its own.
    writeSite(staging, 'A');
    await swapKilledAfter(outDir, staging, 'none');
  }
  writeSite(staging, 'B');
  return { parent, outDir, staging };
}

const steps = (kind: 'link' | 'folder') => SWAP_STEPS.filter((s) => kind === 'folder' || s !== 'moved-aside');

describe.each(['link', 'folder'] as const)('the swap over a _site that is a %s, killed', (kind) => {
  it.each(steps(kind))('after %s: _site shows a whole site, and the next build start leaves only it', async (step) => {
    const { parent, outDir, staging } = await published(kind);
    await swapKilledAfter(outDir, staging, step);
    if (step === 'moved-aside') {
      // Turning a real folder into a link is two renames; the next start puts the folder back.
      expect(existsSync(outDir)).toBe(false);
    } else {
      const shown = snapshot(outDir);
      expect(shown).toEqual(step === 'swapped' ? B : A);
    }
    recoverOutput(outDir);
    removePublishLeftovers(outDir);
    expect([A, B]).toContainEqual(snapshot(outDir));
    const left = readdirSync(parent).sort();
    expect(left).toEqual(lstatSync(outDir).isSymbolicLink() ? ['_site', path.basename(realpathSync(outDir))].sort() : ['_site']);
  });
});

describe('the swap, not killed', () => {
  it('leaves _site a relative link to the new site, the previous one removed', async () => {
    const { parent, outDir, staging } = await published('link');
    swapIn(outDir, staging);
    expect(snapshot(outDir)).toEqual(B);
    expect(lstatSync(outDir).isSymbolicLink()).toBe(true);
    // The previous site is removed in the background.
    for (let i = 0; i < 100 && readdirSync(parent).length > 2; i++) await new Promise((r) => setTimeout(r, 50));
    expect(readdirSync(parent).sort()).toEqual(['_site', path.basename(realpathSync(outDir))].sort());
  });
});
