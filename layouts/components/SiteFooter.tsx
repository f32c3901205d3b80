import type { Edition } from '../../src/editions/edition.ts';
import type { SiteData } from '../../src/site/derive.ts';
import { href } from '../../src/site/urls.ts';
import { oncePerEdition } from './OncePerEdition.tsx';

export function SiteFooter({ site, edition }: { site: SiteData; edition: Edition }) {
  return <footer class="site-footer">{footerContent(site, edition)}</footer>;
}

const footerContent = oncePerEdition((site, edition) => {
  const d = edition.disclaimer;
  return (
    <>
      <h2 class="visually-hidden">{edition.strings.legalNotice}</h2>
      <p class="disclaimer">
        {d.text} <a href={href(site.options, `/${edition.code}/${d.linkHref}`)}>{d.linkText}</a>
      </p>
    </>
  );
});
