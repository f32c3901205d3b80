import type { Edition } from '../../src/editions/edition.ts';
import { publisherPicture } from '../../src/photos/prepare.ts';
import type { SiteData } from '../../src/site/derive.ts';
import { href } from '../../src/site/urls.ts';
import { oncePerEdition } from './OncePerEdition.tsx';
import { Picture, PICTURE_SIZES } from './Picture.tsx';

export function PublisherBox({ site, edition }: { site: SiteData; edition: Edition }) {
  return <aside class="publisher-box" aria-labelledby="publisher-box-heading">{boxContent(site, edition)}</aside>;
}

const boxContent = oncePerEdition((site, edition) => {
  const box = edition.publisherBox;
  return (
    <>
      <div class="frame-16x9">
        <Picture set={publisherPicture(edition)} alt={box.image.alt} sizes={PICTURE_SIZES.publisher} site={site} />
      </div>
      <div class="publisher-box-text">
        <h2 id="publisher-box-heading">{box.heading}</h2>
        <p>{box.text}</p>
        <p>
          <a href={href(site.options, `/${edition.code}/${box.linkHref}`)}>{box.linkText}</a>
        </p>
      </div>
    </>
  );
});
