import { NOT_FOUND_BASE_SCRIPT } from '../../src/render/not-found-base.ts';

/** Where a not-found page was written for: `top` the site's top-level folders that can start the requested path, `here` the page's own folder below the site root ("en/" or ""). */
export interface NotFoundPlace {
  top: readonly string[];
  here: string;
  /** The root 404's: the main site's path prefix, the root for a path outside every edition. */
  root?: string;
}

/** The not-found pages' base script (src/render/not-found-base.ts), first in <head>; it adds the stylesheet `css` (as written on the page). */
export function NotFoundBase({ place, css }: { place: NotFoundPlace; css: string }) {
  return (
    <script
      data-top={place.top.join(' ')}
      data-here={place.here}
      data-root={place.root}
      data-css={css}
      dangerouslySetInnerHTML={{ __html: NOT_FOUND_BASE_SCRIPT }}
    />
  );
}

/** The page's stylesheet: a plain <link>, or on a not-found page the <noscript> copy of the one its base script adds. */
export function Stylesheet({ href, notFound }: { href: string; notFound: NotFoundPlace | undefined }) {
  const link = <link rel="stylesheet" href={href} />;
  return notFound ? <noscript>{link}</noscript> : link;
}
