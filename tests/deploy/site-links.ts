/**
 * Link check of a built site as it is mounted on its host. Every href, src and srcset
 * of every page goes through the build's own checker (src/publish/link-check.ts); on top of it
 * this checks what a deploy under a path prefix also needs: every absolute URL of the
 * site in any text file (feeds, sitemaps, robots.txt, JSON-LD, social metadata), every
 * url() of every stylesheet, and that a #fragment names an id on the target page.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { checkBuiltLinks, formatBrokenLink } from '../../src/publish/link-check.ts';

export interface LinkReport {
  /** Every built file, relative to the site folder, sorted. */
  files: string[];
  /** Links checked by each part: HTML attributes, absolute URLs in text files, CSS, fragments. */
  counts: { html: number; absolute: number; css: number; fragments: number };
  problems: string[];
}

export function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const name = prefix + entry.name;
    return entry.isDirectory() ? listFiles(path.join(dir, entry.name), `${name}/`) : [name];
  });
}

const TEXT = /\.(html|xml|json|txt|css|xsl|webmanifest)$/;

export function checkSiteLinks(outDir: string, baseUrl: string, pathPrefix: string): LinkReport {
  const origin = new URL(baseUrl).origin;
  const files = listFiles(outDir).sort();
  const existing = new Set(files.map((f) => f.normalize('NFC')));
  const html = checkBuiltLinks(outDir, { baseUrl, pathPrefix });
  const report: LinkReport = { files, counts: { html: html.links, absolute: 0, css: 0, fragments: 0 }, problems: html.broken.map(formatBrokenLink) };

  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let set = ids.get(file);
    if (!set) {
      const { document } = parseHTML(readFileSync(path.join(outDir, file), 'utf8'));
      set = new Set([...document.querySelectorAll('[id]')].map((el) => el.getAttribute('id') ?? ''));
      ids.set(file, set);
    }
    return set;
  };

  /** The built file a URL of the site leads to, or why it leads nowhere. */
  const resolve = (url: URL): { file: string } | { problem: string } => {
    const pathname = decodeURIComponent(url.pathname).normalize('NFC');
    if (!pathname.startsWith(pathPrefix)) return { problem: `is outside the path prefix ${pathPrefix}` };
    const rel = pathname.slice(pathPrefix.length);
    const file = rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel;
    if (existing.has(file)) return { file };
    return { problem: existing.has(`${rel}/index.html`) ? 'needs a trailing slash' : `has no file (${file})` };
  };

  const check = (from: string, link: string, base: URL, kind: 'absolute' | 'css' | 'fragments') => {
    let url: URL;
    try {
      url = new URL(link, base);
    } catch {
      report.problems.push(`${from}: ${link} is not a URL`);
      return;
    }
    if (url.origin !== origin) return;
    report.counts[kind]++;
    const target = resolve(url);
    if ('problem' in target) report.problems.push(`${from}: ${link} ${target.problem}`);
    else if (kind === 'fragments' && target.file.endsWith('.html') && !idsOf(target.file).has(decodeURIComponent(url.hash.slice(1)))) {
      report.problems.push(`${from}: ${link} names no id on ${target.file}`);
    }
  };

  const escaped = origin.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const absolute = new RegExp(`${escaped}[^\\s"'<>)\\\\]*`, 'g');
  for (const file of files.filter((f) => TEXT.test(f))) {
    const base = new URL(`${origin}${pathPrefix}${file.replace(/(^|\/)index\.html$/, '$1')}`);
    const text = readFileSync(path.join(outDir, file), 'utf8');
    for (const [link] of text.matchAll(absolute)) check(file, link.replace(/&amp;/g, '&'), base, 'absolute');
    if (file.endsWith('.css')) {
      for (const [, , link] of text.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)) check(file, link!, base, 'css');
    }
    if (file.endsWith('.html')) {
      const { document } = parseHTML(text);
      for (const a of document.querySelectorAll('a[href*="#"]')) check(file, a.getAttribute('href') ?? '', base, 'fragments');
    }
  }
  return report;
}
