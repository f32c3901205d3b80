/**
 * Loading the layouts' `.tsx` modules on Node 24. Node strips the types of `.ts` files
 * itself, but does not compile JSX, so a synchronous module hook (`module.registerHooks`,
 * on the importing thread, no loader thread) hands Node each `.tsx` file compiled by
 * esbuild, with an inline source map so that stack traces name the `.tsx` line.
 *
 * Commands that render compile every layout in one esbuild call before their first
 * import (a call per file costs several times as much, ADR 017); a file whose text
 * changed since (the dev server after an edit) is compiled again on import.
 */
import { globSync, readFileSync } from 'node:fs';
import { createRequire, registerHooks } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildOptions as EsbuildOptions, TransformOptions } from 'esbuild';

const JSX: Pick<TransformOptions, 'jsx' | 'jsxImportSource' | 'format' | 'sourcemap' | 'target'> = {
  jsx: 'automatic',
  jsxImportSource: '#jsx',
  format: 'esm',
  sourcemap: 'inline',
  target: 'node24',
};

interface Compiled {
  source: string;
  code: string;
}

async function compileAll(root: string): Promise<Map<string, Compiled>> {
  const files = globSync('layouts/**/*.tsx', { cwd: root }).sort();
  const compiled = new Map<string, Compiled>();
  if (!files.length) return compiled;
  const { build } = await import('esbuild');
  const outdir = path.join(root, '.tsx-out');
  const options: EsbuildOptions = { ...JSX, absWorkingDir: root, entryPoints: files, outbase: root, outdir, write: false, bundle: false, logLevel: 'silent' };
  const result = await build(options);
  for (const out of result.outputFiles ?? []) {
    const file = path.join(root, path.relative(outdir, out.path)).replace(/\.js$/, '.tsx');
    compiled.set(file, { source: readFileSync(file, 'utf8'), code: out.text });
  }
  return compiled;
}

/**
 * Registers the hook; with `precompile`, compiles every layout first. The compiled
 * layouts live in this closure for the life of the process.
 */
export async function registerTsxModules(root: string, { precompile }: { precompile: boolean }): Promise<void> {
  const compiled = precompile ? await compileAll(root) : new Map<string, Compiled>();
  let esbuild: typeof import('esbuild') | undefined;
  registerHooks({
    load(url, context, nextLoad) {
      const bare = url.split('?')[0]!;
      if (!bare.startsWith('file:') || !bare.endsWith('.tsx')) return nextLoad(url, context);
      const file = fileURLToPath(bare);
      const source = readFileSync(file, 'utf8');
      const hit = compiled.get(file);
      let code = hit?.source === source ? hit.code : undefined;
      if (code === undefined) {
        // A hook runs synchronously: esbuild's CommonJS entry is required, not imported.
        esbuild ??= createRequire(import.meta.url)('esbuild') as typeof import('esbuild');
        code = esbuild.transformSync(source, { ...JSX, loader: 'tsx', sourcefile: file }).code;
        compiled.set(file, { source, code });
      }
      return { format: 'module', source: code, shortCircuit: true };
    },
  });
}
