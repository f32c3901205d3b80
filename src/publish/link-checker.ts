/**
 * The link checker: finds one page's tags with a tag tokenizer (no DOM), reads each
 * distinct tag's attributes with htmlparser2 (entities decoded as browsers do, srcsets
 * by parse-srcset) and resolves every href, src and srcset that points into the site
 * against the files the site has. Each distinct URL is resolved once. The tokenizer is
 * ours: htmlparser2 reading whole pages took three times as long (ADR 018). The build feeds it every page as it is rendered
 * (src/publish/output-threads.ts); src/publish/link-check.ts runs it over a folder on disk.
 *
 * It also holds the site to page-relative URLs (ADR 020): a root-relative URL ("/en/"),
 * or an absolute one naming the site's own origin, is reported as broken — it breaks on
 * a mirror and under any other path — except where a URL must name the main site
 * (canonical and hreflang links; social metadata and JSON-LD are not links it reads).
 * A meta refresh's URL is read as a link; the search page's `data-pagefind-parts` and
 * `data-base-url` are held to the same form (the bundle is written after the pages).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Parser } from 'htmlparser2';
import parseSrcset from 'parse-srcset';

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
/** Every name in URL_ATTRIBUTES and FORM_ONLY has one of these in it, and so has a meta refresh. */
const MAY_HAVE_URL = /src|href|poster|action|http-equiv|data-base-url|data-pagefind/i;
const URL_ATTRIBUTES: ReadonlySet<string> = new Set(['href', 'src', 'srcset', 'imagesrcset', 'poster', 'action', 'formaction']);
/** URLs the search page's script reads: held to page-relative form, not looked up (the bundle is written after the pages). */
const FORM_ONLY: ReadonlySet<string> = new Set(['data-pagefind-parts', 'data-base-url']);
/** A meta refresh's content, "0; url=…" (HTML's rules, simplified: optional quotes). */
const REFRESH = /^\s*\d*(?:\.\d*)?\s*[;,]?\s*url\s*=\s*(['"]?)(.*?)\1\s*$/i;
/** The attribute's URLs of a tag that may name the main origin: canonical and hreflang alternates. */
const mayNameOrigin = (attribs: Record<string, string>) => {
  const rel = (attribs.rel ?? '').toLowerCase().split(/\s+/);
  return rel.includes('canonical') || (rel.includes('alternate') && 'hreflang' in attribs);
};

/** The URLs of a srcset, by HTML's parsing rules (parse-srcset). */
export function srcsetUrls(srcset: string): string[] {
  return parseSrcset(srcset).map((candidate) => candidate.url);
}

/**
 * A copy of a string that shares no memory with the page it was cut from. V8 keeps a
 * substring as a view of its parent, so a URL remembered from a page would otherwise
 * keep the whole page alive: at 20,000 stories, over a gigabyte.
 */
const detach = (s: string): string => Buffer.from(s, 'utf8').toString('utf8');

/** Root-relative and absolute URLs: remembered by themselves, where a relative one is remembered per page folder. */
const INDEPENDENT = /^(\/|[a-z][a-z0-9+.-]*:)/i;
const ROOT_RELATIVE = /^\/(?![/\\])/;
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:|^[/\\]{2}/i;
/** How a URL may be written: any way that leads into the site; not naming the origin; page-relative and not looked up. */
type Form = 'origin' | 'relative' | 'form-only';
type TagLink = { attribute: string; url: string; independent: boolean; form: Form };

/**
 * The site path a page-relative URL leads to when it goes back to the root first, as
 * pages write them ("../../en/economy/" on a page two folders deep: /en/economy/), so
 * that it is resolved once for every page of that depth; undefined for any other URL.
 */
function fromRoot(url: string, depth: number): string | undefined {
  if (depth === 0) return url.startsWith('./') && !url.startsWith('./.') ? url.slice(1) : undefined;
  let at = 0;
  for (let ups = 0; ups < depth; ups++, at += 3) if (!url.startsWith('../', at)) return undefined;
  return url.startsWith('.', at) ? undefined : `/${url.slice(at)}`;
}
/** A tag's URL count, and either its broken URLs (none is relative, so they hold on every page) or its URLs. */
type TagLinks = { count: number; broken?: Omit<BrokenLink, 'page'>[]; links?: TagLink[] };

/**
 * Reads the URLs of a tag in attribute order, given its attribute string (a srcset gives
 * several): its attributes read, and decoded, by htmlparser2. One parser serves every tag.
 */
function tagReader(): (attributes: string) => TagLink[] {
  let links: TagLink[] = [];
  const parser = new Parser(
    {
      onopentag: (_name, attribs) => {
        const form: Form = mayNameOrigin(attribs) ? 'origin' : 'relative';
        const add = (attribute: string, url: string, as: Form) => links.push({ attribute, url, independent: INDEPENDENT.test(url), form: as });
        for (const attribute in attribs) {
          // The search index's parts: folders, space-separated (ADR 023).
          if (FORM_ONLY.has(attribute)) for (const url of attribs[attribute]!.trim().split(/\s+/).filter(Boolean)) add(attribute, url, 'form-only');
          if (!URL_ATTRIBUTES.has(attribute)) continue;
          const value = attribs[attribute]!.trim();
          for (const url of attribute.endsWith('srcset') ? srcsetUrls(value) : [value]) add(attribute, url, form);
        }
        const refresh = attribs['http-equiv']?.toLowerCase() === 'refresh' ? REFRESH.exec(attribs.content ?? '')?.[2] : undefined;
        if (refresh) add('content', refresh.trim(), 'relative');
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true },
  );
  return (attributes) => {
    links = [];
    parser.reset();
    parser.end(`<a ${attributes}>`);
    return links;
  };
}

/**
 * Broken links sorted by page; a stable sort, so those of one page stay in the order they
 * were found in it. Also how the results of checkers that shared a site's pages add up.
 */
export const inPageOrder = (broken: readonly BrokenLink[]): BrokenLink[] => [...broken].sort((a, b) => (a.page < b.page ? -1 : a.page > b.page ? 1 : 0));

/**
 * Checks pages one at a time against the set of files the site has. The build hands it
 * every page as it is rendered (nothing is read back from disk, nothing is held); a
 * target missing from the set is looked up on disk before it is called broken, so a
 * file written by some other step is never reported by mistake.
 */
export class LinkChecker {
  private readonly files = new Set<string>();
  private readonly origin: string;
  /** Why a URL is broken ('' when it is not), by URL, or by page folder and URL for a relative one. */
  private readonly resolved = new Map<string, string>();
  /** By attribute string, a detached copy. */
  private readonly tags = new Map<string, TagLinks>();
  private readonly broken: BrokenLink[] = [];
  private readonly tagLinks = tagReader();
  private pages = 0;
  private links = 0;

  private readonly outDir: string;
  private readonly options: LinkCheckOptions;

  constructor(outDir: string, options: LinkCheckOptions) {
    this.outDir = outDir;
    this.options = options;
    this.origin = new URL(options.baseUrl).origin;
  }

  /** Files the site has, relative to the output folder ("en/index.html"). */
  addFiles(files: Iterable<string>): void {
    for (const f of files) this.files.add(f.normalize('NFC'));
  }

  private has(rel: string): boolean {
    return this.files.has(rel) || existsSync(path.join(this.outDir, rel));
  }

  /** Why the URL is broken, or undefined when it resolves (or is not the site's business). */
  private problem(url: string, pageUrl: string, form: Form): string | undefined {
    if (ROOT_RELATIVE.test(url)) return 'is root-relative: it breaks on a mirror and under any other path; write it relative to the page (src/site/urls.ts)';
    let target: URL;
    try {
      target = new URL(url, pageUrl);
    } catch {
      return 'is not a valid URL';
    }
    if (target.origin !== this.origin) return undefined; // another site, mailto:, tel:, data:…
    if (form !== 'origin' && HAS_SCHEME.test(url)) {
      return `names the site's own origin ${this.origin}: a mirror's reader would be sent to the blocked site; write it relative to the page (only canonical and hreflang links name the main site)`;
    }
    if (form === 'form-only') return undefined;
    let pathname: string;
    try {
      pathname = decodeURIComponent(target.pathname).normalize('NFC');
    } catch {
      return 'has a malformed %-escape';
    }
    const prefix = this.options.pathPrefix;
    if (!pathname.startsWith(prefix)) return `is outside the site's path prefix ${prefix}`;
    const sitePath = `/${pathname.slice(prefix.length)}`;
    if (this.options.elsewhere?.(sitePath)) return undefined;
    const rel = sitePath.slice(1);
    if (rel === '' || rel.endsWith('/')) return this.has(`${rel}index.html`) ? undefined : 'leads to no page';
    if (this.has(rel) || this.has(`${rel}/index.html`)) return undefined;
    return 'leads to no file';
  }

  /** Checks one HTML page, `rel` being its file relative to the output folder. */
  checkPage(rel: string, html: string): void {
    this.pages++;
    const page = `/${rel.replace(/(^|\/)index\.html$/, '$1')}`;
    const pageUrl = this.origin + this.options.pathPrefix + page.slice(1);
    const pageDir = pageUrl.slice(0, pageUrl.lastIndexOf('/') + 1);
    const depth = rel.split('/').length - 1;
    for (const tag of html.matchAll(TOKEN)) {
      const attributes = tag[2] ?? tag[3];
      // Most tags carry no URL at all; skip them before parsing their attributes.
      if (!attributes || !MAY_HAVE_URL.test(attributes)) continue;
      // The same thumbnails (srcsets of several URLs), story links and navigation recur on
      // page after page: each distinct tag is parsed once and, when none of its URLs is
      // relative, judged once, so a repeat costs one lookup.
      let known = this.tags.get(attributes);
      if (!known) {
        const copy = detach(attributes);
        // A lone surrogate does not survive the copy: such a tag is parsed as written, every time.
        const links = this.tagLinks(copy === attributes ? copy : attributes);
        const judge = ({ attribute, url, form }: TagLink) => {
          const reason = this.verdict(url, `${form}\u0000${url}`, pageUrl, form);
          return reason ? [{ url, attribute, reason }] : [];
        };
        known = links.every((l) => l.independent) ? { count: links.length, broken: links.flatMap(judge) } : { count: links.length, links };
        if (copy === attributes) this.tags.set(copy, known);
      }
      this.links += known.count;
      for (const b of known.broken ?? []) this.broken.push({ page, url: b.url, attribute: b.attribute, reason: b.reason });
      for (const { attribute, url, independent, form } of known.links ?? []) {
        // Relative URLs mean different things on different pages, except those that go back
        // to the root first (as the pages write them); root-relative and absolute ones do not.
        const site = independent ? undefined : fromRoot(url, depth);
        const key = independent ? url : site !== undefined ? `^${site}` : `${pageDir}\u0000${url}`;
        const reason = this.verdict(url, `${form}\u0000${key}`, pageUrl, form);
        if (reason) this.broken.push({ page, url, attribute, reason });
      }
    }
  }

  /** Why the URL is broken, or ''; each key is resolved once. */
  private verdict(url: string, key: string, pageUrl: string, form: Form): string {
    let reason = this.resolved.get(key);
    if (reason === undefined) this.resolved.set(detach(key), (reason = this.problem(url, pageUrl, form) ?? ''));
    return reason;
  }

  /** Broken links in page order, whatever order the pages were checked in. */
  get result(): LinkCheckResult {
    return { pages: this.pages, links: this.links, broken: inPageOrder(this.broken) };
  }
}
