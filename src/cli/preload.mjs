/**
 * Imported by `npm run build` before tsx (`node --import ./src/cli/preload.mjs --import tsx
 * src/cli/build.ts`): the libraries every build needs, loaded while no loader hook is
 * registered. Through tsx's hooks each of Eleventy's few hundred modules costs a round
 * trip to the loader thread (0.1 s of the build's start-up, twice that in CPU); loaded
 * first, natively, they are in the module cache when the TypeScript imports them (same
 * URLs, same instances). JavaScript because it runs before anything can compile
 * TypeScript (ADR 013).
 */
await Promise.all([import('@11ty/eleventy'), import('luxon')]);
