/**
 * `npm run new -- --edition en "Headline of the story"`: scaffolds an article at
 * content/<edition>/<yyyy>/<mm>/<slug>.md with the slug from the headline, the current
 * time in the edition's zone and every field of the contract (optional ones commented
 * out, with what they do). The story starts as a draft (docs/adr/004-new-stories-are-drafts.md).
 *
 *   npm run new -- --edition ru [--now ISO] [--slug SLUG] [--content DIR] "Заголовок"
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import { headlineSlug } from '../content/headline-slug.ts';
import { SLUG_PATTERN } from '../content/schema.ts';
import type { Edition } from '../editions/edition.ts';
import { editionCodes, editions, isEditionCode } from '../editions/registry.ts';

const USAGE = `Usage: npm run new -- --edition ${editionCodes.join('|')} [--slug SLUG] [--now ISO] [--content DIR] "Headline of the story"`;

/** A mistake in how the command was called: printed with the usage, without a stack trace. */
export class UsageError extends Error {}

export interface NewStory {
  /** Path of the created file, relative to rootDir. */
  file: string;
  text: string;
}

/** [field line, comment] pairs; comments line up in one column so the file reads as a form. */
type TemplateLine = readonly [string, string?];

export function articleTemplate(headline: string, edition: Edition, localDate: string, slug: string): string {
  const sections = edition.sections.map((s) => s.slug).join(', ');
  const lines: TemplateLine[] = [
    // JSON strings are valid YAML double-quoted scalars, so any headline round-trips.
    [`headline: ${JSON.stringify(headline)}`],
    [`date: ${localDate}`, `publication time in ${edition.timeZone}; a later time holds the story back until then (embargo)`],
    ['draft: true', 'shown by `npm start` only, never published: delete this line to publish'],
    [`# updated: ${localDate}`, 'time of the last substantial update: shows "Updated …" in the dateline'],
    ['# byline: Jana Novak', 'one name, or a list: [Jana Novak, Omid Rahimi]'],
    ['# credits: [Reuters, AFP]', 'wire agencies that contributed reporting'],
    ['# summary: One or two sentences that say what happened.', 'listings, feeds, search, social cards'],
    [`# section: ${edition.defaultSection}`, `one of ${sections} (default ${edition.defaultSection})`],
    ['# tags: [first tag, second tag]', 'each tag gets a page listing its stories'],
    ['# breaking: true', 'the Breaking News banner on every page of the edition'],
    ['# photo:', 'the lead photo, committed next to this file'],
    [`#   src: ${slug}.jpg`],
    ['#   alt: What the photo shows', 'required with a photo: for readers who cannot see it'],
    ['#   caption: Who and what, where and when'],
    ['#   credit: Name/Agency'],
    ['#   focus: center', 'where to keep the crop: center, top, bottom, left, right or x,y (0..1)'],
    [`# slug: ${slug}`, 'the last part of the URL; default: the file name'],
    [`# translationKey: ${slug}`, "the same key on this story's versions in other editions links them"],
    [`# aliases: [/${edition.code}/2026/01/01/old-slug/]`, 'old addresses of this story: they redirect here'],
    ['# corrections:', 'shown, dated, in a box at the end of the story'],
    [`#   - date: ${localDate}`],
    ['#     text: An earlier version of this story misstated the result of the vote.'],
  ];
  const column = 34;
  const body = lines.map(([l, c]) => (c ? `${l}${' '.repeat(Math.max(2, column - [...l].length))}# ${c}` : l)).join('\n');
  return `---\n${body}\n---\n\nWrite the story here, in Markdown. The first paragraph says what happened.\n`;
}

/**
 * npm reads the options before a `--` as its own: `npm run new --edition en "Headline"`
 * gives this command only `en Headline` and sets npm_config_edition ("true", or "en" for
 * `--edition=en`). Said plainly, with the command that works.
 */
function swallowedByNpm(positionals: string[], env: NodeJS.ProcessEnv): string | undefined {
  const taken = ['edition', 'slug', 'now', 'content'].filter((flag) => env[`npm_config_${flag}`] !== undefined);
  if (!taken.length) return undefined;
  const flags: string[] = [];
  const rest = [...positionals];
  for (const flag of taken) {
    const value = env[`npm_config_${flag}`];
    // `--edition en`: npm took the flag as true and passed its value on as the first word.
    const given = value === 'true' ? rest.shift() : value;
    flags.push(`--${flag} ${given ?? '…'}`);
  }
  const headline = rest.join(' ') || 'Headline of the story';
  return `npm kept ${taken.map((f) => `--${f}`).join(', ')} for itself: npm reads the options before a \`--\`. Put \`--\` first: npm run new -- ${flags.join(' ')} ${JSON.stringify(headline)}`;
}

export function createStory(argv: string[], rootDir = process.cwd(), env: NodeJS.ProcessEnv = process.env): NewStory {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      edition: { type: 'string' },
      now: { type: 'string' },
      slug: { type: 'string' },
      content: { type: 'string', default: 'content' },
    },
    allowPositionals: true,
    strict: true,
  });
  const code = values.edition;
  if (!code) throw new UsageError(swallowedByNpm(positionals, env) ?? `--edition is required: one of ${editionCodes.join(', ')}`);
  if (!isEditionCode(code)) throw new UsageError(`--edition: "${code}" is not an edition; editions are ${editionCodes.join(', ')}`);
  const edition = editions[code];
  const headline = positionals.join(' ').replace(/\s+/g, ' ').trim();
  if (!headline) throw new UsageError('the headline is missing: put it in quotes after the options');

  const now = values.now ? DateTime.fromISO(values.now, { setZone: true }) : DateTime.utc();
  if (!now.isValid) throw new UsageError(`--now: "${values.now}" is not an ISO 8601 date-time, e.g. 2026-11-27T12:00Z`);
  const local = now.setZone(edition.timeZone);

  const slug = values.slug ?? headlineSlug(headline);
  if (!slug) throw new UsageError(`cannot make a URL slug from "${headline}": give one with --slug, e.g. --slug budget-vote`);
  if (!SLUG_PATTERN.test(slug)) throw new UsageError(`--slug: "${slug}" may only hold lowercase letters, digits and single hyphens, e.g. budget-vote`);

  const dir = path.resolve(rootDir, values.content, code, local.toFormat('yyyy'), local.toFormat('MM'));
  const absolute = path.join(dir, `${slug}.md`);
  const file = path.relative(rootDir, absolute).split(path.sep).join('/');
  const text = articleTemplate(headline, edition, local.toFormat("yyyy-MM-dd'T'HH:mm"), slug);
  mkdirSync(dir, { recursive: true });
  try {
    // 'wx' fails if the file exists: checking first and then writing could still overwrite.
    writeFileSync(absolute, text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new UsageError(`${file} already exists and was left as it is: choose another headline, or give another slug with --slug`);
    }
    throw error;
  }
  return { file, text };
}

/** The command line: prints the new file's path; exit code 1 when nothing was created. */
export async function run(argv: string[]): Promise<number> {
  try {
    const { file } = createStory(argv);
    console.log(file);
    console.error(`Created ${file} as a draft: write the story, then delete the \`draft: true\` line to publish it. \`npm run check\` validates it.`);
    return 0;
  } catch (error) {
    const known = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    console.error(`npm run new: ${error instanceof Error ? error.message : String(error)}`);
    if (known) console.error(USAGE);
    return 1;
  }
}
