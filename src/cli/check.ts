/**
 * `npm run check`: validates all content without rendering a page, with the same loader
 * and checks as the build (src/content/load.ts: loadContentFacts beside loadContent): the schema,
 * photos (present, readable, really images), links between stories, duplicate URLs,
 * translation keys and embargoes. One line `file:line: field: message` per problem; on GitHub Actions also a
 * `::error file=…,line=…::` annotation so it shows on the pull request. Exits 1 when
 * there is an error; warnings (e.g. "embargoed until …") do not fail.
 *
 *   npm run check -- [--content DIR] [--now ISO] [--edition CODE]
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openCaches } from '../build/caches.ts';
import { readBuildOptions } from '../build/options.ts';
import { embargoWarnings } from '../content/cross-checks.ts';
import { loadContentFacts } from '../content/load.ts';
import { type ContentProblem, formatGithubAnnotation, formatProblem } from '../content/problems.ts';
import { inspectArticlePhotos } from '../photos/inspect.ts';

const USAGE = 'Usage: npm run check -- [--content DIR] [--now ISO] [--edition CODE]';

export interface CheckResult {
  ok: boolean;
  articles: number;
  problems: ContentProblem[];
}

export async function check(argv: string[], rootDir = process.cwd(), env = process.env): Promise<CheckResult> {
  const { values } = parseArgs({
    args: argv,
    options: {
      content: { type: 'string' },
      now: { type: 'string' },
      edition: { type: 'string', multiple: true },
    },
    strict: true,
  });
  // The same variables the build reads, so check and build judge content alike.
  const options = readBuildOptions({
    ...env,
    MASTHEAD_MODE: 'production',
    ...(values.content ? { MASTHEAD_CONTENT: values.content } : {}),
    ...(values.now ? { MASTHEAD_NOW: values.now } : {}),
    ...(values.edition ? { MASTHEAD_EDITIONS: values.edition.join(',') } : {}),
  });
  const contentAbs = path.resolve(rootDir, options.contentDir);
  if (!existsSync(contentAbs) || !statSync(contentAbs).isDirectory()) {
    throw new Error(`--content: there is no content folder at ${contentAbs}`);
  }
  // Nothing is rendered: stories the article cache knows are checked by their facts alone.
  const caches = openCaches(rootDir, env);
  const { articles, problems, root } = loadContentFacts({ rootDir, options, caches });
  problems.push(...(await inspectArticlePhotos(articles, caches.inspections)), ...embargoWarnings(articles, options, root));
  // By file, then line, so each file's problems read top to bottom.
  const sorted = problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (a.p.file < b.p.file ? -1 : a.p.file > b.p.file ? 1 : (a.p.line ?? 0) - (b.p.line ?? 0) || a.i - b.i))
    .map(({ p }) => p);
  return { ok: !sorted.some((p) => p.severity === 'error'), articles: articles.length, problems: sorted };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The command line: prints every problem and the summary; exit code 0, 1 (errors) or 2 (used wrongly). */
export function run(argv: string[]): Promise<number> {
  const started = performance.now();
  return check(argv).then(
    ({ ok, articles, problems }) => {
      const github = process.env.GITHUB_ACTIONS === 'true';
      for (const p of problems) {
        console.log(formatProblem(p));
        if (github) console.log(formatGithubAnnotation(p));
      }
      const errors = problems.filter((p) => p.severity === 'error').length;
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(
        `${problems.length ? '\n' : ''}${ok ? 'Content OK' : 'Content has errors'}: ${plural(articles, 'article')} loaded, ` +
          `${plural(errors, 'error')}, ${plural(problems.length - errors, 'warning')} (${seconds} s).`,
      );
      return ok ? 0 : 1;
    },
    (error: unknown) => {
      const usage = (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') || /MASTHEAD_|--/.test(String((error as Error).message));
      console.error(`npm run check: ${error instanceof Error ? error.message : String(error)}`);
      if (usage) console.error(USAGE);
      else if (error instanceof Error && error.stack) console.error(error.stack);
      return 2;
    },
  );
}
