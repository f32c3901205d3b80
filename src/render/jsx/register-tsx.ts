/**
 * `node --import ./src/render/jsx/register-tsx.ts …`: loads `.tsx` in any Node process that does
 * not start through src/cli/main.mjs (plain Eleventy on Masthead's config, in tests).
 */
import { fileURLToPath } from 'node:url';
import { registerTsxModules } from './tsx-modules.ts';

await registerTsxModules(fileURLToPath(new URL('../../..', import.meta.url)), { precompile: false });
