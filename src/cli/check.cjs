/**
 * `npm run check`: src/cli/check.ts, loaded through tsx's CommonJS hook, which compiles
 * in this thread. Its ES-module hook (`node --import tsx`) runs a loader thread that
 * every import waits on: 0.1 s of a check that takes half a second (ADR 013). Nothing
 * the check imports is an ES module only; the build, which needs Eleventy, cannot start
 * this way. JavaScript because it runs before anything can compile TypeScript.
 */
require('tsx/cjs/api').register();
require('./check.ts').runCheckCommand(process.argv.slice(2));
