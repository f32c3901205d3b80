import type { Build } from '../../src/build/build.ts';
import type { Edition } from '../../src/editions/edition.ts';
import { href } from '../../src/site/urls.ts';
import { oncePerEdition } from './OncePerEdition.tsx';
import { PICTURE_SIZES, Picture } from './Picture.tsx';

export function PublisherBox({ build, edition }: { build: Build; edition: Edition }) {
  return (
    <aside class="publisher-box" aria-labelledby="publisher-box-heading">
      {boxContent(build, edition)}
    </aside>
  );
}

const boxContent = oncePerEdition('publisher-box', (build, edition) => {
  const box = edition.publisherBox;
  return (
    <>
      <div class="frame-16x9">
        <Picture set={build.photos.publisherPicture(edition)} alt={box.image.alt} sizes={PICTURE_SIZES.publisher} build={build} />
      </div>
      <div class="publisher-box-text">
        <h2 id="publisher-box-heading">{box.heading}</h2>
        <p>{box.text}</p>
        <p>
          <a href={href(build.options, `/${edition.code}/${box.linkHref}`)}>{box.linkText}</a>
        </p>
      </div>
    </>
  );
});
