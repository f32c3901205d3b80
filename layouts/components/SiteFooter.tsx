import type { Build } from '../../src/build/build.ts';
import type { Edition } from '../../src/editions/edition.ts';
import { accessPath } from '../../src/site/slugs.ts';
import { relativeUrl } from '../../src/site/urls.ts';
import { oncePerEdition } from './OncePerEdition.tsx';

export function SiteFooter({ build, edition, page }: { build: Build; edition: Edition; page: string }) {
  return <footer class="site-footer">{footerContent(build, edition, page)}</footer>;
}

/** The legal notice, and beside it how to reach the site when it is blocked: both matter most to the readers the notice is about. */
const footerContent = oncePerEdition('site-footer', (_build, edition, page) => {
  const d = edition.disclaimer;
  return (
    <>
      <h2 class="visually-hidden">{edition.strings.legalNotice}</h2>
      <p class="disclaimer">
        {d.text} <a href={relativeUrl(page, `/${edition.code}/${d.linkHref}`)}>{d.linkText}</a>
      </p>
      <p class="access-link">
        <a href={relativeUrl(page, accessPath(edition.code))}>{edition.access.linkText}</a>
      </p>
    </>
  );
});
