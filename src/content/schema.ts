/**
 * The editors' contract: the one schema every article's frontmatter is validated
 * against, at the boundary, before anything is rendered — the shape of every field, and
 * what a field means in its edition (dates in the edition's zone, the edition's
 * sections, aliases that are plain site paths, an update after publication). What
 * needs the file system (the photo on disk, the file name as slug) is checked beside it
 * (src/content/validate.ts). Layouts never re-check it; they receive the normalised
 * `Article` built from its output (src/content/normalise.ts).
 *
 * YAML is parsed without its timestamp type so that a date without an offset can mean
 * "in the edition's time zone" (src/content/parse.ts); the schema resolves it.
 *
 * One schema per edition, built on first use: stories from the article cache need no
 * zod at all (src/build/on-first-use.ts).
 *
 * The web editor's configuration is generated from it (src/cms/config.ts, ADR 022): the
 * fields' types say which widget each gets; `editor` holds what a type cannot say (a
 * date-time, the photo file, several lines of text, the sections, what a new story
 * starts with). A field added here gets its widget from its type, or the generator
 * names it and stops.
 */
import type { z as Zod } from 'zod';
import { memoise } from '../build/memoise.ts';
import { zod } from '../build/on-first-use.ts';
import { readDateTime } from '../editions/dates.ts';
import type { Edition, EditionCode } from '../editions/edition.ts';
import { editions } from '../editions/registry.ts';
import { slugify } from '../site/slugs.ts';
import { aliasProblem, normaliseAlias } from './aliases.ts';
import { characterProblem, codePoint, LIMITS, segmentProblem } from './limits.ts';
import { closest } from './problems.ts';

/** What the web editor needs to know of a field beyond its type (src/cms/config.ts). */
export interface EditorHint {
  widget?: 'datetime' | 'image' | 'text';
  /** The only values the field takes, offered as a choice. */
  options?: readonly string[];
  /** The value a new story starts with, as `npm run new` writes it (ADR 004). */
  newStory?: unknown;
}

/** Lowercase letters, digits and single hyphens; no invisible letters (U+3164 HANGUL FILLER is a letter to Unicode). */
export const SLUG_PATTERN = /^(?!.*\p{Default_Ignorable_Code_Point})[\p{Ll}\p{Lo}\p{Nd}]+(?:-[\p{Ll}\p{Lo}\p{Nd}]+)*$/u;

interface TextRules {
  /** Characters at most (README's table of fields). */
  max: number;
  /** A field shown on one line (headline, names, tags): no line breaks or other controls. */
  singleLine?: boolean;
  /** The field becomes a URL segment through slugify (tags, byline names): its slug must fit a file name. */
  segment?: boolean;
}

function defineSchema(z: typeof Zod, edition: Edition) {
  const zone = edition.timeZone;
  // Of this schema alone: zod's global registry would outlive it.
  const editor = z.registry<EditorHint>();
  const text = (field: string, example: string, { max, singleLine = false, segment = false }: TextRules) =>
    z
      .string({
        error: (issue) =>
          issue.input === undefined
            ? `is required: add a line such as \`${field}: ${example}\``
            : `must be text, e.g. \`${field}: ${example}\` (quote it if it starts with a special character)`,
      })
      .trim()
      .min(1, { error: `is empty: write the ${field} or remove the line` })
      .max(max, { error: (issue) => `is ${String(issue.input).length} characters long, over the limit of ${max} for ${field}: shorten it` })
      .superRefine((value, ctx) => {
        const problem = characterProblem(value, { singleLine }) ?? (segment && value.length <= max ? segmentProblem(slugify(value)) : undefined);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      });

  const optionalText = (field: string, example: string, rules: TextRules) => text(field, example, rules).optional();

  const textList = (field: string, example: string, rules: TextRules, most: number) =>
    z
      .array(text(field, example, rules), {
        error: `must be a list, e.g. \`${field}: [${example}]\``,
      })
      .max(most, { error: (issue) => `has ${(issue.input as unknown[]).length} entries, over the ${most} a story may have: keep the ones that matter` });

  /** A date-time as written, resolved in the edition's zone when it has no offset. */
  const dateTime = (field: string, example: string) =>
    z
      .string({
        error: (issue) =>
          issue.input === undefined
            ? `is required: add \`${field}: 2026-11-27T09:30\` (ISO 8601; without an offset it means the edition's time zone)`
            : `must be an ISO 8601 date-time such as 2026-11-27T09:30 or 2026-11-27T09:30+03:00`,
      })
      .transform((value, ctx) => {
        const reading = readDateTime(value, zone);
        if ('problem' in reading) {
          ctx.addIssue({
            code: 'custom',
            message: reading.problem.includes('not an ISO 8601') ? `"${value}" is not an ISO 8601 date-time: write it as ${example}` : reading.problem,
          });
          return z.NEVER;
        }
        // A usable time that needs a word (the hour the clocks repeat): src/content/validate.ts reports it.
        return reading.warning ? { ...reading.resolved, warning: reading.warning } : reading.resolved;
      })
      .register(editor, { widget: 'datetime' });

  const NAME: TextRules = { max: LIMITS.name, singleLine: true, segment: true };

  const flag = (field: string) => z.boolean({ error: `must be true or false, e.g. \`${field}: true\`` });

  const PhotoFrontmatter = z.strictObject(
    {
      src: text('photo.src', 'market.jpg', { max: 500, singleLine: true }).register(editor, { widget: 'image' }),
      alt: z
        .string({
          error: (issue) =>
            issue.input === undefined
              ? 'is required when there is a photo: describe what the photo shows for readers who cannot see it (`alt: Traders on the floor of the exchange`)'
              : 'must be text describing the photo',
        })
        .trim()
        .min(1, { error: 'is empty: describe what the photo shows for readers who cannot see it' })
        .max(LIMITS.alt, { error: `is over the ${LIMITS.alt} characters alt text may have: describe the photo in a sentence or two` })
        .superRefine((value, ctx) => {
          const problem = characterProblem(value, { singleLine: false });
          if (problem) ctx.addIssue({ code: 'custom', message: problem });
        }),
      caption: text('photo.caption', 'Traders in Valdor on Monday (file photo)', { max: LIMITS.caption }).register(editor, { widget: 'text' }).optional(),
      credit: optionalText('photo.credit', 'Jana Novak/Meridian', { max: LIMITS.credit, singleLine: true }),
      /** Where to keep the crop centred: `center`, `top`, `bottom`, `left`, `right` or `x,y` in 0..1. */
      focus: z
        .string({ error: 'must be a keyword (center, top, bottom, left, right) or two numbers, e.g. `focus: 0.3,0.4`' })
        .regex(/^(center|centre|top|bottom|left|right|(0(\.\d+)?|1(\.0+)?)\s*,\s*(0(\.\d+)?|1(\.0+)?))$/, {
          error: 'must be center, top, bottom, left, right, or two numbers between 0 and 1 such as `0.3,0.4`',
        })
        .optional(),
    },
    { error: 'must be a group of fields: `photo:` followed by indented `src:` and `alt:` lines' },
  );

  const CorrectionFrontmatter = z.strictObject(
    {
      date: dateTime('corrections[].date', '2026-11-27T18:05'),
      text: text('corrections[].text', 'An earlier version misstated the date of the vote.', { max: LIMITS.correction }).register(editor, { widget: 'text' }),
    },
    { error: 'each correction needs `date:` and `text:`' },
  );

  const sectionSlugs = edition.sections.map((s) => s.slug);

  const Frontmatter = z
    .strictObject({
      headline: text('headline', 'Parliament passes the budget', { max: LIMITS.headline, singleLine: true }),
      date: dateTime('date', `2026-11-27T09:30 (edition time, ${zone}) or 2026-11-27T09:30+03:00`),
      updated: dateTime('updated', '2026-11-27T18:05').optional(),
      byline: z
        .union(
          [
            text('byline', 'Jana Novak', NAME),
            z
              .array(text('byline', 'Jana Novak', NAME))
              .min(1)
              .max(LIMITS.bylineNames, { error: `has more than ${LIMITS.bylineNames} names: credit the main authors` }),
          ],
          {
            error: 'must be a name or a list of names, e.g. `byline: Jana Novak` or `byline: [Jana Novak, Omid Rahimi]`',
          },
        )
        .optional(),
      credits: textList('credits', 'Reuters, Interfax, AFP', { max: LIMITS.name, singleLine: true }, LIMITS.credits).optional(),
      photo: PhotoFrontmatter.optional(),
      summary: text('summary', 'One or two sentences that say what happened.', { max: LIMITS.summary }).register(editor, { widget: 'text' }).optional(),
      section: text('section', 'world', { max: 100, singleLine: true })
        .refine((section) => sectionSlugs.includes(section), {
          error: (issue) => {
            const section = String(issue.input).trim();
            const hint = closest(section, sectionSlugs);
            return `"${section}" is not a section of the ${edition.code} edition${hint ? ` — did you mean ${hint}?` : ''}; use one of ${sectionSlugs.join(', ')}`;
          },
        })
        .default(edition.defaultSection)
        .register(editor, { options: sectionSlugs }),
      tags: textList('tags', 'elections, parliament', { max: LIMITS.tag, singleLine: true, segment: true }, LIMITS.tags).optional(),
      breaking: flag('breaking').optional(),
      draft: flag('draft').register(editor, { newStory: true }).optional(),
      slug: z
        .string({ error: 'must be text, e.g. `slug: budget-vote`' })
        .max(LIMITS.slug, { error: `is over the ${LIMITS.slug} characters a slug may have: shorten it` })
        .regex(SLUG_PATTERN, {
          error: (issue) => {
            const invisible = /\p{Default_Ignorable_Code_Point}/u.exec(String(issue.input));
            return `may only hold lowercase letters, digits and single hyphens${invisible ? ` (it holds the invisible character ${codePoint(invisible[0])})` : ''}, e.g. \`slug: budget-vote\``;
          },
        })
        .refine((slug) => segmentProblem(slug) === undefined, { error: (issue) => segmentProblem(String(issue.input))! })
        .optional(),
      translationKey: optionalText('translationKey', 'budget-vote-2026', { max: LIMITS.translationKey, singleLine: true }),
      aliases: z
        .array(
          text('aliases', `/${edition.code}/old/path/`, { max: LIMITS.alias })
            .refine((alias) => aliasProblem(alias, edition.code) === undefined, { error: (issue) => aliasProblem(String(issue.input).trim(), edition.code)! })
            .transform(normaliseAlias),
          { error: `must be a list, e.g. \`aliases: [/${edition.code}/old/path/]\`` },
        )
        .max(LIMITS.aliases, { error: `has more than ${LIMITS.aliases} old addresses: keep the ones readers still use` })
        .optional(),
      corrections: z
        .array(CorrectionFrontmatter, { error: 'must be a list of `- date: … text: …` entries' })
        .max(LIMITS.corrections, { error: `has more than ${LIMITS.corrections} corrections: merge them` })
        .optional(),
    })
    .refine((fm) => !fm.updated || fm.updated.millis >= fm.date.millis, {
      path: ['updated'],
      error: 'is earlier than `date`: an update comes after publication; check both times',
      // Also when other fields failed, so that one run reports every problem in the file.
      when: (payload) => {
        const fm = payload.value as { date?: { millis?: unknown }; updated?: { millis?: unknown } } | undefined;
        return typeof fm?.date?.millis === 'number' && typeof fm.updated?.millis === 'number';
      },
    });
  return {
    Frontmatter,
    /** The keys an editor may write, for "did you mean" hints. */
    frontmatterKeys: Object.keys(Frontmatter.shape),
    photoKeys: Object.keys(PhotoFrontmatter.shape),
    editor,
  };
}

type Schema = ReturnType<typeof defineSchema>;

const schemas = memoise((code: string): Schema => defineSchema(zod(), editions[code as EditionCode]));

/** The frontmatter schema of an edition, built the first time one of its stories is validated. */
export const frontmatterSchema = (edition: Pick<Edition, 'code'> = editions.en): Schema => schemas(edition.code);

export type FrontmatterInput = Zod.input<Schema['Frontmatter']>;
export type FrontmatterData = Zod.output<Schema['Frontmatter']>;
