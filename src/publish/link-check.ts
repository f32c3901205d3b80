/**
 * The internal link check in every build (ADR 010): every href, src and srcset of every
 * HTML page that points into the site must resolve to a built file. The checker itself
 * is src/publish/link-checker.ts; this is how builds and `npm run assemble` run it and stop on a
 * broken link.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BuildOptions } from '../build/options.ts';
import { editionCodes } from '../editions/registry.ts';
import { type BrokenLink, LinkChecker, type LinkCheckOptions, type LinkCheckResult } from './link-checker.ts';
import { BuildStopped } from './publish.ts';

/** Every file under outDir, as forward-slash paths relative to it (NFC, as URLs are compared). */
export function listSiteFiles(outDir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(outDir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.push(path.relative(outDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/').normalize('NFC'));
  }
  return files;
}

/** The check on a folder already on disk (npm run assemble, deploy tests). */
export function checkBuiltLinks(outDir: string, options: LinkCheckOptions): LinkCheckResult {
  const files = listSiteFiles(outDir);
  const checker = new LinkChecker(outDir, options);
  checker.addFiles(files);
  for (const rel of files.filter((f) => f.endsWith('.html')).sort()) checker.checkPage(rel, readFileSync(path.join(outDir, rel), 'utf8'));
  return checker.result;
}

export function formatBrokenLink(b: BrokenLink): string {
  return `${b.page}: broken link ${b.url} (${b.attribute}) ${b.reason}`;
}

/** Where a link was written, as `file:line`, when it comes from an article body. */
export type LinkSource = (page: string, url: string) => string | undefined;

/**
 * What the build's check counts as published elsewhere: editions left out of a sharded
 * build (`--edition ru`) are published by their own build, and the cross-edition files
 * by `npm run assemble`, so a shard does not check links into them; assemble checks all.
 */
export function buildLinkOptions(options: Pick<BuildOptions, 'baseUrl' | 'pathPrefix' | 'render'>): LinkCheckOptions {
  const { render } = options;
  const others = editionCodes.filter((c) => !render.editions.includes(c)).map((c) => `/${c}/`);
  // Outside the edition folders everything is a cross-edition file, written by `npm run assemble`.
  const shared = (p: string) => !editionCodes.some((c) => p.startsWith(`/${c}/`)) && !/^\/(assets|media)\//.test(p);
  const elsewhere = (p: string) => others.some((o) => p.startsWith(o)) || (!render.shared && shared(p));
  return { baseUrl: options.baseUrl, pathPrefix: options.pathPrefix, elsewhere };
}

/** Throws BuildStopped listing every broken link (with the body line that wrote it), so nothing is published. */
export function stopOnBrokenLinks(result: LinkCheckResult, sourceOf: LinkSource = () => undefined): LinkCheckResult {
  if (result.broken.length) {
    const n = result.broken.length;
    const lines = result.broken.map((b) => {
      const source = sourceOf(b.page, b.url);
      return source ? `${source}: ${formatBrokenLink(b)}` : formatBrokenLink(b);
    });
    throw new BuildStopped(
      `${lines.join('\n')}\n\nBuild stopped: ${n} broken link${n === 1 ? '' : 's'} inside the site (checked ${result.links} links on ${result.pages} pages).`,
    );
  }
  return result;
}

/** The check on a staging folder already on disk (npm run assemble). */
export function verifyBuiltLinks(
  dir: string,
  options: Pick<BuildOptions, 'baseUrl' | 'pathPrefix' | 'render'>,
  sourceOf: LinkSource = () => undefined,
): LinkCheckResult {
  return stopOnBrokenLinks(checkBuiltLinks(dir, buildLinkOptions(options)), sourceOf);
}
