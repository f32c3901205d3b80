/**
 * The photo pipeline as readers and editors meet it: photos of every shape cropped to
 * 16:9 around their focus, served as AVIF/WebP/JPEG at several widths, social cards at
 * fixed sizes, broken files reported against the article, and a second build that
 * encodes nothing.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { PICTURE_SIZES } from '../layouts/components/Picture.tsx';
import { prepareBuild } from '../src/build/build.ts';
import { openCaches } from '../src/build/caches.ts';
import { readBuildOptions } from '../src/build/options.ts';
import { article, buildFixture, type FixtureFiles, type FixtureSite, jpeg, linkTarget, repoRoot, writeFixture } from './helpers/fixture-site.ts';

// A private cache, so the counts below are this file's alone (the CLI inherits process.env).
const cacheDir = mkdtempSync(path.join(tmpdir(), 'masthead-image-cache-'));
process.env.MASTHEAD_IMAGE_CACHE = cacheDir;

const RED = { r: 220, g: 20, b: 20 };
const GREEN = { r: 20, g: 200, b: 20 };
const BLUE = { r: 20, g: 20, b: 220 };
type Rgb = typeof RED;

/** Three equal bands, left to right (or top to bottom): red, green, blue. */
async function bands(width: number, height: number, vertical: boolean): Promise<Buffer> {
  const part = Math.round((vertical ? height : width) / 3);
  const band = (colour: Rgb, i: number) => ({
    input: { create: { width: vertical ? width : part, height: vertical ? part : height, channels: 3 as const, background: colour } },
    left: vertical ? 0 : i * part,
    top: vertical ? i * part : 0,
  });
  return sharp({ create: { width, height, channels: 3, background: BLUE } })
    .composite([band(RED, 0), band(GREEN, 1)])
    .png()
    .toBuffer();
}

/** Stored landscape 1600×900 (left half red, right half blue) with EXIF "rotate 90° clockwise". */
async function rotated(): Promise<Buffer> {
  const half = { create: { width: 800, height: 900, channels: 3 as const, background: RED } };
  return sharp({ create: { width: 1600, height: 900, channels: 3, background: BLUE } })
    .composite([{ input: half, left: 0, top: 0 }])
    .jpeg()
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

const dir = 'content/en/2026/11';
const story = (slug: string, photo: string, day = 26) => article(`headline: Story ${slug}\ndate: 2026-11-${day}T09:00\nphoto:\n${photo.replace(/^/gm, '  ')}`);

// slug → [expected widths, caption?, credit?]
const pages: Record<string, number[]> = {
  'panorama-left': [320, 640, 960, 1280],
  'panorama-centre': [320, 640, 960, 1280],
  'panorama-right': [320, 640, 960, 1280],
  'portrait-top': [320, 640, 960],
  'portrait-bottom': [320, 640, 960],
  square: [320, 640, 960, 1200],
  tiny: [178],
  rotated: [320, 640, 900],
  wide: [320, 640, 960, 1280, 1600],
};

async function validSite(): Promise<FixtureFiles> {
  return {
    [`${dir}/bands-h.png`]: await bands(2400, 800, false),
    [`${dir}/bands-v.png`]: await bands(1000, 1500, true),
    [`${dir}/square.jpg`]: await jpeg(1200, 1200),
    [`${dir}/tiny.jpg`]: await jpeg(200, 100),
    [`${dir}/rotated.jpg`]: await rotated(),
    [`${dir}/wide.jpg`]: await jpeg(1920, 1080, '#806040'),
    [`${dir}/panorama-left.md`]: story('panorama-left', 'src: bands-h.png\nalt: Bands\nfocus: left'),
    [`${dir}/panorama-centre.md`]: story('panorama-centre', 'src: bands-h.png\nalt: Bands'),
    [`${dir}/panorama-right.md`]: story('panorama-right', 'src: bands-h.png\nalt: Bands\nfocus: right'),
    [`${dir}/portrait-top.md`]: story('portrait-top', 'src: bands-v.png\nalt: Bands\nfocus: top'),
    [`${dir}/portrait-bottom.md`]: story('portrait-bottom', "src: bands-v.png\nalt: Bands\nfocus: '0.5,1'"),
    // The four caption/credit combinations.
    [`${dir}/square.md`]: story('square', 'src: square.jpg\nalt: A square\ncaption: The caption\ncredit: Jana Novak/Meridian'),
    [`${dir}/tiny.md`]: story('tiny', 'src: tiny.jpg\nalt: A tiny one\ncaption: The caption'),
    [`${dir}/wide.md`]: story('wide', 'src: wide.jpg\nalt: A wide one\ncredit: Jana Novak/Meridian'),
    [`${dir}/rotated.md`]: story('rotated', 'src: rotated.jpg\nalt: A rotated one'),
  };
}

/** Every cache file with what would change if it were written again. */
function cacheListing(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const sub of ['files', 'manifests']) {
    for (const name of readdirSync(path.join(cacheDir, sub))) {
      const s = statSync(path.join(cacheDir, sub, name));
      out[`${sub}/${name}`] = `${s.ino}:${s.mtimeMs}:${s.size}`;
    }
  }
  return out;
}

const lastBuild = () => JSON.parse(readFileSync(path.join(cacheDir, 'last-build.json'), 'utf8')) as { encoded: number; reused: number };
const pagePath = (slug: string) => `/en/2026/11/26/${slug}/`;

let first: FixtureSite;
let firstStats: { encoded: number; reused: number };
let firstCache: Record<string, string>;
let second: FixtureSite;

beforeAll(async () => {
  const files = await validSite();
  first = await buildFixture(files);
  firstStats = lastBuild();
  firstCache = cacheListing();
  firstHtml = Object.keys(pages).map((slug) => first.html(pagePath(slug)));
  // Rebuild the same site, files written again (new mtimes, same bytes).
  second = await buildFixture(files, { dir: first.dir });
});
let firstHtml: string[];

function picture(site: FixtureSite, slug: string) {
  const page = pagePath(slug);
  const pic = site.page(page).querySelector('main figure picture')!;
  const img = pic.querySelector('img')!;
  const sources = [...pic.querySelectorAll('source')];
  // Each URL as written (relative to the page) and the site path it leads to.
  const written = (srcset: string | null) => (srcset ?? '').split(', ').map((e) => e.split(' ') as [string, string]);
  const entries = (srcset: string | null) => written(srcset).map(([url, w]) => [linkTarget(page, url), w] as [string, string]);
  const src = linkTarget(page, img.getAttribute('src') ?? '');
  return { img, src, sources, written, entries };
}

async function pixel(site: FixtureSite, url: string, x: number, y: number): Promise<Rgb> {
  const { data, info } = await sharp(path.join(site.outDir, url)).raw().toBuffer({ resolveWithObject: true });
  const i = (Math.round(y * (info.height - 1)) * info.width + Math.round(x * (info.width - 1))) * info.channels;
  return { r: data[i]!, g: data[i + 1]!, b: data[i + 2]! };
}

const colourName = ({ r, g, b }: Rgb) =>
  r > 150 && g < 90 && b < 90 ? 'red' : g > 150 && r < 90 && b < 90 ? 'green' : b > 150 && r < 90 && g < 90 ? 'blue' : `rgb(${r},${g},${b})`;

describe('photo pipeline build', () => {
  it('builds, warning only about the photo too small for its frame', () => {
    expect(first.code).toBe(0);
    expect(first.stderr.trim().split('\n')).toEqual([
      `${dir}/tiny.md: warning: photo.src: "${dir}/tiny.jpg" is only 200×100 pixels: cropped to 16:9 it is 178 pixels wide and will look blurred; use a photo at least 640 (better 1600) pixels wide`,
    ]);
  });

  it.each(Object.entries(pages))('%s: AVIF, WebP and JPEG at widths %j, sizes, 16:9 width/height', (slug, widths) => {
    const { img, src, sources, entries, written } = picture(first, slug);
    expect(sources.map((s) => s.getAttribute('type'))).toEqual(['image/avif', 'image/webp']);
    for (const [el, ext] of [
      [sources[0]!, 'avif'],
      [sources[1]!, 'webp'],
      [img, 'jpg'],
    ] as const) {
      expect(el.getAttribute('sizes')).toBe(PICTURE_SIZES.lead);
      const list = entries(el.getAttribute('srcset'));
      expect(list.map(([, w]) => w)).toEqual(widths.map((w) => `${w}w`));
      for (const [url] of list) expect(url).toMatch(new RegExp(`^/media/[0-9a-f]{16}-\\d+\\.${ext}$`));
      // As written: relative to the page, so the photos load wherever the site is served.
      for (const [url] of written(el.getAttribute('srcset'))) expect(url).toMatch(/^(\.\.\/){5}media\//);
    }
    expect(Number(img.getAttribute('width'))).toBe(widths[widths.length - 1]);
    expect(Number(img.getAttribute('width')) / Number(img.getAttribute('height'))).toBeCloseTo(16 / 9, 1);
    expect(src).toBe(entries(img.getAttribute('srcset')).at(-1)![0]);
  });

  it.each(Object.keys(pages))('%s: every file exists with the size and format its srcset says', async (slug) => {
    const { img, sources, entries } = picture(first, slug);
    for (const [el, format] of [
      [sources[0]!, 'heif'],
      [sources[1]!, 'webp'],
      [img, 'jpeg'],
    ] as const) {
      for (const [url, w] of entries(el.getAttribute('srcset'))) {
        const meta = await sharp(path.join(first.outDir, url)).metadata();
        expect(meta.format).toBe(format);
        expect(`${meta.width}w`).toBe(w);
        expect(Math.abs(meta.width / meta.height - 16 / 9)).toBeLessThan(0.02);
      }
    }
  });

  it('the lead photo is fetched first; the publisher box image lazily', () => {
    const { img } = picture(first, 'wide');
    expect(img.getAttribute('fetchpriority')).toBe('high');
    expect(img.hasAttribute('loading')).toBe(false);
    const box = first.page(pagePath('wide')).querySelector('aside.publisher-box picture img')!;
    expect(box.getAttribute('loading')).toBe('lazy');
    expect(box.getAttribute('fetchpriority')).toBeNull();
    expect(box.getAttribute('sizes')).toBe(PICTURE_SIZES.publisher);
  });

  it.each([
    ['panorama-left', 'red', 'green'],
    ['panorama-centre', 'green', 'blue'],
    ['panorama-right', 'blue', 'blue'],
  ])('%s: the focus decides which part of a 3:1 panorama is kept (middle %s, right edge %s)', async (slug, middle, rightEdge) => {
    const url = picture(first, slug).entries(picture(first, slug).img.getAttribute('srcset'))[0]![0];
    expect(colourName(await pixel(first, url, 0.5, 0.5))).toBe(middle);
    expect(colourName(await pixel(first, url, 1, 0.5))).toBe(rightEdge);
  });

  it.each([
    ['portrait-top', 'red'],
    ['portrait-bottom', 'blue'],
  ])('%s: the focus decides which part of a 2:3 portrait is kept (%s)', async (slug, colour) => {
    const url = picture(first, slug).entries(picture(first, slug).img.getAttribute('srcset'))[0]![0];
    expect(colourName(await pixel(first, url, 0.5, 0.5))).toBe(colour);
  });

  it('applies the EXIF orientation before cropping: a rotated landscape is a portrait', async () => {
    const { img, src } = picture(first, 'rotated');
    expect([img.getAttribute('width'), img.getAttribute('height')]).toEqual(['900', '506']);
    // Stored left half red; turned clockwise, red is on top.
    expect(colourName(await pixel(first, src, 0.5, 0.1))).toBe('red');
    expect(colourName(await pixel(first, src, 0.5, 0.9))).toBe('blue');
  });

  it.each([
    ['square', 'The caption', 'Jana Novak/Meridian'],
    ['tiny', 'The caption', undefined],
    ['wide', undefined, 'Jana Novak/Meridian'],
    ['rotated', undefined, undefined],
  ])('%s: caption %s, credit %s, each shown on its own and never in the alt text', (slug, caption, credit) => {
    const figure = first.page(pagePath(slug)).querySelector('main figure')!;
    const img = figure.querySelector('img')!;
    const figcaption = figure.querySelector('figcaption');
    expect(img.getAttribute('alt')).toMatch(/^A (square|tiny one|wide one|rotated one)$/);
    expect(figcaption === null).toBe(!caption && !credit);
    expect(figure.querySelector('.caption')?.textContent).toBe(caption ? `Photo caption: ${caption}` : undefined);
    expect(figure.querySelector('.credit')?.textContent).toBe(credit ? `Photo credit: ${credit}` : undefined);
    // The "Photo credit:" label is for screen readers only.
    expect(figure.querySelector('.credit .visually-hidden')?.textContent?.trim()).toBe(credit ? 'Photo credit:' : undefined);
  });

  it('the first build encoded every rendition once, however many articles share a photo', () => {
    // 9 (file, focus) pairs × their page widths × 3 formats + 3 social cards each, + the publisher image (4 widths × 3).
    const page = Object.values(pages).reduce((n, w) => n + w.length * 3, 0);
    expect(firstStats).toEqual({ encoded: page + 9 * 3 + 12, reused: 0 });
  });

  it('a second build encodes nothing, rewrites no cache file, and publishes the same pages', () => {
    expect(second.code).toBe(0);
    expect(lastBuild()).toEqual({ encoded: 0, reused: firstStats.encoded });
    expect(cacheListing()).toEqual(firstCache);
    expect(Object.keys(pages).map((slug) => second.html(pagePath(slug)))).toEqual(firstHtml);
    const { src } = picture(second, 'wide');
    expect(statSync(path.join(second.outDir, src)).size).toBeGreaterThan(0);
  });

  it('social cards: 1200×675, 1200×900 and 1200×1200 JPEGs, cropped around the same focus, from the cache', async () => {
    const options = readBuildOptions({ MASTHEAD_CONTENT: path.join(first.dir, 'content'), MASTHEAD_NOW: '2026-11-28T00:00Z' });
    const caches = openCaches(repoRoot, { MASTHEAD_IMAGE_CACHE: cacheDir, MASTHEAD_BODY_CACHE: path.join(cacheDir, 'bodies') });
    const { build, photos: report } = await prepareBuild({ rootDir: repoRoot, options, caches, fingerprintAssets: true });
    expect(report).toMatchObject({ problems: [expect.objectContaining({ severity: 'warning' })], encoded: 0 });
    const photo = build!.articles.find((a) => a.slug === 'panorama-right')!.photo!;
    const social = build!.photos.social(photo);
    for (const [ref, width, height] of [
      [social.w16x9, 1200, 675],
      [social.w4x3, 1200, 900],
      [social.w1x1, 1200, 1200],
    ] as const) {
      expect(ref).toMatchObject({ width, height, url: expect.stringMatching(/^\/media\/[0-9a-f]{16}-1200\.jpg$/) });
      expect(await sharp(path.join(second.outDir, ref.url)).metadata()).toMatchObject({ format: 'jpeg', width, height });
      expect(colourName(await pixel(second, ref.url, 0.5, 0.5))).toBe('blue');
    }
    // A photo smaller than the card is enlarged to the card's size.
    const tiny = build!.photos.social(build!.articles.find((a) => a.slug === 'tiny')!.photo!);
    expect(await sharp(path.join(second.outDir, tiny.w16x9.url)).metadata()).toMatchObject({ width: 1200, height: 675 });
  });
});

describe('broken photos', () => {
  let broken: FixtureSite;
  let truncated: FixtureSite;
  beforeAll(async () => {
    const noise = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    broken = await buildFixture({
      [`${dir}/corrupt.jpg`]: noise,
      [`${dir}/text.jpg`]: 'This is not a photo. It is a note that someone saved as text.jpg.\n',
      [`${dir}/ok.jpg`]: await jpeg(1600, 900),
      [`${dir}/corrupt.md`]: story('corrupt', 'src: corrupt.jpg\nalt: Noise'),
      [`${dir}/text.md`]: story('text', 'src: text.jpg\nalt: Text'),
      [`${dir}/missing.md`]: story('missing', 'src: missing.jpg\nalt: Nothing'),
      [`${dir}/no-alt.md`]: story('no-alt', 'src: ok.jpg'),
    });
    const full = await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
      .jpeg()
      .toBuffer();
    truncated = await buildFixture({
      [`${dir}/cut.jpg`]: full.subarray(0, full.length >> 1),
      [`${dir}/cut.md`]: story('cut', 'src: cut.jpg\nalt: Half a photo'),
    });
  });

  it.each([
    [
      'corrupt',
      'photo.src',
      '"corrupt.jpg" is damaged or not an image (its first bytes are not those of a JPEG, PNG, WebP, AVIF, GIF or TIFF file): export the photo again as JPEG',
    ],
    ['text', 'photo.src', '"text.jpg" is a text file, not a photo'],
    ['missing', 'photo.src', '"missing.jpg" does not exist next to the article'],
    ['no-alt', 'photo.alt', 'is required when there is a photo'],
  ])('%s: one error naming the article and %s', (slug, field, message) => {
    const lines = broken.stderr.split('\n').filter((l) => l.startsWith(`${dir}/${slug}.md:`));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^${dir}/${slug}\\.md:\\d+: ${field.replace('.', '\\.')}: `));
    expect(lines[0]).toContain(message);
  });

  it('stops the build before publishing anything', () => {
    expect(broken.code).toBe(1);
    expect(broken.has('/en/')).toBe(false);
  });

  it('a photo that is damaged past its header fails when it is converted, naming the article', () => {
    expect(truncated.code).toBe(1);
    expect(truncated.stderr).toMatch(
      new RegExp(
        `^${dir}/cut\\.md: photo\\.src: "${dir}/cut\\.jpg" could not be converted \\(VipsJpeg: premature end of JPEG image\\): the file may be damaged`,
        'm',
      ),
    );
    expect(truncated.has('/en/')).toBe(false);
  });
});

describe('what the image cache remembers about a photo', () => {
  it('a photo replaced after a build is read again, though its size and modification time are unchanged', async () => {
    const [red, blue] = await Promise.all([jpeg(1600, 900, '#dc1414'), jpeg(1600, 900, '#1414dc')]);
    expect(blue.length).toBe(red.length);
    const site = writeFixture({ [`${dir}/swap.jpg`]: red, [`${dir}/swap.md`]: story('swap', 'src: swap.jpg\nalt: A photo') });
    // Only the change time and the bytes tell: the inspection kept in the image cache must not be trusted.
    const file = path.join(site, dir, 'swap.jpg');
    const sameTime = new Date('2026-11-01T00:00:00Z');
    utimesSync(file, sameTime, sameTime);
    const first = await buildFixture({}, { dir: site });
    const lead = (built: FixtureSite) => built.targets('/en/2026/11/26/swap/', 'figure img', 'src')[0]!;
    expect(colourName(await pixel(first, lead(first), 0.5, 0.5))).toBe('red');
    writeFileSync(file, blue);
    utimesSync(file, sameTime, sameTime);
    const again = await buildFixture({}, { dir: site });
    expect(again.code).toBe(0);
    expect(colourName(await pixel(again, lead(again), 0.5, 0.5))).toBe('blue');
  });
});
