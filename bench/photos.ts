/**
 * `node bench/photos.ts [--photos DIR] [--articles 40] [--runs 3] [--only quality|speed]`
 *
 * Measures the photo pipeline (issue 4) and prints two tables:
 * 1. quality: bytes and SSIM (luma, 8×8 windows, against the unencoded crop) of one
 *    960 px 16:9 rendition per photo for a grid of encoder settings, averaged over the
 *    photos — what docs/adr/005-image-encoding.md chose from;
 * 2. speed: photos encoded per second per core from a cold cache (the pipeline alone,
 *    in this process), then full CLI builds: warm cache against the same site with no photos.
 * Photos come from --photos (default: the sample photos under content/); each is also
 * used mirrored and cropped, so --articles distinct sources exist. A measuring tool.
 */

import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { npmScriptArgs } from '../scripts/npm-script.ts';
import { openCaches } from '../src/build/caches.ts';
import { readBuildOptions } from '../src/build/options.ts';
import { loadContent } from '../src/content/load.ts';
import { cropBox, frameHeight, PAGE_FRAME, parseFocus } from '../src/photos/frames.ts';
import { preparePhotos } from '../src/photos/prepare.ts';
import { deriveSite } from '../src/site/derive.ts';
import { runTimed } from './lib/measure.ts';

const repoDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const { values: v } = parseArgs({
  options: {
    photos: { type: 'string' },
    articles: { type: 'string', default: '40' },
    runs: { type: 'string', default: '3' },
    only: { type: 'string' },
  },
});

function listPhotos(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(jpe?g|png|webp)$/i.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}
const sources = listPhotos(v.photos ?? path.join(repoDir, 'content'));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Mean SSIM of the luma of two same-sized RGB images, 8×8 windows every 4 pixels. */
function ssim(a: Buffer, b: Buffer, width: number, height: number): number {
  const luma = (px: Buffer) => Float64Array.from({ length: width * height }, (_, i) => 0.299 * px[i * 3]! + 0.587 * px[i * 3 + 1]! + 0.114 * px[i * 3 + 2]!);
  const [x, y] = [luma(a), luma(b)];
  const [c1, c2] = [(0.01 * 255) ** 2, (0.03 * 255) ** 2];
  let sum = 0;
  let n = 0;
  for (let top = 0; top + 8 <= height; top += 4) {
    for (let left = 0; left + 8 <= width; left += 4) {
      let [mx, my, xx, yy, xy] = [0, 0, 0, 0, 0];
      for (let j = top; j < top + 8; j++) {
        for (let i = left; i < left + 8; i++) {
          const [p, q] = [x[j * width + i]!, y[j * width + i]!];
          mx += p;
          my += q;
          xx += p * p;
          yy += q * q;
          xy += p * q;
        }
      }
      [mx, my] = [mx / 64, my / 64];
      const [vx, vy, cov] = [xx / 64 - mx * mx, yy / 64 - my * my, xy / 64 - mx * my];
      sum += ((2 * mx * my + c1) * (2 * cov + c2)) / ((mx * mx + my * my + c1) * (vx + vy + c2));
      n++;
    }
  }
  return sum / n;
}

type Setting = { label: string; format: 'jpeg' | 'webp' | 'avif'; options: Record<string, unknown> };
const grid: Setting[] = [
  ...[60, 70, 75, 80, 85].map((quality): Setting => ({ label: `jpeg mozjpeg q${quality}`, format: 'jpeg', options: { quality, mozjpeg: true } })),
  { label: 'jpeg libjpeg q75', format: 'jpeg', options: { quality: 75 } },
  ...[72, 76, 80, 84].map((quality): Setting => ({ label: `webp q${quality} e4`, format: 'webp', options: { quality, effort: 4 } })),
  { label: 'webp q80 e6', format: 'webp', options: { quality: 80, effort: 6 } },
  ...[45, 50, 55, 60].map((quality): Setting => ({ label: `avif q${quality} e2`, format: 'avif', options: { quality, effort: 2 } })),
  ...[50, 55].map((quality): Setting => ({ label: `avif q${quality} e0`, format: 'avif', options: { quality, effort: 0 } })),
  ...[50, 55].map((quality): Setting => ({ label: `avif q${quality} e3`, format: 'avif', options: { quality, effort: 3 } })),
  ...[50, 55].map((quality): Setting => ({ label: `avif q${quality} e4`, format: 'avif', options: { quality, effort: 4 } })),
];

async function qualityTable(): Promise<void> {
  const width = 960;
  const height = frameHeight(PAGE_FRAME, width);
  const rows = new Map<string, { bytes: number[]; ssim: number[]; ms: number[] }>();
  for (const file of sources) {
    const meta = await sharp(file).metadata();
    const box = cropBox(meta.autoOrient.width, meta.autoOrient.height, PAGE_FRAME.ratio, parseFocus('center'));
    const crop = () => sharp(file).autoOrient().extract(box).resize(width, height).removeAlpha();
    const reference = await crop().raw().toBuffer();
    for (const s of grid) {
      // CPU time, not wall time: it is what an encode costs, however busy the machine is.
      const before = process.cpuUsage();
      const encoded = await crop().toFormat(s.format, s.options).toBuffer();
      const used = process.cpuUsage(before);
      const ms = (used.user + used.system) / 1000;
      const decoded = await sharp(encoded).removeAlpha().raw().toBuffer();
      const row = rows.get(s.label) ?? { bytes: [], ssim: [], ms: [] };
      row.bytes.push(encoded.length);
      row.ssim.push(ssim(reference, decoded, width, height));
      row.ms.push(ms);
      rows.set(s.label, row);
    }
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  console.log(`\nEncoder settings: one ${width}×${height} rendition of each of ${sources.length} photos (mean)\n`);
  console.log('| setting | KB | SSIM | min SSIM | CPU ms (crop + resize + encode) |\n|---|---:|---:|---:|---:|');
  for (const [label, r] of rows) {
    console.log(
      `| ${label} | ${(mean(r.bytes) / 1024).toFixed(1)} | ${mean(r.ssim).toFixed(4)} | ${Math.min(...r.ssim).toFixed(4)} | ${mean(r.ms).toFixed(0)} |`,
    );
  }
}

/** A content folder with `count` articles, each with its own photo (distinct bytes), or none. */
async function writeSite(dir: string, count: number, withPhotos: boolean): Promise<void> {
  const folder = path.join(dir, 'content/en/2026/11');
  mkdirSync(folder, { recursive: true });
  for (let i = 0; i < count; i++) {
    const base = sharp(sources[i % sources.length]!).autoOrient();
    const variant = Math.floor(i / sources.length);
    const m = await sharp(sources[i % sources.length]!).metadata();
    const img = variant % 2 ? base.flop() : base;
    const shrink = 1 - 0.05 * Math.floor(variant / 2);
    const photo = await img
      .resize(Math.round(m.autoOrient.width * shrink))
      .jpeg({ quality: 90 })
      .toBuffer();
    if (withPhotos) writeFileSync(path.join(folder, `p${i}.jpg`), photo);
    const photoYaml = withPhotos ? `photo:\n  src: p${i}.jpg\n  alt: Photo ${i}\n` : '';
    writeFileSync(
      path.join(folder, `story-${i}.md`),
      `---\nheadline: Story ${i}\ndate: 2026-11-${String(1 + (i % 27)).padStart(2, '0')}T09:00\n${photoYaml}---\n\nText ${i}.\n`,
    );
  }
}

async function speedTable(): Promise<void> {
  const count = Number(v.articles);
  const work = mkdtempSync(path.join(tmpdir(), 'masthead-photo-bench-'));
  const [withDir, withoutDir, cache] = ['with', 'without', 'cache'].map((d) => path.join(work, d)) as [string, string, string];
  await writeSite(withDir, count, true);
  await writeSite(withoutDir, count, false);
  const env = { MASTHEAD_CONTENT: path.join(withDir, 'content'), MASTHEAD_NOW: '2026-11-28T00:00Z', MASTHEAD_IMAGE_CACHE: cache };

  // Cold: the pipeline alone, every photo's renditions (page frame + 3 social cards) encoded.
  const options = readBuildOptions(env);
  const { articles } = loadContent({ rootDir: repoDir, options, caches: openCaches(repoDir, env) });
  const site = deriveSite(articles, options);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const report = await preparePhotos(site, repoDir, openCaches(repoDir, env));
  const wallS = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuS = (cpu.user + cpu.system) / 1e6;
  const photos = count + 1; // + the publisher image
  const cores = cpus().length;
  console.log(`\nCold cache: ${photos} photos, ${report.encoded} renditions in ${wallS.toFixed(1)} s wall, ${cpuS.toFixed(1)} s CPU on ${cores} cores`);
  console.log(`  ${(photos / wallS / cores).toFixed(2)} photos/s per core (wall × cores); ${(photos / cpuS).toFixed(2)} photos per CPU-second`);

  const runs = Number(v.runs);
  const build = (content: string, out: string) =>
    runTimed(
      {
        command: process.execPath,
        args: [...npmScriptArgs(repoDir, 'build'), '--content', content, '--out', out, '--now', env.MASTHEAD_NOW, '--quiet'],
        cwd: repoDir,
        env: { MASTHEAD_IMAGE_CACHE: cache },
      },
      path.join(work, 'build.log'),
      600_000,
    );
  const warm: number[] = [];
  const none: number[] = [];
  for (let r = 0; r < runs; r++) {
    // Alternate which goes first so machine noise lands on both alike.
    const pair = [
      () => build(path.join(withDir, 'content'), path.join(work, 'out-with')),
      () => build(path.join(withoutDir, 'content'), path.join(work, 'out-without')),
    ];
    for (const [i, run] of r % 2 ? [...pair.entries()].reverse() : [...pair.entries()]) {
      const result = await run();
      if (!result.ok) throw new Error(`build failed, see ${result.log}`);
      (i === 0 ? warm : none).push(result.wallMs / 1000);
    }
  }
  console.log(
    `\nFull CLI build of ${count} articles, median of ${runs} (wall s): warm photo cache ${median(warm).toFixed(2)} (${warm.map((s) => s.toFixed(2)).join(', ')}); same site without photos ${median(none).toFixed(2)} (${none.map((s) => s.toFixed(2)).join(', ')})`,
  );
  rmSync(work, { recursive: true, force: true });
}

if (!v.only || v.only === 'quality') await qualityTable();
if (!v.only || v.only === 'speed') await speedTable();
