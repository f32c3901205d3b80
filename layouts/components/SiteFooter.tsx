import type { Edition } from '../../src/editions/edition.ts';
import type { SiteData } from '../../src/site-data.ts';
import { href } from '../../src/urls.ts';

export function SiteFooter({ site, edition }: { site: SiteData; edition: Edition }) {
  const d = edition.disclaimer;
  return (
    <footer class="site-footer">
      <h2 class="visually-hidden">{edition.strings.legalNotice}</h2>
      <p class="disclaimer">
        {d.text} <a href={href(site.options, `/${edition.code}/${d.linkHref}`)}>{d.linkText}</a>
      </p>
    </footer>
  );
}
