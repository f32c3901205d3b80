import type { Build } from '../../src/build/build.ts';
import { mirrorsJson } from '../../src/outputs/mirrors.ts';

/** `/mirrors.json`, every edition's mirrors and onion service for circumvention tools (src/outputs/mirrors.ts). */
export const data = {
  // Cross-edition file: written by full builds and `npm run assemble`, not by edition shards.
  pagination: { data: 'masthead.pages.shared', size: 1, alias: 'shared' },
  permalink: '/mirrors.json',
  eleventyExcludeFromCollections: true,
};

export default function mirrors({ masthead: build }: { masthead: Build }): string {
  return mirrorsJson(build.options);
}
