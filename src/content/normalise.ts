/**
 * From validated frontmatter to the `Article` layouts receive: defaults filled in,
 * lists normalised, the URL derived from edition, date and slug (never the headline).
 */
import type { Edition } from '../editions/edition.ts';
import type { Article } from './article.ts';
import { describe } from './description.ts';
import type { FrontmatterData } from './schema.ts';

/** What the schema's output is normalised with: where the file is, and what was checked beside the schema. */
interface Normalised {
  edition: Edition;
  file: string;
  bodyHtml: string;
  slug: string;
  photoPath: { path: string; file: string } | undefined;
  digest: string;
}

export function normalise(fm: FrontmatterData, n: Normalised): Article {
  const [yyyy, mm, dd] = fm.date.ymd;
  const byline = fm.byline === undefined ? [] : Array.isArray(fm.byline) ? fm.byline : [fm.byline];
  const corrections = (fm.corrections ?? []).map((c) => ({ date: c.date.iso, text: c.text }));
  // The latest of date, updated and every correction; the first of equal instants.
  const later = [...(fm.updated ? [fm.updated] : []), ...(fm.corrections ?? []).map((c) => c.date)];
  const modified = later.reduce((a, b) => (b.millis > a.millis ? b : a), fm.date).iso;
  return {
    edition: n.edition.code,
    sourcePath: n.file,
    slug: n.slug,
    url: `/${n.edition.code}/${yyyy}/${mm}/${dd}/${n.slug}/`,
    headline: fm.headline,
    date: fm.date.iso,
    ...(fm.updated ? { updated: fm.updated.iso } : {}),
    modified,
    timestamp: fm.date.millis,
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
    section: fm.section,
    tags: [...new Set(fm.tags ?? [])],
    breaking: fm.breaking ?? false,
    draft: fm.draft ?? false,
    ...(fm.translationKey ? { translationKey: fm.translationKey } : {}),
    aliases: [...new Set(fm.aliases ?? [])],
    corrections,
    bodyHtml: n.bodyHtml,
    digest: n.digest,
  };
}
