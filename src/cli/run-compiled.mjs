/**
 * `npm run build` and `npm run check`, run from JavaScript compiled from the TypeScript
 * sources (ADR 015): `node src/cli/run-compiled.mjs build|check [options]`.
 *
 * Through tsx every module of a run is compiled, or read from tsx's cache, on a loader
 * thread that each import waits on: a quarter of a warm build's start-up, and again in
 * each page output thread. Here esbuild compiles src/ and layouts/ once into bundles in
 * .cache/cli/<fingerprint>/, named by a hash of every source file, package.json,
 * tsconfig.json and the versions of Node and esbuild, so any change to the code is a new
 * fingerprint and the next run compiles again (well under a second). Bundles of other
 * fingerprints are removed once unused for an hour (a run still going may load chunks
 * from its own). Runs that compile at the same time each write their own folder and the
 * first rename wins.
 *
 * The bundle for `build` also holds the Eleventy templates (layouts/pages/*.11ty.tsx),
 * handed to the TSX plugin (src/tsx-templates.ts), and the same modules serve both, so
 * Eleventy needs no TypeScript loader either. JavaScript because it runs before anything
 * can compile TypeScript. The sources run as they are with `node --import tsx src/cli/build.ts`.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const COMMANDS = { build: ['main.mjs', 'runBuildCommand'], check: ['check.mjs', 'runCheckCommand'] };

/** Every file the bundles are made from, relative to the repository, in a fixed order. */
function sourceFiles() {
  const files = ['package.json', 'tsconfig.json', '.eleventy.ts'];
  const walk = (dir) => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(rel);
      else if (!entry.name.includes('.test.')) files.push(rel);
    }
  };
  walk('src');
  walk('layouts');
  return files;
}

function fingerprint(files, esbuildVersion) {
  const hash = createHash('sha1').update(`${process.version}\0${esbuildVersion}\0`);
  for (const file of files) hash.update(file).update('\0').update(readFileSync(path.join(root, file))).update('\0');
  return hash.digest('hex').slice(0, 16);
}

/** The entry of the build's bundle: the build command, and every template registered for Eleventy. */
function mainEntry() {
  const templates = readdirSync(path.join(root, 'layouts', 'pages')).filter((n) => n.endsWith('.11ty.tsx')).sort();
  return [
    `import { useCompiledTemplates } from './src/tsx-templates.ts';`,
    ...templates.map((name, i) => `import * as t${i} from './layouts/pages/${name}';`),
    `useCompiledTemplates({ ${templates.map((name, i) => `${JSON.stringify(`pages/${name}`)}: t${i}`).join(', ')} });`,
    `export { runBuildCommand } from './src/cli/build.ts';`,
  ].join('\n');
}

async function compile(dir) {
  const { build } = await import('esbuild');
  const temporary = `${dir}.${process.pid}.tmp`;
  rmSync(temporary, { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: { main: 'masthead:main', check: './src/cli/check.ts', 'page-output-worker': './src/page-output-worker.ts' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: `node${process.versions.node.split('.')[0]}`,
    packages: 'external',
    jsx: 'automatic',
    jsxImportSource: '#jsx',
    outdir: temporary,
    outExtension: { '.js': '.mjs' },
    logLevel: 'error',
    plugins: [
      {
        name: 'masthead-main',
        setup(b) {
          b.onResolve({ filter: /^masthead:main$/ }, () => ({ path: 'main', namespace: 'masthead' }));
          // Bundled, unlike the other packages: every run needs luxon, and loading its 30 ES
          // modules one by one took 0.005 s of `npm run check`'s start-up.
          b.onResolve({ filter: /^luxon$/ }, () => ({ path: fileURLToPath(import.meta.resolve('luxon')) }));
          b.onLoad({ filter: /.*/, namespace: 'masthead' }, () => ({ contents: mainEntry(), resolveDir: root, loader: 'ts' }));
        },
      },
    ],
  });
  try {
    renameSync(temporary, dir);
  } catch {
    // Another run compiled the same sources first.
    rmSync(temporary, { recursive: true, force: true });
  }
  const anHourAgo = Date.now() - 3_600_000;
  for (const name of readdirSync(path.dirname(dir))) {
    const other = path.join(path.dirname(dir), name);
    if (name !== path.basename(dir) && !name.endsWith('.tmp') && statSync(other).mtimeMs < anHourAgo) rmSync(other, { recursive: true, force: true });
  }
}

const [command, ...args] = process.argv.slice(2);
const target = COMMANDS[command];
if (!target) {
  console.error(`Usage: node src/cli/run-compiled.mjs ${Object.keys(COMMANDS).join('|')} [options]`);
  process.exit(2);
}
const esbuildVersion = createRequire(import.meta.url)('esbuild/package.json').version;
const dir = path.join(root, '.cache', 'cli', fingerprint(sourceFiles(), esbuildVersion));
if (existsSync(path.join(dir, target[0]))) {
  // Marks it used, so that another version's compile leaves it alone for an hour (best effort).
  try {
    const now = new Date();
    utimesSync(dir, now, now);
  } catch {
    // A cache folder this run may not write to still runs.
  }
} else {
  mkdirSync(path.dirname(dir), { recursive: true });
  await compile(dir);
}
const compiled = await import(pathToFileURL(path.join(dir, target[0])).href);
compiled[target[1]](args);
