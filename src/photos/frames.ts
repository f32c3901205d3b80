/**
 * What the image pipeline makes from one photo: the frames (crop shapes), the widths
 * and formats of each, the encoder settings (chosen by measurement, see
 * docs/adr/005-image-encoding.md), and the focal-point crop. Pure functions only, so
 * the crop can be tested without encoding anything.
 */

export type ImageFormat = 'avif' | 'webp' | 'jpeg';

export interface Frame {
  /** Part of the cache key and of the file name, e.g. "16x9". */
  name: string;
  ratio: readonly [number, number];
  formats: readonly ImageFormat[];
  widths: readonly number[];
  /** Exactly `widths[0]` wide, enlarging a small photo if need be (social cards have a fixed size). */
  exact?: boolean;
}

/**
 * Every photo on a page (lead, listing thumbnails, publisher box) is shown in a 16:9
 * frame, so one set of renditions serves them all; only `sizes` differs per place.
 * Widths cover a 42rem column at 1–2× and phones at up to 3× (1280 ≈ 375 px × 3).
 */
export const PAGE_FRAME: Frame = { name: '16x9', ratio: [16, 9], formats: ['avif', 'webp', 'jpeg'], widths: [320, 640, 960, 1280, 1600] };

/** Social cards and JSON-LD: the 16:9, 4:3 and 1:1 crops search engines ask for, as JPEG. */
export const SOCIAL_FRAMES = {
  w16x9: { name: 'social-16x9', ratio: [16, 9], formats: ['jpeg'], widths: [1200], exact: true },
  w4x3: { name: 'social-4x3', ratio: [4, 3], formats: ['jpeg'], widths: [1200], exact: true },
  w1x1: { name: 'social-1x1', ratio: [1, 1], formats: ['jpeg'], widths: [1200], exact: true },
} as const satisfies Record<string, Frame>;

/** Encoder settings per format; see docs/adr/005-image-encoding.md for the measurements. */
export const ENCODING = {
  avif: { quality: 55, effort: 3 },
  webp: { quality: 80, effort: 4 },
  jpeg: { quality: 75, mozjpeg: true },
} as const;

/** Social cards are re-compressed by every platform that shows them, so they start better. */
export const SOCIAL_JPEG = { quality: 82, mozjpeg: true } as const;

/** Narrower than this (after cropping to 16:9) looks blurred even in a phone-width column. */
export const MIN_FRAME_WIDTH = 640;

export interface Focus {
  /** 0 = left edge, 1 = right edge. */
  x: number;
  /** 0 = top edge, 1 = bottom edge. */
  y: number;
}

const KEYWORDS: Readonly<Record<string, Focus>> = {
  center: { x: 0.5, y: 0.5 },
  centre: { x: 0.5, y: 0.5 },
  top: { x: 0.5, y: 0 },
  bottom: { x: 0.5, y: 1 },
  left: { x: 0, y: 0.5 },
  right: { x: 1, y: 0.5 },
};

/** `focus` as validated by the frontmatter schema: a keyword or "x,y" in 0..1. */
export function parseFocus(focus: string): Focus {
  const keyword = KEYWORDS[focus.trim().toLowerCase()];
  if (keyword) return keyword;
  const [x, y] = focus.split(',').map((n) => Number(n.trim()));
  const ok = (n: number | undefined): n is number => n !== undefined && Number.isFinite(n) && n >= 0 && n <= 1;
  return ok(x) && ok(y) ? { x, y } : KEYWORDS.center!;
}

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The largest region of the frame's shape inside the photo, placed so that the focal
 * point is as near its middle as the photo's edges allow.
 */
export function cropBox(width: number, height: number, ratio: readonly [number, number], focus: Focus): Box {
  const target = ratio[0] / ratio[1];
  const crop =
    width / height > target
      ? { width: Math.max(1, Math.min(width, Math.round(height * target))), height }
      : { width, height: Math.max(1, Math.min(height, Math.round(width / target))) };
  const place = (size: number, part: number, at: number) => Math.min(size - part, Math.max(0, Math.round(at * size - part / 2)));
  return { left: place(width, crop.width, focus.x), top: place(height, crop.height, focus.y), ...crop };
}

/** Height of a rendition `width` wide in the frame's shape. */
export function frameHeight(frame: Pick<Frame, 'ratio'>, width: number): number {
  return Math.max(1, Math.round((width * frame.ratio[1]) / frame.ratio[0]));
}

/**
 * The widths to encode for a crop `cropWidth` wide: the frame's widths that need no
 * enlarging, plus the crop's own width when the photo is too small for the largest
 * and its width is well above the last that fits (or below all of them). Exact frames always get their width.
 */
export function renditionWidths(frame: Frame, cropWidth: number): number[] {
  if (frame.exact) return [frame.widths[0]!];
  const fit = frame.widths.filter((w) => w <= cropWidth);
  if (fit.length === frame.widths.length) return fit;
  const last = fit[fit.length - 1];
  if (last === undefined || cropWidth >= last * 1.25) fit.push(cropWidth);
  return fit;
}
