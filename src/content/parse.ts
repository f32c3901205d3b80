/**
 * One article file, read: decoded as UTF-8, frontmatter split off (YAML without the
 * timestamp type, so dates stay text until the loader reads them in the edition's
 * zone) and the body rendered by the edition's markdown-it. Rendered bodies come from
 * the body cache when the text is unchanged. Reading the file, and validation, are the
 * loader's job (src/content/load.ts).
 */
import type matter from 'gray-matter';
import { memoise } from '../build/memoise.ts';
import { grayMatter, jsYaml } from '../build/on-first-use.ts';
import type { Edition, EditionCode } from '../editions/edition.ts';
import { editions } from '../editions/registry.ts';
import type { MarkdownEnv } from '../markdown/enhance-images.ts';
import { createMarkdown } from '../markdown/markdown.ts';
import { type BodyCache, bodyKey } from './body-cache.ts';
import { expandedSize, MAX_EXPANDED_CHARACTERS, MAX_FILE_BYTES, MAX_FRONTMATTER_BYTES } from './limits.ts';
import type { ContentProblem } from './problems.ts';

export interface ParsedFile {
  data: unknown;
  frontmatterLines: string[];
  bodyHtml: string;
  /** What the Markdown transforms recorded (warnings, links …). */
  env: MarkdownEnv;
  warnings: string[];
  /**
   * The body's key in the body cache, also when none was given (`npm run check` reads and
   * writes no bodies, but its article cache entries name them). Absent on a fatal problem.
   */
  bodyKey?: string;
  /** A problem that stops validation (not UTF-8, empty, broken YAML). */
  fatal?: Omit<ContentProblem, 'file'>;
}

const yamlEngine = (source: string): object => (jsYaml().load(source, { schema: jsYaml().CORE_SCHEMA }) ?? {}) as object;

/** One renderer per edition (its quotation marks), made on the first body that needs it. */
const markdownFor = memoise((code: string) => createMarkdown(editions[code as EditionCode]));

function failure(fatal: ParsedFile['fatal']): ParsedFile {
  return { data: undefined, frontmatterLines: [], bodyHtml: '', env: {}, warnings: [], ...(fatal ? { fatal } : {}) };
}

const kb = (n: number) => `${Math.round(n / 1024).toLocaleString('en')} KB`;

export function parseSource(bytes: Buffer, edition: Edition, bodies?: BodyCache): ParsedFile {
  // Sizes first, before anything that costs in proportion to them (README, "Limits").
  if (bytes.length > MAX_FILE_BYTES) {
    return failure({
      severity: 'error',
      message: `is ${kb(bytes.length)}, over the ${kb(MAX_FILE_BYTES)} an article may be: split the story, or move what is not the story out of it`,
    });
  }
  let source: string;
  try {
    source = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return failure({ severity: 'error', message: 'is not valid UTF-8 text: save the file as UTF-8 in your editor' });
  }
  if (source.trim() === '') {
    return failure({ severity: 'error', message: 'is empty: an article starts with frontmatter between --- lines (see README, "Writing an article")' });
  }
  if (!/^\uFEFF?---\r?\n/.test(source)) {
    return failure({ severity: 'error', line: 1, message: 'has no frontmatter: start the file with a line `---`, the fields, and another `---`' });
  }
  const close = source.search(/\r?\n---[ \t]*(\r?\n|$)/);
  if ((close === -1 ? source.length : close) > MAX_FRONTMATTER_BYTES) {
    return failure({
      severity: 'error',
      line: 1,
      field: 'frontmatter',
      message: `is over ${kb(MAX_FRONTMATTER_BYTES)} (or its closing --- line is missing): the fields of a story take a few hundred bytes; move long text into the body`,
    });
  }
  let file: matter.GrayMatterFile<string>;
  try {
    file = grayMatter()(source.replace(/^\uFEFF/, ''), { engines: { yaml: yamlEngine } });
  } catch (error) {
    const e = error as { reason?: string; mark?: { line: number }; message: string };
    return failure({
      severity: 'error',
      field: 'frontmatter',
      ...(e.mark ? { line: e.mark.line + 2 } : {}),
      message: `is not valid YAML (${e.reason ?? e.message.split('\n')[0]}): check indentation, and quote text that contains a colon`,
    });
  }
  if (typeof file.data !== 'object' || file.data === null || Array.isArray(file.data)) {
    return failure({ severity: 'error', line: 2, field: 'frontmatter', message: 'must be a list of `field: value` lines' });
  }
  if (expandedSize(file.data) > MAX_EXPANDED_CHARACTERS) {
    return failure({
      severity: 'error',
      line: 2,
      field: 'frontmatter',
      message: `expands to more than ${kb(MAX_EXPANDED_CHARACTERS)} of text, or nests too deep (YAML aliases such as *name repeat what they name): write each field out once`,
    });
  }
  const { html, env, key } = renderBody(file.content, edition, bodies);
  return { data: file.data, frontmatterLines: file.matter.split(/\r?\n/), bodyHtml: html, env, warnings: env.warnings ?? [], bodyKey: key };
}

function renderBody(body: string, edition: Edition, bodies?: BodyCache): { html: string; env: MarkdownEnv; key: string } {
  const key = bodyKey(edition.code, edition.quotes, body);
  const cached = bodies?.get(key);
  if (cached) return { html: cached.html, env: cached.env as MarkdownEnv, key };
  const env: MarkdownEnv = {};
  const html = markdownFor(edition.code).render(body, env);
  bodies?.set(key, { html, env: { ...env } });
  return { html, env, key };
}

/** 1-based file line of a top-level frontmatter key (line 1 is the opening ---). */
export function findLine(frontmatterLines: readonly string[], key: string): number | undefined {
  return lineFinder(frontmatterLines)(key);
}

/**
 * Lines of the top-level keys, indexed once: a file with thousands of unknown keys is
 * reported in time linear in its size, not one scan of the lines per key.
 */
export function lineFinder(frontmatterLines: readonly string[]): (key: string) => number | undefined {
  // gray-matter's `matter` starts with the newline after the opening ---.
  const offset = frontmatterLines[0] === '' ? 1 : 2;
  let index: Map<string, number> | undefined;
  return (key) => {
    if (!key) return undefined;
    if (!index) {
      index = new Map();
      frontmatterLines.forEach((line, i) => {
        const match = /^(?:"([^"]*)"|'([^']*)'|([^\s:#'"][^:]*?))\s*:/.exec(line);
        const name = match && (match[1] ?? match[2] ?? match[3]);
        if (name !== undefined && name !== null && !index!.has(name)) index!.set(name, i + offset);
      });
    }
    return index.get(key);
  };
}
