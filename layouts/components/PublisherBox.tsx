import { assetUrl } from '../../src/assets.ts';
import type { Edition } from '../../src/editions/edition.ts';
import type { SiteData } from '../../src/site-data.ts';
import { href } from '../../src/urls.ts';

export function PublisherBox({ site, edition }: { site: SiteData; edition: Edition }) {
  const box = edition.publisherBox;
  return (
    <aside class="publisher-box" aria-labelledby="publisher-box-heading">
      <div class="frame-16x9">
        <img src={assetUrl(site.options, box.image.src)} alt={box.image.alt} width={640} height={360} loading="lazy" decoding="async" />
      </div>
      <div class="publisher-box-text">
        <h2 id="publisher-box-heading">{box.heading}</h2>
        <p>{box.text}</p>
        <p>
          <a href={href(site.options, `/${edition.code}/${box.linkHref}`)}>{box.linkText}</a>
        </p>
      </div>
    </aside>
  );
}
