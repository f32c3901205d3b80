/**
 * The content loader: reads every article once, validates it against the contract,
 * renders its body and returns normalised `Article`s plus every problem found, in one
 * pass. The build, `npm run check` and the dev server all start here; Eleventy never
 * reads the Markdown itself (see docs/adr/001-content-loader.md).
 */
import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { reportAliasCollisions } from './aliases.ts';
import type { Article } from './article.ts';
import { findLine, readArticleFile } from './article-file.ts';
import type { BodyCache } from './body-cache.ts';
import type { ArticleLink } from './content-check.ts';
import type { ContentProblem } from './content-problems.ts';
import type { Edition } from './editions/edition.ts';
import { editionCodes, editions, isEditionCode } from './editions/registry.ts';
import { checkFrontmatter, type Report } from './frontmatter-checks.ts';
import type { LinkEnv } from './markdown/collect-links.ts';
import { normalise } from './normalise-article.ts';
import { reportTranslationClashes } from './translations.ts';

export interface LoadOptions {
  /** Repository root; no file outside it is ever read. */
  rootDir: string;
  /** Content folder relative to rootDir. */
  contentDir?: string;
  /** Rendered bodies kept across builds (src/body-cache.ts); none: render every body. */
  bodies?: BodyCache;
}

export interface LoadedContent {
  articles: Article[];
  problems: ContentProblem[];
  /** Links written in the bodies of the loaded articles, for the checks across articles (src/content-check.ts). */
  links: ArticleLink[];
}

const toPosix = (p: string) => p.split(path.sep).join('/');

export function listArticleFiles(rootDir: string, contentDir = 'content'): string[] {
  const base = path.join(rootDir, contentDir);
  const entries = readdirSync(base, { recursive: true, withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    if (!entry.name.endsWith('.md') || entry.name.startsWith('.')) continue;
    if (!entry.isFile() && !entry.isSymbolicLink()) continue;
    files.push(path.join(entry.parentPath, entry.name));
  }
  // Sorted so that problems, URLs and output are the same on every machine.
  return files.sort();
}

export function loadContent(options: LoadOptions): LoadedContent {
  const rootDir = path.resolve(options.rootDir);
  const contentDir = options.contentDir ?? 'content';
  const problems: ContentProblem[] = [];
  const articles: Article[] = [];
  const links: ArticleLink[] = [];
  const realRoot = realpathSync(rootDir);

  for (const absolute of listArticleFiles(rootDir, contentDir)) {
    const file = toPosix(path.relative(rootDir, absolute));
    const segments = toPosix(path.relative(path.join(rootDir, contentDir), absolute)).split('/');
    const code = segments[0] ?? '';
    if (segments.length < 2 || !isEditionCode(code)) {
      problems.push({
        file,
        severity: 'error',
        message: `is not inside an edition folder: articles live in ${editionCodes.map((c) => `${contentDir}/${c}/`).join(', ')}`,
      });
      continue;
    }
    const article = loadArticle({ absolute, file, edition: editions[code], rootDir, realRoot, problems, links, bodies: options.bodies });
    if (article) articles.push(article);
  }

  reportDuplicateUrls(articles, problems);
  reportAliasCollisions(articles, problems);
  reportTranslationClashes(articles, problems);
  return { articles, problems, links };
}

interface ArticleInput {
  absolute: string;
  file: string;
  edition: Edition;
  rootDir: string;
  realRoot: string;
  problems: ContentProblem[];
  links: ArticleLink[];
  bodies: BodyCache | undefined;
}

function loadArticle({ absolute, file, edition, rootDir, realRoot, problems, links, bodies }: ArticleInput): Article | undefined {
  const report: Report = (p) => problems.push({ file, severity: 'error', ...p });

  // Only a symbolic link can lead out of the listed tree (directory links are not followed).
  if (lstatSync(absolute).isSymbolicLink() && !realpathSync(absolute).startsWith(realRoot + path.sep)) {
    report({ message: 'links to a file outside the repository: commit the article itself, not a link to it' });
    return undefined;
  }

  const parsed = readArticleFile(absolute, edition, bodies);
  if (parsed.fatal) {
    problems.push({ ...parsed.fatal, file });
    return undefined;
  }
  const lineOf = (field: string) => findLine(parsed.frontmatterLines, field);
  for (const w of parsed.warnings) report({ severity: 'warning', message: `body: ${w}` });

  // An unchanged file (the same parsed object) whose photo is unchanged gives the same
  // Article object: dev-server rebuilds skip validating it again, and the site data can
  // tell unchanged stories by identity (src/incremental.ts).
  const known = validated.get(absolute);
  if (known && known.parsed === parsed && known.photoStamp === photoStamp(known.article)) {
    links.push(...known.links);
    return known.article;
  }
  const checked = checkFrontmatter(parsed.data, { edition, articleFile: absolute, rootDir, lineOf, report });
  if (!checked) return undefined;
  const article = normalise(checked.frontmatter, { edition, file, bodyHtml: parsed.bodyHtml, ...checked.fields });
  // Body lines count from the line after the closing ---, which is frontmatterLines.length + 1.
  const bodyStart = parsed.frontmatterLines.length + 1;
  const own = ((parsed.env as LinkEnv).links ?? []).map((l) => ({ file, url: article.url, line: bodyStart + l.line, href: l.href }));
  links.push(...own);
  validated.set(absolute, { parsed, article, links: own, photoStamp: photoStamp(article) });
  return article;
}

const validated = new Map<string, { parsed: object; article: Article; links: ArticleLink[]; photoStamp: string }>();

function photoStamp(article: Article): string {
  if (!article.photo) return '';
  try {
    const s = statSync(article.photo.file);
    return `${s.mtimeMs}:${s.size}`;
  } catch {
    return 'missing';
  }
}

function reportDuplicateUrls(articles: Article[], problems: ContentProblem[]): void {
  const byUrl = new Map<string, Article[]>();
  for (const a of articles) byUrl.set(a.url, [...(byUrl.get(a.url) ?? []), a]);
  for (const [url, same] of byUrl) {
    if (same.length < 2) continue;
    for (const a of same) {
      problems.push({
        file: a.sourcePath,
        field: 'slug',
        severity: 'error',
        message: `has the same URL ${url} as ${same.filter((b) => b !== a).map((b) => b.sourcePath).join(', ')}: give one of them another \`slug:\``,
      });
    }
  }
  const dupes = new Set([...byUrl].filter(([, v]) => v.length > 1).map(([k]) => k));
  if (dupes.size) articles.splice(0, articles.length, ...articles.filter((a) => !dupes.has(a.url)));
}
