/**
 * The internal link check after every build, on the staging folder before it replaces
 * the published site: every href, src and srcset of every HTML page that points into
 * the site must resolve to a built file. One pass over the files with a tag tokenizer
 * (no DOM per page), and each distinct URL is resolved once.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BuildOptions } from './build-options.ts';
import { editionCodes } from './editions/registry.ts';
import { BuildStopped } from './publish.ts';

export interface LinkCheckOptions {
  /** Absolute origin the site is deployed at: absolute links to it are internal too. */
  baseUrl: string;
  /** "/" or e.g. "/news/": the site lives under it. */
  pathPrefix: string;
  /** Site paths (without prefix) that are published by another build, e.g. editions of a sharded build. */
  elsewhere?: (sitePath: string) => boolean;
}

export interface BrokenLink {
  /** Site path of the page the link is on, e.g. /en/2026/11/26/story/ */
  page: string;
  /** The URL as written in the page. */
  url: string;
  attribute: string;
  reason: string;
}

export interface LinkCheckResult {
  pages: number;
  links: number;
  broken: BrokenLink[];
}

/** Comments and script/style bodies are skipped (their text is not markup); other tags are read. */
const TOKEN =
  /<!--[\s\S]*?-->|<(script|style)\b((?:[^>"']|"[^"]*"|'[^']*')*)>[\s\S]*?<\/\1\s*>|<[a-zA-Z][a-zA-Z0-9-]*((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
const URL_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'imagesrcset', 'poster', 'action', 'formaction']);
const ENTITY = /&(#x[0-9a-f]+|#\d+|amp|quot|apos|lt|gt);/gi;
const NAMED: Readonly<Record<string, string>> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>' };

function decodeEntities(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(ENTITY, (all, e: string) => {
    if (e[0] !== '#') return NAMED[e.toLowerCase()] ?? all;
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : all;
  });
}

/** The URLs of a srcset (HTML's parsing rules): a URL runs to whitespace, its descriptors to the next comma. */
export function srcsetUrls(srcset: string): string[] {
  const urls: string[] = [];
  const candidate = /[\s,]*(\S+)/y;
  let i = 0;
  while (i < srcset.length) {
    candidate.lastIndex = i;
    const match = candidate.exec(srcset);
    if (!match) break;
    let url = match[1]!;
    i = candidate.lastIndex;
    if (url.endsWith(',')) url = url.replace(/,+$/, '');
    else {
      const comma = srcset.indexOf(',', i);
      i = comma === -1 ? srcset.length : comma;
    }
    urls.push(url);
  }
  return urls;
}

export function checkBuiltLinks(outDir: string, options: LinkCheckOptions): LinkCheckResult {
  const files = new Set<string>();
  const htmlFiles: string[] = [];
  for (const entry of readdirSync(outDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const rel = path.relative(outDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    files.add(rel.normalize('NFC'));
    if (rel.endsWith('.html')) htmlFiles.push(rel);
  }
  htmlFiles.sort();

  const origin = new URL(options.baseUrl).origin;
  const prefix = options.pathPrefix;
  const resolved = new Map<string, string | undefined>();
  const srcsets = new Map<string, string[]>();
  const broken: BrokenLink[] = [];
  let links = 0;

  /** Why the URL is broken, or undefined when it resolves (or is not the site's business). */
  const problem = (url: string, pageUrl: string): string | undefined => {
    let target: URL;
    try {
      target = new URL(url, pageUrl);
    } catch {
      return 'is not a valid URL';
    }
    if (target.origin !== origin) return undefined; // another site, mailto:, tel:, data:…
    let pathname: string;
    try {
      pathname = decodeURIComponent(target.pathname).normalize('NFC');
    } catch {
      return 'has a malformed %-escape';
    }
    if (!pathname.startsWith(prefix)) return `is outside the site's path prefix ${prefix}`;
    const sitePath = `/${pathname.slice(prefix.length)}`;
    if (options.elsewhere?.(sitePath)) return undefined;
    const rel = sitePath.slice(1);
    if (rel === '' || rel.endsWith('/')) return files.has(`${rel}index.html`) ? undefined : 'leads to no page';
    if (files.has(rel) || files.has(`${rel}/index.html`)) return undefined;
    return 'leads to no file';
  };

  for (const rel of htmlFiles) {
    const html = readFileSync(path.join(outDir, rel), 'utf8');
    const page = `/${rel.replace(/(^|\/)index\.html$/, '$1')}`;
    const pageUrl = origin + prefix + page.slice(1);
    const pageDir = pageUrl.slice(0, pageUrl.lastIndexOf('/') + 1);
    for (const tag of html.matchAll(TOKEN)) {
      const attributes = tag[2] ?? tag[3];
      // Most tags carry no URL at all; skip them before parsing their attributes.
      if (!attributes || !/src|href|poster|action/i.test(attributes)) continue;
      for (const attr of attributes.matchAll(ATTRIBUTE)) {
        const name = attr[1]!.toLowerCase();
        if (!URL_ATTRIBUTES.has(name)) continue;
        const value = decodeEntities(attr[2] ?? attr[3] ?? attr[4] ?? '').trim();
        // The same thumbnails appear on many listing pages: parse each srcset once.
        const urls = name.endsWith('srcset') ? (srcsets.get(value) ?? srcsets.set(value, srcsetUrls(value)).get(value)!) : [value];
        for (const url of urls) {
          links++;
          // Relative URLs mean different things on different pages; root-relative and absolute ones do not.
          const key = /^(\/[^/]|[a-z][a-z0-9+.-]*:)/i.test(url) ? url : `${pageDir}\u0000${url}`;
          let reason = resolved.get(key);
          if (!resolved.has(key)) resolved.set(key, (reason = problem(url, pageUrl)));
          if (reason) broken.push({ page, url, attribute: name, reason });
        }
      }
    }
  }
  return { pages: htmlFiles.length, links, broken };
}

export function formatBrokenLink(b: BrokenLink): string {
  return `${b.page}: broken link ${b.url} (${b.attribute}) ${b.reason}`;
}

/** Where a link was written, as `file:line`, when it comes from an article body. */
export type LinkSource = (page: string, url: string) => string | undefined;

/**
 * The check as the build runs it, on the staging folder: throws BuildStopped listing
 * every broken link, so nothing is published. Editions left out of a sharded build
 * (`--edition ru`) are published by their own build, and the cross-edition files by
 * `npm run assemble`, so a shard does not check links into them; assemble checks all.
 */
export function verifyBuiltLinks(
  dir: string,
  options: Pick<BuildOptions, 'baseUrl' | 'pathPrefix' | 'render'>,
  sourceOf: LinkSource = () => undefined,
): LinkCheckResult {
  const { render } = options;
  const others = editionCodes.filter((c) => !render.editions.includes(c)).map((c) => `/${c}/`);
  // Outside the edition folders everything is a cross-edition file, written by `npm run assemble`.
  const shared = (p: string) => !editionCodes.some((c) => p.startsWith(`/${c}/`)) && !/^\/(assets|media)\//.test(p);
  const elsewhere = (p: string) => others.some((o) => p.startsWith(o)) || (!render.shared && shared(p));
  const result = checkBuiltLinks(dir, { ...options, elsewhere });
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
