import { type Children, type Html, joined } from '#jsx/jsx-runtime';
import type { Build } from '../../src/build/build.ts';
import type { Edition } from '../../src/editions/edition.ts';

/**
 * The inside of a block that is the same on every page of an edition (site header,
 * publisher box, footer), rendered once per build and edition and reused by every page
 * as a child (ADR 012 measured what rendering it for each page cost). It is markup from
 * the JSX runtime like any other, escaped the same way.
 */
export function oncePerEdition(name: string, content: (build: Build, edition: Edition) => Children): (build: Build, edition: Edition) => Html {
  return (build, edition) => {
    const key = `${name}\u0000${edition.code}`;
    let html = build.fragments.blocks.get(key);
    if (!html) build.fragments.blocks.set(key, (html = joined(content(build, edition))));
    return html;
  };
}
