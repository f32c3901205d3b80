/**
 * The web editor's files under /admin/ (ADR 022), written by a build asked for them
 * (`npm run build -- --with-admin`) and by `npm run cms` into the dev server's output:
 * Decap CMS's own bundle and its lazily loaded chunks, copied from the npm package (no
 * CDN), the configuration generated from the contract (src/cms/config.ts), the script
 * that starts it (src/cms/admin.ts, bundled here) and the page that loads them.
 */
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import type { BuildOptions } from '../build/options.ts';
import { contentRoots } from '../content/load.ts';
import { ADMIN_DIR } from '../outputs/headers.ts';
import { type CmsBackend, cmsConfig } from './config.ts';

const require = createRequire(import.meta.url);
const SCRIPT = fileURLToPath(new URL('./admin.ts', import.meta.url));

/** Decap's bundle and the chunks it loads from beside itself (locales, widgets), without source maps. */
function decapFiles(): { dir: string; files: string[] } {
  const dir = path.join(path.dirname(require.resolve('decap-cms/package.json')), 'dist');
  const files = readdirSync(dir).filter((f) => /^(?:decap-cms|\d+\.decap-cms)\.js$|\.wasm$/.test(f));
  return { dir, files: files.sort() };
}

function page(title: string): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex, nofollow">',
    '<meta name="referrer" content="same-origin">',
    `<title>${title}</title>`,
    // This one first: it tells Decap to wait for it (manual init).
    '<script src="masthead-admin.js"></script>',
    '<script src="decap-cms.js"></script>',
    '</head>',
    '<body></body>',
    '</html>',
    '',
  ].join('\n');
}

/** The editor's script for browsers, from src/cms/admin.ts and what it imports. */
export function adminScript(): string {
  const { outputFiles } = buildSync({
    entryPoints: [SCRIPT],
    bundle: true,
    write: false,
    format: 'iife',
    minify: true,
    target: ['es2022'],
    legalComments: 'none',
    logLevel: 'silent',
  });
  return outputFiles[0]!.text;
}

export interface AdminPlace {
  /** The repository root of the build (where the content lies, or holds it). */
  rootDir: string;
  options: Pick<BuildOptions, 'contentDir' | 'baseUrl'>;
  backend: CmsBackend;
}

/** Writes /admin/ into `outDir`: every file named above, the same bytes for the same contract and backend. */
export function writeAdmin(outDir: string, { rootDir, options, backend }: AdminPlace): void {
  const dir = path.join(outDir, ADMIN_DIR);
  mkdirSync(dir, { recursive: true });
  const { contentDir } = contentRoots(rootDir, options);
  const config = cmsConfig({ backend, contentDir: contentDir.split(path.sep).join('/'), siteUrl: options.baseUrl });
  writeFileSync(path.join(dir, 'config.json'), `${JSON.stringify(config, null, 2)}\n`);
  writeFileSync(path.join(dir, 'masthead-admin.js'), adminScript());
  writeFileSync(path.join(dir, 'index.html'), page('Masthead — web editor'));
  const decap = decapFiles();
  for (const file of decap.files) copyFileSync(path.join(decap.dir, file), path.join(dir, file));
}
