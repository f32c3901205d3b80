/**
 * Validation of one article's frontmatter: the schema (src/content/schema.ts) for the shape
 * of every field, then the checks that need more than a field's shape (dates in the
 * edition's zone, the edition's sections, the photo on disk, aliases, the file name as
 * slug). Every check runs even when others failed, so one run reports every problem in
 * the file; each problem names the field and, where it can, the line.
 */
import path from 'node:path';
import { aliasProblem } from './aliases.ts';
import { closest, type ContentProblem } from './problems.ts';
import { parseDateTime, resolveDateTime, type ResolvedDateTime } from '../editions/dates.ts';
import type { Edition } from '../editions/edition.ts';
import { frontmatterSchema, SLUG_PATTERN, type FrontmatterData } from './schema.ts';
import { checkPhoto } from './photo-reference.ts';

export type Report = (p: Omit<ContentProblem, 'file' | 'severity'> & { severity?: ContentProblem['severity'] }) => void;

export interface CheckContext {
  edition: Edition;
  /** Absolute path of the article file (photos are relative to it). */
  articleFile: string;
  rootDir: string;
  lineOf: (field: string) => number | undefined;
  report: Report;
  /** checkPhoto, or a memo of it for one load (many stories share a photo). */
  photoCheck?: typeof checkPhoto;
}

/** What the checks derived, for normalise-article.ts. */
export interface CheckedFields {
  date: ResolvedDateTime;
  updated: string | undefined;
  section: string;
  slug: string;
  photoPath: { path: string; file: string } | undefined;
}

export function checkFrontmatter(
  data: unknown,
  { edition, articleFile, rootDir, lineOf, report, photoCheck = checkPhoto }: CheckContext,
): { frontmatter: FrontmatterData; fields: CheckedFields } | undefined {
  const { Frontmatter, frontmatterKeys, photoKeys } = frontmatterSchema();
  const result = Frontmatter.safeParse(data);
  const raw = (data ?? {}) as Record<string, unknown>;
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
    const checked = photoCheck(photoRaw.src, articleFile, rootDir);
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

  const stem = path.basename(articleFile, '.md');
  const slug = typeof raw.slug === 'string' ? raw.slug : stem.normalize('NFC');
  if (typeof raw.slug !== 'string' && !SLUG_PATTERN.test(slug)) {
    failed = true;
    report({
      field: 'slug',
      message: `the file name "${stem}" is not a valid URL slug: rename the file to lowercase words joined by hyphens (e.g. budget-vote.md), or add \`slug: budget-vote\``,
    });
  }

  if (failed || !result.success || !date) return undefined;
  return { frontmatter: result.data, fields: { date, updated: updated?.iso, section, slug, photoPath } };
}
