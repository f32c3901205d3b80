/**
 * Eleventy plugin and helper for the files in assets/ (stylesheet, site images):
 * a production build publishes each one under a name carrying a hash of its bytes,
 * `/assets/masthead.3f9c2a71b0.css`, so a deploy never serves a stale stylesheet from a
 * browser or CDN cache and `/assets/*` can be cached forever (see src/outputs/headers.ts).
 *
 * The dev server (`npm start`) keeps the plain names and Eleventy's passthrough copy:
 * its CSS live reload swaps a stylesheet in place, which a changing name would defeat.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type UserConfig from '@11ty/eleventy/UserConfig';
import type { BuildOptions } from '../build/options.ts';
import { href } from '../site/urls.ts';

export const ASSETS_DIR = 'assets';

interface Published {
  /** Site path, e.g. /assets/masthead.3f9c2a71b0.css */
  url: string;
  bytes: Buffer;
}

/** Asset name (path below assets/, with "/") → what a build publishes; filled once per build. */
let published: Map<string, Published> | undefined;

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const name = prefix + entry.name;
      if (entry.name.startsWith('.')) return [];
      return entry.isDirectory() ? listFiles(path.join(dir, entry.name), `${name}/`) : [name];
    })
    .sort();
}

const STRING_OR_COMMENT = /("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')|\/\*[\s\S]*?\*\//g;
const STRING = /("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')/;

/**
 * The stylesheet as published: comments dropped, whitespace collapsed (strings left as
 * written). Every page loads it, and it counts against the 30 KB page budget; the
 * source in assets/ keeps its comments for the people who edit it.
 */
export function compactCss(css: string): string {
  return css
    .replace(STRING_OR_COMMENT, (_match, string: string | undefined) => string ?? '')
    .split(STRING)
    .map((part, i) => (i % 2 ? part : part.replace(/\s+/g, ' ').replace(/\s*([{};,>])\s*/g, '$1')))
    .join('')
    .trim();
}

export function hashedName(name: string, bytes: Buffer): string {
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 10);
  const ext = path.posix.extname(name);
  return `${name.slice(0, name.length - ext.length)}.${hash}${ext}`;
}

/**
 * Hashes every file of the assets folder. Stylesheets are hashed last, after their
 * `url(…)` references to other assets were rewritten to those assets' hashed names, so
 * that a changed font or image also changes the stylesheet's name.
 */
export function fingerprintAssets(assetsDir: string): Map<string, Published> {
  const result = new Map<string, Published>();
  const names = listFiles(assetsDir);
  const isCss = (n: string) => n.endsWith('.css');
  for (const name of names.filter((n) => !isCss(n))) {
    const bytes = readFileSync(path.join(assetsDir, name));
    result.set(name, { url: `/${ASSETS_DIR}/${hashedName(name, bytes)}`, bytes });
  }
  for (const name of names.filter(isCss)) {
    const css = readFileSync(path.join(assetsDir, name), 'utf8').replace(
      /url\(\s*(['"]?)([^'")?#]+)([^'")]*)\1\s*\)/g,
      (whole, quote: string, ref: string, rest: string) => {
        if (/^[a-z]+:|^\//i.test(ref)) return whole;
        const target = result.get(path.posix.normalize(path.posix.join(path.posix.dirname(name), ref)));
        if (!target) return whole;
        return `url(${quote}${path.posix.relative(path.posix.dirname(`/${ASSETS_DIR}/${name}`), target.url)}${rest}${quote})`;
      },
    );
    const bytes = Buffer.from(`${compactCss(css)}\n`, 'utf8');
    result.set(name, { url: `/${ASSETS_DIR}/${hashedName(name, bytes)}`, bytes });
  }
  return result;
}

/**
 * The site path of an asset, e.g. `assetPath('masthead.css')` or
 * `assetPath('/assets/publisher.jpg')`; throws (failing the build) for a missing file.
 */
export function assetPath(name: string): string {
  const key = name.replace(new RegExp(`^/?${ASSETS_DIR}/`), '').replace(/^\//, '');
  if (!published) return `/${ASSETS_DIR}/${key}`;
  const entry = published.get(key);
  if (!entry) {
    throw new Error(`Asset "${name}" is not in ${ASSETS_DIR}/ (it has: ${[...published.keys()].join(', ') || 'nothing'})`);
  }
  return entry.url;
}

/** The link to an asset as written in pages: hashed name, under the path prefix. */
export function assetUrl(options: Pick<BuildOptions, 'pathPrefix'>, name: string): string {
  return href(options, assetPath(name));
}

export function assets(config: UserConfig): void {
  const assetsDir = path.resolve(ASSETS_DIR);
  const runMode = process.env.ELEVENTY_RUN_MODE;
  const fingerprint = runMode !== 'serve' && runMode !== 'watch';
  config.addWatchTarget(`./${ASSETS_DIR}/`);
  config.addWatchTarget('./layouts/components/');
  if (!fingerprint) {
    published = undefined;
    config.addPassthroughCopy({ [ASSETS_DIR]: ASSETS_DIR });
    return;
  }
  config.on('eleventy.before', () => {
    published = fingerprintAssets(assetsDir);
  });
  config.on('eleventy.after', ({ directories }: { directories: { output: string } }) => {
    for (const entry of published?.values() ?? []) {
      const target = path.join(directories.output, entry.url);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, entry.bytes);
    }
  });
}
