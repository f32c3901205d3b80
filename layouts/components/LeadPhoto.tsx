import type { Photo } from '../../src/article.ts';
import type { Edition } from '../../src/editions/edition.ts';
import { photoUrl } from '../../src/photos.ts';
import type { SiteData } from '../../src/site-data.ts';
import { href } from '../../src/urls.ts';

/**
 * The lead photo in a 16:9 frame. Caption and credit are independent and each
 * optional; the credit is announced as a credit, never folded into the alt text.
 */
export function LeadPhoto({ photo, edition, site }: { photo: Photo; edition: Edition; site: SiteData }) {
  const s = edition.strings;
  const hasCaption = photo.caption !== undefined || photo.credit !== undefined;
  return (
    <figure class="lead-photo">
      <div class="frame-16x9">
        <img src={href(site.options, photoUrl(photo))} alt={photo.alt} width={1280} height={720} fetchpriority="high" decoding="async" />
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
