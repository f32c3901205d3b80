/**
 * The files in assets/ (stylesheet, scripts, site images) as a build publishes them: in a
 * production build each under a name carrying a hash of its bytes,
 * `/assets/masthead.3f9c2a71b0.css`, so a deploy never serves a stale stylesheet from a
 * browser or CDN cache and `/assets/*` can be cached forever (see src/outputs/headers.ts).
 * Layouts link them through the build's table (`assetUrl`); the publish stage writes them.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { transform } from 'esbuild';
import { relativeUrl } from '../site/urls.ts';

export const ASSETS_DIR = 'assets';

interface Published {
  /** Site path, e.g. /assets/masthead.3f9c2a71b0.css */
  url: string;
  bytes: Buffer;
}

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const name = prefix + entry.name;
      if (entry.name.startsWith('.')) return [];
      return entry.isDirectory() ? listFiles(path.join(dir, entry.name), `${name}/`) : [name];
    })
    .sort();
}

/**
 * The oldest browsers that have every feature the stylesheet relies on (logical
 * properties, flex `gap`, `aspect-ratio`, `:focus-visible`): esbuild then writes nothing
 * newer than they read, and adds the prefixes they would still need.
 */
export const CSS_TARGET = ['chrome88', 'edge88', 'firefox89', 'safari15.4', 'ios15.4'];

/**
 * The stylesheet as published, minified by esbuild: every page loads it, and it counts
 * against the page budget; the source in assets/ keeps its comments for the people who
 * edit it. Whatever esbuild warns about (a syntax error, mostly) fails the build: esbuild
 * recovers from an error by dropping rules, which would publish a broken stylesheet
 * without anyone being told.
 */
export async function minifyCss(css: string, sourcefile = 'stylesheet.css'): Promise<string> {
  const { code, warnings } = await transform(css, { loader: 'css', minify: true, target: CSS_TARGET, sourcefile, logLevel: 'silent' });
  if (warnings.length) {
    const where = (w: (typeof warnings)[number]) => (w.location ? `${w.location.file}:${w.location.line}:${w.location.column + 1}: ` : '');
    throw new Error(warnings.map((w) => `${where(w)}${w.text}`).join('\n'));
  }
  return code;
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
export async function fingerprintAssets(assetsDir: string): Promise<Map<string, Published>> {
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
    const bytes = Buffer.from(await minifyCss(css, `${ASSETS_DIR}/${name}`), 'utf8');
    result.set(name, { url: `/${ASSETS_DIR}/${hashedName(name, bytes)}`, bytes });
  }
  return result;
}

/** The assets as one build publishes them. */
export interface AssetTable {
  /**
   * The site path of an asset, e.g. `path('masthead.css')` or `path('/assets/publisher.jpg')`;
   * throws (failing the build) for a missing file.
   */
  path(name: string): string;
  /** The files to write, by site path; none in the dev server, which copies assets/ as it is. */
  readonly files: ReadonlyMap<string, Buffer>;
}

/**
 * Production builds publish content-hashed names; the dev server keeps the plain names
 * (its CSS live reload swaps a stylesheet in place, which a changing name would defeat).
 */
export async function assetTable(rootDir: string, { fingerprint }: { fingerprint: boolean }): Promise<AssetTable> {
  const published = fingerprint ? await fingerprintAssets(path.join(rootDir, ASSETS_DIR)) : undefined;
  return {
    path(name) {
      const key = name.replace(new RegExp(`^/?${ASSETS_DIR}/`), '').replace(/^\//, '');
      if (!published) return `/${ASSETS_DIR}/${key}`;
      const entry = published.get(key);
      if (!entry) throw new Error(`Asset "${name}" is not in ${ASSETS_DIR}/ (it has: ${[...published.keys()].join(', ') || 'nothing'})`);
      return entry.url;
    },
    files: new Map([...(published?.values() ?? [])].map((entry) => [entry.url, entry.bytes])),
  };
}

/** The link to an asset as written on the page at site path `page`: hashed name, relative to the page. */
export function assetUrl(build: { assets: AssetTable }, page: string, name: string): string {
  return relativeUrl(page, build.assets.path(name));
}
