import type { ComponentChildren } from 'preact';
import { renderToStaticMarkup } from 'preact-render-to-string';
import type { Edition } from '../../src/editions/edition.ts';
import { perBuild } from '../../src/per-build.ts';
import type { SiteData } from '../../src/site-data.ts';

export type RawHtml = { __html: string };

/**
 * The inside of a block that is the same on every page of an edition (site header,
 * publisher box, footer), rendered once per build and edition and reused by every page
 * through `dangerouslySetInnerHTML`: at 25,000 pages, rendering it again for each was a
 * fifth of the rendering time. The markup comes from preact like any other, so it is
 * escaped the same way; the bytes are those of rendering the children in place.
 */
export function oncePerEdition(content: (site: SiteData, edition: Edition) => ComponentChildren): (site: SiteData, edition: Edition) => RawHtml {
  const byEdition = perBuild(() => new Map<string, RawHtml>());
  return (site, edition) => {
    const rendered = byEdition(site);
    let html = rendered.get(edition.code);
    if (!html) rendered.set(edition.code, (html = { __html: renderToStaticMarkup(<>{content(site, edition)}</>) }));
    return html;
  };
}
