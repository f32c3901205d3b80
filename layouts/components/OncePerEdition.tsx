import { type Children, type Html, joined } from '#jsx/jsx-runtime';
import type { Build } from '../../src/build/build.ts';
import type { Edition } from '../../src/editions/edition.ts';
import { rootFrom } from '../../src/site/urls.ts';

/**
 * The inside of a block that is the same on every page of an edition (site header,
 * publisher box, footer), rendered once per build, edition and page depth, and reused by
 * every page as a child (ADR 012 measured what rendering it for each page cost). Its links
 * are relative to the page (src/site/urls.ts): `content` gets the first page of a depth,
 * and may use it only through `relativeUrl`, which writes the same URL for every page
 * of that depth. It is markup from the JSX runtime like any other, escaped the same way.
 */
export function oncePerEdition(
  name: string,
  content: (build: Build, edition: Edition, page: string) => Children,
): (build: Build, edition: Edition, page: string) => Html {
  return (build, edition, page) => {
    const key = `${name}\u0000${edition.code}\u0000${rootFrom(page)}`;
    let html = build.fragments.blocks.get(key);
    if (!html) build.fragments.blocks.set(key, (html = joined(content(build, edition, page))));
    return html;
  };
}
