import { joined, type Children, type Html } from '#jsx/jsx-runtime';
import type { Edition } from '../../src/editions/edition.ts';
import { perBuild } from '../../src/site/per-build.ts';
import type { SiteData } from '../../src/site/derive.ts';

/**
 * The inside of a block that is the same on every page of an edition (site header,
 * publisher box, footer), rendered once per build and edition and reused by every page
 * as a child: at 25,000 pages, rendering it again for each was a fifth of the rendering
 * time. It is markup from the JSX runtime like any other, escaped the same way.
 */
export function oncePerEdition(content: (site: SiteData, edition: Edition) => Children): (site: SiteData, edition: Edition) => Html {
  const byEdition = perBuild(() => new Map<string, Html>());
  return (site, edition) => {
    const rendered = byEdition(site);
    let html = rendered.get(edition.code);
    if (!html) rendered.set(edition.code, (html = joined(content(site, edition))));
    return html;
  };
}
