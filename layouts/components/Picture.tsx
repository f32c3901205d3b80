import type { PictureSet } from '../../src/photos/prepare.ts';
import { relativeUrl } from '../../src/site/urls.ts';

/**
 * `sizes` per place a picture appears, worked out from assets/masthead.css: page 72rem
 * with a 1–2rem gutter; article column 36rem (--measure); publisher box column 20rem
 * from 40rem; listing cards in auto-fill columns of at least 17rem (1, 2, then 3
 * across); the front page's lead card 3/5 of the page from 52rem. A wrong value makes
 * browsers fetch the wrong width: change these with the stylesheet
 * (tests/browser/photo-viewports.test.ts compares them with the real layout).
 */
export const PICTURE_SIZES = {
  lead: '(min-width: 38.5rem) 36rem, calc(100vw - 2rem)',
  publisher: '(min-width: 40rem) 20rem, calc(100vw - 2rem)',
  card: '(min-width: 72rem) 21.4rem, (min-width: 58rem) calc(33vw - 2rem), (min-width: 38rem) calc(50vw - 2rem), calc(100vw - 2rem)',
  cardLead: '(min-width: 72rem) 39.6rem, (min-width: 52rem) calc(60vw - 3rem), calc(100vw - 2rem)',
} as const;

interface PictureProps {
  set: PictureSet;
  /** Empty only when the text beside the image already says what it shows. */
  alt: string;
  sizes: string;
  /** Site path of the page the picture is on: its URLs are relative to it. */
  page: string;
  /** The page's main image: fetched first instead of lazily. */
  priority?: boolean;
}

/**
 * The one way a photo reaches a page: AVIF, then WebP, then JPEG, each with every
 * width, and width/height of the frame so the page never shifts while it loads.
 */
export function Picture({ set, alt, sizes, page, priority = false }: PictureProps) {
  const srcset = (format: keyof PictureSet['sources']) => set.sources[format].map((r) => `${relativeUrl(page, r.url)} ${r.width}w`).join(', ');
  const jpeg = set.sources.jpeg;
  return (
    <picture>
      <source type="image/avif" srcset={srcset('avif')} sizes={sizes} />
      <source type="image/webp" srcset={srcset('webp')} sizes={sizes} />
      <img
        src={relativeUrl(page, jpeg[jpeg.length - 1]!.url)}
        srcset={srcset('jpeg')}
        sizes={sizes}
        width={set.width}
        height={set.height}
        alt={alt}
        {...(priority ? { fetchpriority: 'high' as const } : { loading: 'lazy' as const, decoding: 'async' as const })}
      />
    </picture>
  );
}
