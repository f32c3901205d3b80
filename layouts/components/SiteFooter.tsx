import type { Build } from '../../src/build/build.ts';
import type { Edition } from '../../src/editions/edition.ts';
import { href } from '../../src/site/urls.ts';
import { oncePerEdition } from './OncePerEdition.tsx';

export function SiteFooter({ build, edition }: { build: Build; edition: Edition }) {
  return <footer class="site-footer">{footerContent(build, edition)}</footer>;
}

const footerContent = oncePerEdition('site-footer', (build, edition) => {
  const d = edition.disclaimer;
  return (
    <>
      <h2 class="visually-hidden">{edition.strings.legalNotice}</h2>
      <p class="disclaimer">
        {d.text} <a href={href(build.options, `/${edition.code}/${d.linkHref}`)}>{d.linkText}</a>
      </p>
    </>
  );
});
