/**
 * From validated frontmatter to the `Article` layouts receive: defaults filled in,
 * lists normalised, the URL derived from edition, date and slug (never the headline).
 */
import { normaliseAlias } from './aliases.ts';
import type { Article } from './article.ts';
import { epochMillis, parseDateTime } from '../editions/dates.ts';
import { describe } from './description.ts';
import type { Edition } from '../editions/edition.ts';
import type { CheckedFields } from './checks.ts';
import type { FrontmatterData } from './schema.ts';

interface Normalised extends CheckedFields {
  edition: Edition;
  file: string;
  bodyHtml: string;
}

export function normalise(fm: FrontmatterData, n: Normalised): Article {
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

