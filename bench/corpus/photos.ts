/**
 * The corpus's shared photos: 8 small JPEGs in four shapes, drawn from the seed-free
 * pixel recipe below and encoded once with sharp. Real newsroom photos are bigger, but
 * image processing cost scales with the number of *distinct* sources, which is what a
 * few shared files exercise; ≤ 80 KB keeps the corpus light.
 */
import { createRequire } from 'node:module';
import type Sharp from 'sharp';
import { createRng, deriveSeed } from './prng.ts';

// sharp is a dependency of @11ty/eleventy-img, not of the project: resolve it from node_modules without adding it.
const sharp = createRequire(import.meta.url)('sharp') as typeof Sharp;

export interface PhotoSpec {
  file: string;
  width: number;
  height: number;
}

// At least 720 px wide: Masthead warns (once per story) about photos under 640 px once cropped to 16:9.
export const PHOTOS: readonly PhotoSpec[] = [
  { file: 'p1.jpg', width: 1600, height: 1200 }, // 4:3
  { file: 'p2.jpg', width: 1500, height: 1000 }, // 3:2
  { file: 'p3.jpg', width: 1600, height: 900 }, // 16:9
  { file: 'p4.jpg', width: 800, height: 1200 }, // 2:3
  { file: 'p5.jpg', width: 1200, height: 900 },
  { file: 'p6.jpg', width: 1200, height: 800 },
  { file: 'p7.jpg', width: 1280, height: 720 },
  { file: 'p8.jpg', width: 720, height: 1080 },
];

const MAX_BYTES = 80 * 1024;

/** Gradient sky, a few soft discs and mild grain: compresses like a photo, not like a flat test card. */
function pixels(spec: PhotoSpec, index: number): Buffer {
  const rng = createRng(deriveSeed(7, `photo:${index}`));
  const { width, height } = spec;
  const top = [rng.int(40, 220), rng.int(40, 220), rng.int(40, 220)];
  const bottom = [rng.int(20, 200), rng.int(20, 200), rng.int(20, 200)];
  const discs = Array.from({ length: rng.int(3, 6) }, () => ({
    x: rng.next() * width,
    y: rng.next() * height,
    r: (0.08 + rng.next() * 0.25) * Math.min(width, height),
    c: [rng.int(0, 255), rng.int(0, 255), rng.int(0, 255)],
  }));
  const buf = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    const t = y / height;
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 3;
      const grain = rng.int(-3, 3);
      const v = [0, 1, 2].map((ch) => (top[ch] ?? 0) * (1 - t) + (bottom[ch] ?? 0) * t);
      for (const d of discs) {
        const k = 0.8 * Math.max(0, 1 - Math.hypot(x - d.x, y - d.y) / d.r);
        if (k > 0) for (let ch = 0; ch < 3; ch++) v[ch] = (v[ch] ?? 0) * (1 - k) + (d.c[ch] ?? 0) * k;
      }
      for (let ch = 0; ch < 3; ch++) buf[o + ch] = Math.max(0, Math.min(255, Math.round((v[ch] ?? 0) + grain)));
    }
  }
  return buf;
}

/** Encodes every photo once; the caller copies the bytes into each edition's photos/ folder. */
export async function renderPhotos(): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const [index, spec] of PHOTOS.entries()) {
    const raw = pixels(spec, index);
    // Step the quality down until it fits: deterministic, since the same bytes go in every time.
    for (let quality = 80; ; quality -= 8) {
      const jpeg = await sharp(raw, { raw: { width: spec.width, height: spec.height, channels: 3 } })
        .jpeg({ quality, mozjpeg: false })
        .toBuffer();
      if (jpeg.length <= MAX_BYTES || quality <= 24) {
        out.set(spec.file, jpeg);
        break;
      }
    }
  }
  return out;
}
