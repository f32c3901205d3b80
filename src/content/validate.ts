/**
 * One article file parsed, validated against the contract and normalised (the loader's
 * path for a file no cache holds): the Article layouts receive, the links in its body
 * and its warnings; its problems reported, each with its field and line.
 */
import type { Article } from './article.ts';
import { findLine, parseSource } from './parse.ts';
import type { BodyCache } from './body-cache.ts';
import type { ArticleLink } from './cross-checks.ts';
import type { ContentProblem } from './problems.ts';
import type { Edition } from '../editions/edition.ts';
import { checkFrontmatter, type Report } from './checks.ts';
import type { LinkEnv } from '../markdown/collect-links.ts';
import { normalise } from './normalise.ts';
import type { checkPhoto } from './photo-reference.ts';

export interface ValidationInput {
  absolute: string;
  /** Repo-relative path, as problems name the file. */
  file: string;
  edition: Edition;
  rootDir: string;
  problems: ContentProblem[];
  photoCheck: typeof checkPhoto;
}

export interface ValidatedFile {
  article: Article;
  links: ArticleLink[];
  warnings: ContentProblem[];
  /** The key of the rendered body in the body cache; undefined when the file could not be parsed. */
  bodyKey: string | undefined;
}

/** Parses, validates and normalises one file; its problems go to `problems`, the result to the caches. */
export function validateArticle(bytes: Buffer, { absolute, file, edition, rootDir, problems, photoCheck }: ValidationInput, bodies: BodyCache | undefined): ValidatedFile | undefined {
  const parsed = parseSource(bytes, edition, bodies);
  if (parsed.fatal) {
    problems.push({ ...parsed.fatal, file });
    return undefined;
  }
  const warnings: ContentProblem[] = parsed.warnings.map((w) => ({ file, severity: 'warning', message: `body: ${w}` }));
  const found: ContentProblem[] = [];
  const report: Report = (p) => found.push({ file, severity: 'error', ...p });
  const lineOf = (field: string) => findLine(parsed.frontmatterLines, field);
  const checked = checkFrontmatter(parsed.data, { edition, articleFile: absolute, rootDir, lineOf, report, photoCheck });
  if (!checked) {
    problems.push(...warnings, ...found);
    return undefined;
  }
  const article = normalise(checked.frontmatter, { edition, file, bodyHtml: parsed.bodyHtml, ...checked.fields });
  // Body lines count from the line after the closing ---, which is frontmatterLines.length + 1.
  const bodyStart = parsed.frontmatterLines.length + 1;
  const links = ((parsed.env as LinkEnv).links ?? []).map((l) => ({ file, url: article.url, line: bodyStart + l.line, href: l.href }));
  return { article, links, warnings: [...warnings, ...found], bodyKey: parsed.bodyKey };
}
