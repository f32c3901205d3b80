/**
 * The one entry of every npm script: `node src/cli/main.mjs <command> [options]`.
 *
 * JavaScript, not TypeScript, so that an older Node can still run far enough to say what
 * is wrong. Inside npm scripts `node` is the Node 24 that `npm ci` installs into
 * node_modules/.bin (ADR 017); anything else that starts Masthead on an older Node gets
 * the message below instead of a syntax error. On Node 24 the TypeScript sources run as
 * they are (type stripping); the layouts' TSX is compiled in memory (src/render/jsx/tsx-modules.ts).
 */
import { readFileSync } from 'node:fs';
import nodeModule from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REQUIRED_MAJOR = 24;

const COMMANDS = {
  build: { module: '../cli/build.ts', layouts: true },
  check: { module: '../cli/check.ts', layouts: false },
  new: { module: '../cli/new.ts', layouts: false },
  start: { module: '../cli/start.ts', layouts: true },
  cms: { module: '../cli/cms.ts', layouts: false },
  preview: { module: '../cli/preview.ts', layouts: false },
  assemble: { module: '../cli/assemble.ts', layouts: true },
  test: { module: '../cli/test.ts', layouts: false },
  bench: { module: '../../bench/run.ts', layouts: false },
  screenshots: { module: '../../scripts/screenshots.ts', layouts: false },
};

/** The message for a Node older than Masthead runs on, naming the fix. */
function nodeTooOld(version = process.version, execPath = process.execPath) {
  const major = Number(version.replace(/^v/, '').split('.')[0]);
  if (major >= REQUIRED_MAJOR) return undefined;
  return [
    `Masthead needs Node.js ${REQUIRED_MAJOR} or newer, but this is Node.js ${version} (${execPath}).`,
    `Run its commands through npm (npm run build, npm test …): npm puts the Node ${REQUIRED_MAJOR} that \`npm ci\` installs into node_modules/.bin first on the PATH.`,
    `If node_modules/.bin/node is missing (another platform than Linux, or an install with --omit=optional), install Node.js ${REQUIRED_MAJOR} LTS from https://nodejs.org/ and run \`npm ci\` again.`,
  ].join('\n');
}

const root = fileURLToPath(new URL('../..', import.meta.url));

async function main() {
  const tooOld = nodeTooOld();
  if (tooOld) {
    console.error(tooOld);
    process.exitCode = 1;
    return;
  }
  const [name, ...args] = process.argv.slice(2);
  const command = Object.hasOwn(COMMANDS, name ?? '') ? COMMANDS[name] : undefined;
  if (!command) {
    console.error(`Usage: node src/cli/main.mjs <${Object.keys(COMMANDS).join('|')}> [options]  (npm run <command> runs it)`);
    process.exitCode = 2;
    return;
  }
  if (args.includes('--version')) {
    // What every command runs on, whatever Node started npm (tests/platform.test.ts).
    const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    console.log(`Masthead ${version} (${name}) on Node.js ${process.version}`);
    return;
  }
  // Node's own cache of compiled modules, TypeScript included; workers inherit the variable.
  process.env.NODE_COMPILE_CACHE ??= path.join(root, '.cache', 'node');
  nodeModule.enableCompileCache(process.env.NODE_COMPILE_CACHE);
  process.setSourceMapsEnabled(true);
  const { registerTsxModules } = await import('../render/jsx/tsx-modules.ts');
  await registerTsxModules(root, { precompile: command.layouts });
  const { run } = await import(command.module);
  process.exitCode = await run(args);
}

await main();
