import type { Build } from '../../src/build/build.ts';
import type { Edition } from '../../src/editions/edition.ts';
import { relativeUrl } from '../../src/site/urls.ts';
import { oncePerEdition } from './OncePerEdition.tsx';
import { PICTURE_SIZES, Picture } from './Picture.tsx';

export function PublisherBox({ build, edition, page }: { build: Build; edition: Edition; page: string }) {
  return (
    <aside class="publisher-box" aria-labelledby="publisher-box-heading">
      {boxContent(build, edition, page)}
    </aside>
  );
}

const boxContent = oncePerEdition('publisher-box', (build, edition, page) => {
  const box = edition.publisherBox;
  return (
    <>
      <div class="frame-16x9">
        <Picture set={build.photos.publisherPicture(edition)} alt={box.image.alt} sizes={PICTURE_SIZES.publisher} page={page} />
      </div>
      <div class="publisher-box-text">
        <h2 id="publisher-box-heading">{box.heading}</h2>
        <p>{box.text}</p>
        <p>
          <a href={relativeUrl(page, `/${edition.code}/${box.linkHref}`)}>{box.linkText}</a>
        </p>
      </div>
    </>
  );
});
