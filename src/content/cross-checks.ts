/**
 * Checks that need every article at once: duplicate URLs, aliases that collide, a
 * translation key used twice in an edition (while loading, src/content/load.ts), and
 * links between stories (after it). The build, the dev server and `npm run check` all
 * run them, so they always agree. Embargo warnings are for `npm run check` only.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BuildOptions } from '../build/options.ts';
import { machineDateTime } from '../editions/dates.ts';
import { editions } from '../editions/registry.ts';
import { redirectPagePath } from './aliases.ts';
import type { ArticleFacts } from './article.ts';
import type { ContentProblem } from './problems.ts';
import { storyFileTarget } from './story-links.ts';

/** A link written in an article body, as the loader found it. */
export interface ArticleLink {
  /** Repo-relative path of the article's file. */
  file: string;
  /** The article's own site path, to resolve relative links against. */
  url: string;
  /** Line in the file. */
  line: number;
  href: string;
}

/** The shape of an article URL: /en/2026/11/26/budget-vote/ */
const ARTICLE_PATH = /^\/([a-z]{2})\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/?$/u;

/**
 * `incomplete`: some files failed to load, so a link may point at one of them (its URL
 * is unknown until it loads), and the message says so.
 */
export function checkArticles(
  articles: readonly ArticleFacts[],
  links: readonly ArticleLink[],
  options: BuildOptions,
  { incomplete = false } = {},
): ContentProblem[] {
  return checkLinks(articles, links, options, Date.parse(options.now), incomplete);
}

/**
 * Future dates: not a mistake but an embargo, said by `npm run check` (as a warning, not
 * failing it) so editors see what is scheduled. The build holds these stories back silently.
 */
export function embargoWarnings(articles: readonly ArticleFacts[], options: BuildOptions, rootDir: string): ContentProblem[] {
  const nowMs = Date.parse(options.now);
  const lineOf = fieldLineFinder(rootDir);
  return articles
    .filter((a) => !a.draft && a.timestamp > nowMs)
    .map((a): ContentProblem => {
      const edition = editions[a.edition];
      return {
        file: a.sourcePath,
        line: lineOf(a.sourcePath, 'date'),
        field: 'date',
        severity: 'warning',
        message: `embargoed until ${machineDateTime(a.date, edition)} (${edition.timeZone}): left out of the site, its listings, feeds, sitemaps and search until the first build after that time`,
      };
    });
}

function checkLinks(
  articles: readonly ArticleFacts[],
  links: readonly ArticleLink[],
  options: BuildOptions,
  nowMs: number,
  incomplete: boolean,
): ContentProblem[] {
  const byPath = new Map<string, ArticleFacts>();
  const bySlug = new Map<string, ArticleFacts>();
  for (const a of articles) {
    byPath.set(a.url, a);
    for (const alias of a.aliases) byPath.set(alias.endsWith('/') ? alias : `${alias}/`, a);
    bySlug.set(`${a.edition}/${a.slug}`, a);
  }
  const origin = new URL(options.baseUrl).origin;
  const problems: ContentProblem[] = [];
  let byFile: Map<string, ArticleFacts> | undefined;
  for (const link of links) {
    const storyFile = storyFileTarget(link.href, link.file);
    if (storyFile) {
      byFile ??= new Map(articles.map((a) => [a.sourcePath.normalize('NFC'), a]));
      const article = byFile.get(storyFile.file);
      if (article) problems.push(...storyProblems(link, article, options, nowMs));
      else {
        const name = path.posix.basename(storyFile.file);
        const guess = articles.find((a) => path.posix.basename(a.sourcePath.normalize('NFC')) === name);
        problems.push({
          file: link.file,
          line: link.line,
          severity: 'error',
          message:
            `links to ${link.href}, which is no story file: there is no article at ${storyFile.file}` +
            (guess ? ` — did you mean ${path.posix.relative(path.posix.dirname(link.file), guess.sourcePath)}?` : '; check the folders and the file name') +
            (incomplete ? ' (if it is a story with a problem reported here, fix that first)' : ''),
        });
      }
      continue;
    }
    const target = sitePath(link, origin);
    const shape = target && ARTICLE_PATH.exec(target);
    // Other site paths (front pages, sections, tags…) exist only once rendered: the link
    // check after the build verifies them. Every build loads every edition, shards included.
    if (!target || !shape || !options.editions.includes(shape[1] as ArticleFacts['edition'])) continue;
    const wanted = target.endsWith('/') ? target : `${target}/`;
    const article = byPath.get(wanted);
    const report = (message: string) => problems.push({ file: link.file, line: link.line, severity: 'error', message });
    if (!article) {
      const slug = wanted.split('/').at(-2) ?? '';
      const guess = bySlug.get(`${shape[1]}/${slug}`);
      report(
        `links to ${link.href}, which is not the address of any story` +
          (guess ? ` — did you mean ${guess.url} (${guess.sourcePath})?` : ': check the date and the slug in the link') +
          (incomplete ? ' (if it is a story with a problem reported here, fix that first)' : ''),
      );
    } else problems.push(...storyProblems(link, article, options, nowMs));
  }
  return problems;
}

/** A link to a story that exists, as a production build sees it: not to a draft, nor before its embargo ends. */
function storyProblems(link: ArticleLink, article: ArticleFacts, options: BuildOptions, nowMs: number): ContentProblem[] {
  const report = (message: string): ContentProblem[] => [{ file: link.file, line: link.line, severity: 'error', message }];
  if (options.mode === 'production' && article.draft) {
    return report(`links to ${link.href}, which is a draft (${article.sourcePath}): the link would lead nowhere; publish that story first or remove the link`);
  }
  if (options.mode === 'production' && article.timestamp > nowMs) {
    const until = machineDateTime(article.date, editions[article.edition]);
    return report(
      `links to ${link.href}, which is embargoed until ${until} (${article.sourcePath}): until then the link would lead nowhere and reveal the story's address; link to it after it is published`,
    );
  }
  return [];
}

/** The decoded site path a body link points to, or undefined when it leaves the site. */
function sitePath(link: ArticleLink, origin: string): string | undefined {
  let url: URL;
  try {
    url = new URL(link.href, origin + link.url);
  } catch {
    return undefined;
  }
  if (url.origin !== origin) return undefined;
  try {
    return decodeURIComponent(url.pathname).normalize('NFC');
  } catch {
    return url.pathname;
  }
}

/**
 * Line of a top-level frontmatter field, read again from the file: only for the few
 * articles a problem is reported on, so the loader's hot path keeps no per-field lines.
 */
export function fieldLineFinder(rootDir: string): (file: string, field: string) => number | undefined {
  return (file, field) => {
    try {
      const lines = readFileSync(path.join(rootDir, file), 'utf8').split(/\r?\n/);
      for (let i = 1; i < lines.length && lines[i] !== '---'; i++) {
        if (lines[i]!.startsWith(`${field}:`) || lines[i]!.startsWith(`"${field}":`)) return i + 1;
      }
      return undefined;
    } catch {
      return undefined;
    }
  };
}

/** Loader check: every story's URL is its own; the stories that share one are left out. */
export function reportDuplicateUrls<A extends ArticleFacts>(articles: A[], problems: ContentProblem[]): void {
  // Grouped only when a URL repeats: no array per story (the first pass sees 4,000 URLs).
  const first = new Map<string, A>();
  const same = new Map<string, A[]>();
  for (const a of articles) {
    const earlier = first.get(a.url);
    const group = same.get(a.url);
    if (!earlier) first.set(a.url, a);
    else if (group) group.push(a);
    else same.set(a.url, [earlier, a]);
  }
  if (!same.size) return;
  // In the order the URLs first occur: each group from its first story.
  for (const story of articles) {
    const url = story.url;
    const group = same.get(url);
    if (group?.[0] !== story) continue;
    for (const a of group) {
      problems.push({
        file: a.sourcePath,
        field: 'slug',
        severity: 'error',
        message: `has the same URL ${url} as ${group
          .filter((b) => b !== a)
          .map((b) => b.sourcePath)
          .join(', ')}: give one of them another \`slug:\``,
      });
    }
  }
  articles.splice(0, articles.length, ...articles.filter((a) => !same.has(a.url)));
}

/** The file a page at `sitePath` is written to: a folder path means its index.html. */
const fileOf = (sitePath: string) => (sitePath.endsWith('/') ? `${sitePath}index.html` : sitePath);

/**
 * Loader check across all stories: an alias may not be a story's URL (nor its
 * index.html), nor belong to two stories, nor put a file where another page needs a
 * folder or the other way round (`/en/old.html` and `/en/old.html/more/`: the build
 * could write only one of them). The pages the build writes itself are refused by the
 * schema (src/content/aliases.ts, src/site/owned-paths.ts).
 */
export function reportAliasCollisions(
  articles: readonly ArticleFacts[],
  problems: ContentProblem[],
  lineOf: (file: string, field: string) => number | undefined = () => undefined,
): void {
  const byFile = new Map<string, ArticleFacts>(articles.map((a) => [fileOf(a.url), a]));
  const owner = new Map<string, ArticleFacts>();
  const pages: [file: string, alias: string, article: ArticleFacts][] = [];
  for (const article of articles) {
    for (const alias of article.aliases) {
      const file = fileOf(redirectPagePath(alias));
      const live = byFile.get(file);
      const earlier = owner.get(file);
      const clash = live
        ? `is the address of ${live === article ? 'this story itself' : `the story ${live.sourcePath}`}: an alias is an old address that no longer has a story`
        : earlier && earlier !== article
          ? `is also an alias of ${earlier.sourcePath}: an old address can redirect to one story only`
          : undefined;
      if (clash)
        problems.push({
          file: article.sourcePath,
          line: lineOf(article.sourcePath, 'aliases'),
          field: 'aliases',
          severity: 'error',
          message: `"${alias}" ${clash}`,
        });
      else if (!earlier) pages.push([file, alias, article]);
      owner.set(file, earlier ?? article);
    }
  }
  if (!pages.length) return;
  // A folder of one page that is the file of another.
  const files = new Map<string, string>([...byFile].map(([file, a]) => [file, `the story ${a.sourcePath}`]));
  for (const [file, alias, article] of pages) files.set(file, `the alias "${alias}" of ${article.sourcePath}`);
  for (const [file, alias, article] of pages) {
    const segments = file.split('/');
    for (let i = 2; i < segments.length; i++) {
      const folder = segments.slice(0, i).join('/');
      const other = files.get(folder);
      if (!other) continue;
      problems.push({
        file: article.sourcePath,
        line: lineOf(article.sourcePath, 'aliases'),
        field: 'aliases',
        severity: 'error',
        message: `"${alias}" needs a folder ${folder}/ where ${other} is a file: the two cannot both be published; drop one of them`,
      });
      break;
    }
  }
}

/** Loader check: a translationKey may be used once per edition. */
export function reportTranslationClashes(articles: readonly ArticleFacts[], problems: ContentProblem[]): void {
  const seen = new Map<string, ArticleFacts>();
  for (const article of articles) {
    if (!article.translationKey) continue;
    const id = `${article.edition}\u0000${article.translationKey}`;
    const first = seen.get(id);
    if (!first) {
      seen.set(id, article);
      continue;
    }
    problems.push({
      file: article.sourcePath,
      field: 'translationKey',
      severity: 'error',
      message: `"${article.translationKey}" is already the translationKey of ${first.sourcePath} in the same edition: a key links one story per language; give one of them another key`,
    });
  }
}
