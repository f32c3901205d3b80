import { type Children, renderToString } from '#jsx/jsx-runtime';
import type { Build } from '../../src/build/build.ts';
import type { Edition } from '../../src/editions/edition.ts';
import { assetUrl } from '../../src/render/assets.ts';
import { FeedLinks } from './FeedLinks.tsx';
import { PublisherBox } from './PublisherBox.tsx';
import { SiteFooter } from './SiteFooter.tsx';
import { SiteHeader } from './SiteHeader.tsx';

export interface DocumentProps {
  build: Build;
  edition: Edition;
  title: string;
  description?: string | undefined;
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
export function Document({ build, edition, title, description, head, feedSection, children }: DocumentProps) {
  const s = edition.strings;
  return (
    <html lang={edition.lang} dir={edition.dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        {description ? <meta name="description" content={description} /> : null}
        <link rel="stylesheet" href={assetUrl(build, 'masthead.css')} />
        <FeedLinks build={build} edition={edition} section={feedSection} />
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
        <SiteHeader build={build} edition={edition} />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <PublisherBox build={build} edition={edition} />
        <SiteFooter build={build} edition={edition} />
      </body>
    </html>
  );
}

export function renderDocument(props: DocumentProps): string {
  return `<!DOCTYPE html>\n${renderToString(<Document {...props} />)}\n`;
}
