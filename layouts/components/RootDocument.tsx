import { type Children, renderToString } from '#jsx/jsx-runtime';
import type { Build } from '../../src/build/build.ts';
import type { Edition } from '../../src/editions/edition.ts';
import { onionUrl, siteOnion } from '../../src/editions/reach.ts';
import { assetUrl } from '../../src/render/assets.ts';
import { OnionLocation } from './Document.tsx';
import { NotFoundBase, type NotFoundPlace, Stylesheet } from './NotFoundBase.tsx';

/**
 * The frame of the pages above the editions (the root page, the root 404): no edition
 * header or footer, since they belong to no one edition. `edition` only sets the
 * document's language; each block inside carries its own lang and dir. `notFound`: the
 * root 404's place, for its base script (src/render/not-found-base.ts).
 */
export function renderRootDocument({
  build,
  edition,
  page,
  title,
  notFound,
  children,
}: {
  build: Build;
  edition: Edition;
  page: string;
  title: string;
  notFound?: NotFoundPlace;
  children: Children;
}): string {
  const css = assetUrl(build, page, 'masthead.css');
  const onion = siteOnion(build.options.editions);
  const html = renderToString(
    <html lang={edition.lang} dir={edition.dir}>
      <head>
        <meta charset="utf-8" />
        {notFound ? <NotFoundBase place={notFound} css={css} /> : null}
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <OnionLocation url={onion ? onionUrl(onion, page) : undefined} />
        <Stylesheet href={css} notFound={notFound} />
      </head>
      <body class="root-page">
        <main id="main">{children}</main>
      </body>
    </html>,
  );
  return `<!DOCTYPE html>\n${html}\n`;
}
