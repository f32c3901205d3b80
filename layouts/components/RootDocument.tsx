import { type Children, renderToString } from '#jsx/jsx-runtime';
import type { Build } from '../../src/build/build.ts';
import type { Edition } from '../../src/editions/edition.ts';
import { assetUrl } from '../../src/render/assets.ts';

/**
 * The frame of the pages above the editions (the root page, the root 404): no edition
 * header or footer, since they belong to no one edition. `edition` only sets the
 * document's language; each block inside carries its own lang and dir.
 */
export function renderRootDocument({ build, edition, title, children }: { build: Build; edition: Edition; title: string; children: Children }): string {
  const html = renderToString(
    <html lang={edition.lang} dir={edition.dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <link rel="stylesheet" href={assetUrl(build, 'masthead.css')} />
      </head>
      <body class="root-page">
        <main id="main">{children}</main>
      </body>
    </html>,
  );
  return `<!DOCTYPE html>\n${html}\n`;
}
