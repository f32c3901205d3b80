/**
 * `npm run screenshots [-- <build flags, e.g. --now 2026-11-28T00:00Z>]`
 *
 * Builds the sample site (content/) into a temporary folder, serves it on 127.0.0.1 and
 * photographs the newest article with a lead photo in each edition at phone and
 * desktop width into test-results/screenshots/. The English desktop shot becomes the
 * README's picture, docs/screenshot-article.png, quantised to a palette PNG so the
 * repository stays small (budget 300 KB).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { articleFiles } from '../tests/browser/budgets.ts';
import { launchChromium } from '../tests/browser/chromium.ts';
import { screenshotPage } from '../tests/browser/screenshots.ts';
import { startStaticServer } from '../tests/browser/static-server.ts';
import { repoRoot, runCli } from '../tests/helpers/fixture-site.ts';

const EDITIONS = ['en', 'ru', 'fa'] as const;
const README_SHOT = path.join(repoRoot, 'docs/screenshot-article.png');
const MAX_README_BYTES = 300 * 1024;

/** Newest first by the date in the URL; the first whose page has a lead photo. */
function newestWithPhoto(outDir: string, edition: string): string {
  const file = articleFiles(outDir)
    .filter((f) => f.startsWith(`${edition}/`))
    .reverse()
    .find((f) => readFileSync(path.join(outDir, f), 'utf8').includes('class="lead-photo"'));
  if (!file) throw new Error(`no ${edition} article with a lead photo in the sample site`);
  return `/${file.replace(/index\.html$/, '')}`;
}

async function takeScreenshots(argv: string[]): Promise<void> {
  const work = mkdtempSync(path.join(tmpdir(), 'masthead-shots-'));
  const outDir = path.join(work, '_site');
  try {
    const built = await runCli('build', ['--content', 'content', '--out', outDir, '--quiet', ...argv]);
    if (built.code !== 0) throw new Error(`the sample site did not build:\n${built.stderr}`);
    const server = await startStaticServer(outDir);
    const browser = await launchChromium();
    try {
      const shotsDir = path.join(repoRoot, 'test-results/screenshots');
      for (const edition of EDITIONS) {
        const page = newestWithPhoto(outDir, edition);
        const files = await screenshotPage(browser, server.origin + encodeURI(page), shotsDir, `sample-${edition}-article`);
        console.log(`${page} → ${files.map((f) => path.relative(repoRoot, f)).join(', ')}`);
      }
      const png = await sharp(path.join(shotsDir, 'sample-en-article-desktop.png')).png({ palette: true, quality: 90, effort: 10 }).toBuffer();
      if (png.length > MAX_README_BYTES) throw new Error(`docs/screenshot-article.png would be ${png.length} bytes, over the ${MAX_README_BYTES} budget`);
      writeFileSync(README_SHOT, png);
      console.log(`${path.relative(repoRoot, README_SHOT)}: ${png.length} bytes`);
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** `npm run screenshots`: exit code 1 when a page could not be built or photographed. */
export async function run(argv: string[]): Promise<number> {
  try {
    await takeScreenshots(argv);
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 1;
  }
}
