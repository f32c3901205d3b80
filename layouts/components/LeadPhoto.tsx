import type { Build } from '../../src/build/build.ts';
import type { Photo } from '../../src/content/article.ts';
import type { Edition } from '../../src/editions/edition.ts';
import { PICTURE_SIZES, Picture } from './Picture.tsx';

/**
 * The lead photo, cropped to 16:9 around its focus and fetched before anything else.
 * Caption and credit are independent and each optional; the credit is announced as a
 * credit, never folded into the alt text.
 */
export function LeadPhoto({ photo, edition, build, page }: { photo: Photo; edition: Edition; build: Build; page: string }) {
  const s = edition.strings;
  const hasCaption = photo.caption !== undefined || photo.credit !== undefined;
  return (
    <figure class="lead-photo">
      <div class="frame-16x9">
        <Picture set={build.photos.picture(photo)} alt={photo.alt} sizes={PICTURE_SIZES.lead} page={page} priority />
      </div>
      {hasCaption ? (
        <figcaption>
          {photo.caption !== undefined ? (
            <span class="caption">
              <span class="visually-hidden">{s.photoCaption} </span>
              {photo.caption}
            </span>
          ) : null}{' '}
          {photo.credit !== undefined ? (
            <span class="credit">
              <span class="visually-hidden">{s.photoCredit} </span>
              {photo.credit}
            </span>
          ) : null}
        </figcaption>
      ) : null}
    </figure>
  );
}
