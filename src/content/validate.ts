/**
 * One article file parsed, validated against the contract and normalised (the loader's
 * path for a file no cache holds): the Article layouts receive, the links in its body
 * and its warnings; its problems reported, each with its field and line. The schema
 * (src/content/schema.ts) decides every field; beside it, the two checks that need the
 * file system: the photo on disk and the file name as the URL slug.
 */
import path from 'node:path';
import type { Edition } from '../editions/edition.ts';
import type { LinkEnv } from '../markdown/collect-links.ts';
import type { Article } from './article.ts';
import type { BodyCache } from './body-cache.ts';
import type { ArticleLink } from './cross-checks.ts';
import { normalise } from './normalise.ts';
import { findLine, parseSource } from './parse.ts';
import type { checkPhoto } from './photo-reference.ts';
import { type ContentProblem, closest } from './problems.ts';
import { frontmatterSchema, SLUG_PATTERN } from './schema.ts';

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
  const lineOf = (field: string) => findLine(parsed.frontmatterLines, field);

  const { Frontmatter, frontmatterKeys, photoKeys } = frontmatterSchema(edition);
  const result = Frontmatter.safeParse(parsed.data);
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
    report({
      field: 'slug',
      message: `the file name "${stem}" is not a valid URL slug: rename the file to lowercase words joined by hyphens (e.g. budget-vote.md), or add \`slug: budget-vote\``,
    });
  }

  if (!result.success || found.length) {
    problems.push(...warnings, ...found);
    return undefined;
  }
  const article = normalise(result.data, { edition, file, bodyHtml: parsed.bodyHtml, slug, photoPath, digest });
  // Body lines count from the line after the closing ---, which is frontmatterLines.length + 1.
  const bodyStart = parsed.frontmatterLines.length + 1;
  const links = ((parsed.env as LinkEnv).links ?? []).map((l) => ({ file, url: article.url, line: bodyStart + l.line, href: l.href }));
  return { article, links, warnings, bodyKey: parsed.bodyKey };
}
