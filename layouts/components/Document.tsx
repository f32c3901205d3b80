import { type Children, renderToString } from '#jsx/jsx-runtime';
import type { Build } from '../../src/build/build.ts';
import type { Edition } from '../../src/editions/edition.ts';
import { onionUrl } from '../../src/editions/reach.ts';
import { assetUrl } from '../../src/render/assets.ts';
import { FeedLinks } from './FeedLinks.tsx';
import { NotFoundBase, type NotFoundPlace, Stylesheet } from './NotFoundBase.tsx';
import { PublisherBox } from './PublisherBox.tsx';
import { SiteFooter } from './SiteFooter.tsx';
import { SiteHeader } from './SiteHeader.tsx';

export interface DocumentProps {
  build: Build;
  edition: Edition;
  /** The page's own site path (/en/2026/11/26/story/, /en/404.html): every URL on it is relative to it. */
  page: string;
  title: string;
  description?: string | undefined;
  /** On a not-found page: where it was written for, for its base script (src/render/not-found-base.ts). */
  notFound?: NotFoundPlace;
  /** Extra elements for <head> (canonical, social metadata…). */
  head?: Children;
  /** A section listing also advertises the section's own feeds. */
  feedSection?: string | undefined;
  /** Everything inside <main>. */
  children: Children;
}

/**
 * The frame of every page of an edition, top to bottom: skip links, site header with
 * navigation and the breaking banner, main, publisher box, legal footer.
 */
export function Document({ build, edition, page, title, description, notFound, head, feedSection, children }: DocumentProps) {
  const s = edition.strings;
  const css = assetUrl(build, page, 'masthead.css');
  return (
    <html lang={edition.lang} dir={edition.dir}>
      <head>
        <meta charset="utf-8" />
        {notFound ? <NotFoundBase place={notFound} css={css} /> : null}
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        {description ? <meta name="description" content={description} /> : null}
        <OnionLocation url={onionUrl(edition, page)} />
        <Stylesheet href={css} notFound={notFound} />
        <FeedLinks edition={edition} page={page} section={feedSection} />
        {head}
      </head>
      <body class={`script-${edition.script.toLowerCase()}`}>
        <nav class="skip-links" aria-label={s.skipLinksLabel}>
          <ul>
            <li>
              <a href="#main">{s.skipToContent}</a>
            </li>
            <li>
              <a href="#sections">{s.skipToNavigation}</a>
            </li>
          </ul>
        </nav>
        <SiteHeader build={build} edition={edition} page={page} />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <PublisherBox build={build} edition={edition} page={page} />
        <SiteFooter build={build} edition={edition} page={page} />
      </body>
    </html>
  );
}

/**
 * The same page on the onion service, for Tor Browser (which offers to switch): Tor
 * Browser reads this tag as it reads the `Onion-Location` header (ADR 021).
 */
export function OnionLocation({ url }: { url: string | undefined }) {
  return url ? <meta http-equiv="onion-location" content={url} /> : null;
}

export function renderDocument(props: DocumentProps): string {
  return `<!DOCTYPE html>\n${renderToString(<Document {...props} />)}\n`;
}
