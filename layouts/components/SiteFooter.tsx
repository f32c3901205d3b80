import type { Build } from '../../src/build/build.ts';
import type { Edition } from '../../src/editions/edition.ts';
import { relativeUrl } from '../../src/site/urls.ts';
import { oncePerEdition } from './OncePerEdition.tsx';

export function SiteFooter({ build, edition, page }: { build: Build; edition: Edition; page: string }) {
  return <footer class="site-footer">{footerContent(build, edition, page)}</footer>;
}

const footerContent = oncePerEdition('site-footer', (_build, edition, page) => {
  const d = edition.disclaimer;
  return (
    <>
      <h2 class="visually-hidden">{edition.strings.legalNotice}</h2>
      <p class="disclaimer">
        {d.text} <a href={relativeUrl(page, `/${edition.code}/${d.linkHref}`)}>{d.linkText}</a>
      </p>
    </>
  );
});
