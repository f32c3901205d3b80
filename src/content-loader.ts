/**
 * The content loader: reads every article once, validates it against the contract,
 * renders its body and returns normalised `Article`s plus every problem found, in one
 * pass. The build, `npm run check` and the dev server all start here; Eleventy never
 * reads the Markdown itself (see docs/adr/001-content-loader.md).
 */
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { aliasProblem, normaliseAlias, reportAliasCollisions } from './aliases.ts';
import type { Article } from './article.ts';
import { findLine, readArticleFile } from './article-file.ts';
import type { BodyCache } from './body-cache.ts';
import type { ArticleLink } from './content-check.ts';
import { closest, type ContentProblem } from './content-problems.ts';
import { epochMillis, parseDateTime, resolveDateTime, type ResolvedDateTime } from './dates.ts';
import { describe } from './description.ts';
import type { Edition, EditionCode } from './editions/edition.ts';
import { editionCodes, editions, isEditionCode } from './editions/registry.ts';
import { Frontmatter, frontmatterKeys, photoKeys, SLUG_PATTERN, type FrontmatterData } from './frontmatter.ts';
import type { LinkEnv } from './markdown/collect-links.ts';
import { checkPhoto } from './photo-source.ts';
import { reportTranslationClashes } from './translations.ts';

export interface LoadOptions {
  /** Repository root; no file outside it is ever read. */
  rootDir: string;
  /** Content folder relative to rootDir. */
  contentDir?: string;
  /** Only these editions (sharded builds). Default: all. */
  only?: readonly EditionCode[];
  /** Rendered bodies kept across builds (production builds); none: render every body. */
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
    if (options.only && !options.only.includes(code)) continue;
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
  const report = (p: Omit<ContentProblem, 'file' | 'severity'> & { severity?: ContentProblem['severity'] }) =>
    problems.push({ file, severity: 'error', ...p });

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

  const result = Frontmatter.safeParse(parsed.data);
  const raw = (parsed.data ?? {}) as Record<string, unknown>;
  let failed = !result.success;
  if (!result.success) {
    for (const issue of result.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        const parent = issue.path.join('.');
        for (const key of issue.keys) {
          const field = parent ? `${parent}.${key}` : key;
          const hint = closest(key, parent === 'photo' ? photoKeys : frontmatterKeys);
          report({
            field,
            line: lineOf(key),
            message: hint
              ? `unknown field — did you mean ${hint}? Rename it to \`${hint}\`.`
              : `unknown field: remove it, or use one of ${(parent === 'photo' ? photoKeys : frontmatterKeys).join(', ')}`,
          });
        }
      } else {
        const field = issue.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
        report({ field, line: lineOf(String(issue.path[0] ?? '')), message: issue.message });
      }
    }
  }

  // Checks that need more than the shape of a field run even when other fields failed,
  // so that one run reports every problem in the file.
  const zone = edition.timeZone;
  const date = typeof raw.date === 'string' ? resolveDateTime(raw.date, zone) : undefined;
  if (typeof raw.date === 'string' && !date) {
    failed = true;
    report({
      field: 'date',
      line: lineOf('date'),
      message: `"${raw.date}" is not an ISO 8601 date-time: write it as 2026-11-27T09:30 (edition time, ${zone}) or 2026-11-27T09:30+03:00`,
    });
  }
  const updated = typeof raw.updated === 'string' ? resolveDateTime(raw.updated, zone) : undefined;
  if (typeof raw.updated === 'string' && !updated) {
    failed = true;
    report({ field: 'updated', line: lineOf('updated'), message: `"${raw.updated}" is not an ISO 8601 date-time: write it as 2026-11-27T18:05` });
  } else if (date && updated && updated.millis < date.millis) {
    report({ field: 'updated', line: lineOf('updated'), message: 'is earlier than `date`: an update comes after publication; check both times' });
    failed = true;
  }

  if (Array.isArray(raw.corrections)) {
    raw.corrections.forEach((c: unknown, i) => {
      const d = (c as { date?: unknown } | null)?.date;
      if (typeof d === 'string' && !parseDateTime(d, zone)) {
        failed = true;
        report({ field: `corrections[${i}].date`, line: lineOf('corrections'), message: `"${d}" is not an ISO 8601 date-time: write it as 2026-11-27T18:05` });
      }
    });
  }

  const section = typeof raw.section === 'string' ? raw.section.trim() : edition.defaultSection;
  if (!edition.sections.some((s) => s.slug === section)) {
    const hint = closest(section, edition.sections.map((s) => s.slug));
    failed = true;
    report({
      field: 'section',
      line: lineOf('section'),
      message: `"${section}" is not a section of the ${edition.code} edition${hint ? ` — did you mean ${hint}?` : ''}; use one of ${edition.sections.map((s) => s.slug).join(', ')}`,
    });
  }

  const photoRaw = raw.photo as Record<string, unknown> | undefined;
  let photoPath: { path: string; file: string } | undefined;
  if (photoRaw && typeof photoRaw === 'object' && typeof photoRaw.src === 'string') {
    const checked = checkPhoto(photoRaw.src, absolute, rootDir);
    if ('problem' in checked) {
      failed = true;
      report({ field: 'photo.src', line: lineOf('photo'), message: checked.problem });
    } else photoPath = checked;
  }

  if (Array.isArray(raw.aliases)) {
    raw.aliases.forEach((alias: unknown, i) => {
      const problem = typeof alias === 'string' ? aliasProblem(alias.trim()) : undefined;
      if (problem) {
        failed = true;
        report({ field: `aliases[${i}]`, line: lineOf('aliases'), message: problem });
      }
    });
  }

  const stem = path.basename(absolute, '.md');
  const slug = typeof raw.slug === 'string' ? raw.slug : stem.normalize('NFC');
  if (typeof raw.slug !== 'string' && !SLUG_PATTERN.test(slug)) {
    failed = true;
    report({
      field: 'slug',
      message: `the file name "${stem}" is not a valid URL slug: rename the file to lowercase words joined by hyphens (e.g. budget-vote.md), or add \`slug: budget-vote\``,
    });
  }

  if (failed || !result.success || !date) return undefined;
  const article = normalise(result.data, { edition, file, date, updated: updated?.iso, section, slug, photoPath, bodyHtml: parsed.bodyHtml });
  // Body lines count from the line after the closing ---, which is frontmatterLines.length + 1.
  const bodyStart = parsed.frontmatterLines.length + 1;
  for (const l of (parsed.env as LinkEnv).links ?? []) links.push({ file, url: article.url, line: bodyStart + l.line, href: l.href });
  return article;
}

interface Normalised {
  edition: Edition;
  file: string;
  date: ResolvedDateTime;
  updated: string | undefined;
  section: string;
  slug: string;
  photoPath: { path: string; file: string } | undefined;
  bodyHtml: string;
}

function normalise(fm: FrontmatterData, n: Normalised): Article {
  const [yyyy, mm, dd] = n.date.ymd;
  const byline = fm.byline === undefined ? [] : Array.isArray(fm.byline) ? fm.byline : [fm.byline];
  const corrections = (fm.corrections ?? []).map((c) => ({ date: parseDateTime(c.date, n.edition.timeZone) ?? c.date, text: c.text }));
  const later = [n.updated, ...corrections.map((c) => c.date)].filter((d): d is string => d !== undefined);
  const modified = later.reduce((a, b) => (epochMillis(b) > epochMillis(a) ? b : a), n.date.iso);
  return {
    edition: n.edition.code,
    sourcePath: n.file,
    slug: n.slug,
    url: `/${n.edition.code}/${yyyy}/${mm}/${dd}/${n.slug}/`,
    headline: fm.headline,
    date: n.date.iso,
    ...(n.updated ? { updated: n.updated } : {}),
    modified,
    timestamp: n.date.millis,
    byline,
    credits: fm.credits ?? [],
    ...(fm.photo && n.photoPath
      ? {
          photo: {
            sourcePath: n.photoPath.path,
            file: n.photoPath.file,
            alt: fm.photo.alt,
            ...(fm.photo.caption ? { caption: fm.photo.caption } : {}),
            ...(fm.photo.credit ? { credit: fm.photo.credit } : {}),
            focus: fm.photo.focus ?? 'center',
          },
        }
      : {}),
    ...(fm.summary ? { summary: fm.summary } : {}),
    description: describe(fm.summary, n.bodyHtml),
    section: n.section,
    tags: [...new Set(fm.tags ?? [])],
    breaking: fm.breaking ?? false,
    draft: fm.draft ?? false,
    ...(fm.translationKey ? { translationKey: fm.translationKey } : {}),
    aliases: [...new Set((fm.aliases ?? []).map(normaliseAlias))],
    corrections,
    bodyHtml: n.bodyHtml,
  };
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
