/**
 * Builds a small site from fixture files with the real `npm run build` CLI, in a child
 * process and a temporary folder, and gives the built pages back as parsed DOM.
 * Tests assert what an editor and a reader would see, never internals.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import sharp from 'sharp';
import { npmScriptArgs } from '../../scripts/npm-script.ts';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export type FixtureFiles = Record<string, string | Buffer>;

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface FixtureSite extends CliResult {
  dir: string;
  outDir: string;
  /** Parsed page at a site path such as /en/2026/11/26/story/ */
  page(sitePath: string): Document;
  html(sitePath: string): string;
  has(sitePath: string): boolean;
  /** Where the `attribute` (href by default) of each element matching `selector` on a page leads (`linkTarget`). */
  targets(sitePath: string, selector: string, attribute?: string): string[];
}

/**
 * Where a URL written on the page at site path `page` leads: the site path (Unicode, with
 * any ?query and #fragment) for a URL into the site — page-relative, as pages write them
 * — and the URL as written for anything else (another site, a fragment alone, mailto:).
 */
export function linkTarget(page: string, href: string): string {
  if (/^[a-z][a-z0-9+.-]*:|^\/\/|^#/i.test(href)) return href;
  const url = new URL(href, `https://site.invalid${encodeURI(page)}`);
  return decodeURI(url.pathname) + url.search + url.hash;
}

export function writeFixture(files: FixtureFiles, dir = mkdtempSync(path.join(tmpdir(), 'masthead-'))): string {
  for (const [name, body] of Object.entries(files)) {
    const target = path.join(dir, name);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, body);
  }
  return dir;
}

/** Runs an editor's command exactly as `npm run <name>` does: the node line of its script in package.json. */
export function runCli(name: 'build' | 'check' | 'new' | 'assemble', args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...npmScriptArgs(repoRoot, name), ...args],
      { cwd: repoRoot, env: { ...process.env, ...env, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

function fileFor(outDir: string, sitePath: string): string {
  const clean = decodeURI(sitePath.split(/[?#]/)[0] ?? '/');
  return path.join(outDir, clean.endsWith('/') ? `${clean}index.html` : clean);
}

export interface BuildFixtureOptions {
  now?: string;
  args?: string[];
  /** Build into an existing fixture folder (e.g. to rebuild after a change). */
  dir?: string;
}

export async function buildFixture(files: FixtureFiles, options: BuildFixtureOptions = {}): Promise<FixtureSite> {
  const dir = writeFixture(files, options.dir);
  const outDir = path.join(dir, '_site');
  const result = await runCli('build', [
    '--content',
    path.join(dir, 'content'),
    '--out',
    outDir,
    '--now',
    options.now ?? '2026-11-28T00:00:00Z',
    '--quiet',
    ...(options.args ?? []),
  ]);
  const html = (p: string) => readFileSync(fileFor(outDir, p), 'utf8');
  const page = (p: string) => parseHTML(html(p)).document as unknown as Document;
  return {
    ...result,
    dir,
    outDir,
    html,
    page,
    has: (p) => existsSync(fileFor(outDir, p)),
    targets: (p, selector, attribute = 'href') => [...page(p).querySelectorAll(selector)].map((el) => linkTarget(p, el.getAttribute(attribute) ?? '')),
  };
}

/** A real JPEG of the given size, so fixtures exercise the photo pipeline for real. */
export async function jpeg(width: number, height: number, colour = '#4a7a9c'): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: colour } })
    .jpeg({ quality: 70 })
    .toBuffer();
}

/** Frontmatter + body as an editor would write it. */
export function article(frontmatter: string, body = 'A paragraph of the story.'): string {
  return `---\n${frontmatter.trim()}\n---\n\n${body}\n`;
}
