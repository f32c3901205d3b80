/**
 * One article file parsed, validated against the contract and normalised (the loader's
 * path for a file no cache holds): the Article layouts receive, the links in its body
 * and its warnings; its problems reported, each with its field and line. The schema
 * (src/content/schema.ts) decides every field; beside it, the two checks that need the
 * file system: the photo on disk and the file name as the URL slug.
 */
import path from 'node:path';
import type { ResolvedDateTime } from '../editions/dates.ts';
import type { Edition } from '../editions/edition.ts';
import type { LinkEnv } from '../markdown/collect-links.ts';
import type { Article } from './article.ts';
import type { BodyCache } from './body-cache.ts';
import type { ArticleLink } from './cross-checks.ts';
import { codePoint, MAX_REPORTED_UNKNOWN, segmentProblem } from './limits.ts';
import { normalise } from './normalise.ts';
import { lineFinder, parseSource } from './parse.ts';
import type { checkPhoto } from './photo-reference.ts';
import { type ContentProblem, suggestKey } from './problems.ts';
import { type FrontmatterData, frontmatterSchema, SLUG_PATTERN } from './schema.ts';

export interface ValidationInput {
  absolute: string;
  /** Repo-relative path, as problems name the file. */
  file: string;
  edition: Edition;
  rootDir: string;
  problems: ContentProblem[];
  photoCheck: typeof checkPhoto;
  /** The file's digest (src/content/article-cache.ts: articleKey), carried by the Article. */
  digest: string;
}

export interface ValidatedFile {
  article: Article;
  links: ArticleLink[];
  warnings: ContentProblem[];
  /** The key of the rendered body in the body cache; undefined when the file could not be parsed. */
  bodyKey: string | undefined;
}

type Report = (p: Omit<ContentProblem, 'file' | 'severity'>) => void;

/** Parses, validates and normalises one file; its problems go to `problems`, the result to the caches. */
export function validateArticle(
  bytes: Buffer,
  { absolute, file, edition, rootDir, problems, photoCheck, digest }: ValidationInput,
  bodies: BodyCache | undefined,
): ValidatedFile | undefined {
  const parsed = parseSource(bytes, edition, bodies);
  if (parsed.fatal) {
    problems.push({ ...parsed.fatal, file });
    return undefined;
  }
  const warnings: ContentProblem[] = parsed.warnings.map((w) => ({ file, severity: 'warning', message: `body: ${w}` }));
  const found: ContentProblem[] = [];
  const report: Report = (p) => found.push({ file, severity: 'error', ...p });
  const lineOf = lineFinder(parsed.frontmatterLines);

  const { Frontmatter, frontmatterKeys, photoKeys } = frontmatterSchema(edition);
  const result = Frontmatter.safeParse(parsed.data);
  if (!result.success) {
    for (const issue of result.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        const parent = issue.path.join('.');
        const known = parent === 'photo' ? photoKeys : frontmatterKeys;
        for (const key of issue.keys.slice(0, MAX_REPORTED_UNKNOWN)) {
          const field = parent ? `${parent}.${key}` : key;
          const hint = suggestKey(key, known, parent === 'photo' ? 'photo' : 'story');
          report({
            field: field.length > 60 ? `${field.slice(0, 60)}…` : field,
            line: lineOf(key),
            message: hint ? `unknown field — did you mean ${hint}? Rename it to \`${hint}\`.` : `unknown field: remove it, or use one of ${known.join(', ')}`,
          });
        }
        const more = issue.keys.length - MAX_REPORTED_UNKNOWN;
        if (more > 0) report({ field: parent || 'frontmatter', message: `has ${more.toLocaleString('en')} more unknown fields: remove them` });
      } else {
        const field = issue.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
        report({ field, line: lineOf(String(issue.path[0] ?? '')), message: issue.message });
      }
    }
  }

  // Beside the schema, and whatever else failed, so that one run reports every problem in the file.
  const raw = (parsed.data ?? {}) as Record<string, unknown>;
  const photoRaw = raw.photo as Record<string, unknown> | undefined;
  let photoPath: { path: string; file: string } | undefined;
  if (photoRaw && typeof photoRaw === 'object' && typeof photoRaw.src === 'string') {
    const checked = photoCheck(photoRaw.src, absolute, rootDir);
    if ('problem' in checked) report({ field: 'photo.src', line: lineOf('photo'), message: checked.problem });
    else photoPath = checked;
  }
  const stem = path.basename(absolute, '.md');
  const slug = typeof raw.slug === 'string' ? raw.slug : stem.normalize('NFC');
  if (typeof raw.slug !== 'string' && !SLUG_PATTERN.test(slug)) {
    const invisible = INVISIBLE_IN_SLUG.exec(slug);
    report({
      field: 'slug',
      message: `the file name "${stem}" is not a valid URL slug${invisible ? ` (it holds the invisible character ${codePoint(invisible[0])})` : ''}: rename the file to lowercase words joined by hyphens (e.g. budget-vote.md), or add \`slug: budget-vote\``,
    });
  } else if (typeof raw.slug !== 'string' && segmentProblem(slug)) {
    report({ field: 'slug', message: `the file name ${segmentProblem(slug)!}, or add a shorter \`slug:\`` });
  }

  if (!result.success || found.length) {
    problems.push(...warnings, ...found);
    return undefined;
  }
  warnings.push(...frontmatterWarnings(result.data, lineOf).map((w): ContentProblem => ({ file, severity: 'warning', ...w })));
  const article = normalise(result.data, { edition, file, bodyHtml: parsed.bodyHtml, slug, photoPath, digest });
  // Body lines count from the line after the closing ---, which is frontmatterLines.length + 1.
  const bodyStart = parsed.frontmatterLines.length + 1;
  const links = ((parsed.env as LinkEnv).links ?? []).map((l) => ({ file, url: article.url, line: bodyStart + l.line, href: l.href }));
  return { article, links, warnings, bodyKey: parsed.bodyKey };
}

const INVISIBLE_IN_SLUG = /\p{Default_Ignorable_Code_Point}/u;
/** Separators of several names: the comma, the Arabic-script comma, the ideographic ones. */
const NAME_SEPARATOR = /[,،、，;]/;

/** What is valid but probably not what the editor meant: a comma inside one byline name, a local time that happens twice. */
function frontmatterWarnings(fm: FrontmatterData, lineOf: (key: string) => number | undefined): Omit<ContentProblem, 'file' | 'severity'>[] {
  const warnings: Omit<ContentProblem, 'file' | 'severity'>[] = [];
  const names = fm.byline === undefined ? [] : Array.isArray(fm.byline) ? fm.byline : [fm.byline];
  for (const name of names) {
    if (!NAME_SEPARATOR.test(name)) continue;
    const parts = name.split(NAME_SEPARATOR).map((n) => n.trim());
    warnings.push({
      field: 'byline',
      line: lineOf('byline'),
      message: `"${name}" is one name with a comma in it, so it gets one author page; if these are several people, write a list: \`byline: [${parts.join(', ')}]\``,
    });
  }
  const dates: [string, ResolvedDateTime | undefined][] = [
    ['date', fm.date],
    ['updated', fm.updated],
    ...(fm.corrections ?? []).map((c, i): [string, ResolvedDateTime] => [`corrections[${i}].date`, c.date]),
  ];
  for (const [field, value] of dates) {
    if (value?.warning) warnings.push({ field, line: lineOf(field.replace(/\[.*$/, '')), message: value.warning });
  }
  return warnings;
}
