import type { Build } from '../../src/build/build.ts';
import { siteOnion } from '../../src/editions/reach.ts';
import { onionNginxConf } from '../../src/outputs/onion-nginx.ts';

/** `/_onion.nginx.conf`, the onion service's nginx rules (src/outputs/onion-nginx.ts), when an edition has an onion address. */
export const data = {
  pagination: {
    data: 'masthead',
    size: 1,
    alias: 'shared',
    // Cross-edition file: written by full builds and `npm run assemble`, not by edition shards.
    before: (_keys: unknown, { masthead }: { masthead: Build }): true[] => (masthead.pages.shared.length && siteOnion(masthead.options.editions) ? [true] : []),
  },
  permalink: '/_onion.nginx.conf',
  eleventyExcludeFromCollections: true,
};

export default function onionConfig({ masthead: build }: { masthead: Build }): string {
  return onionNginxConf(build);
}
