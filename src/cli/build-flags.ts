/**
 * The flags `npm run build` and `npm run assemble` share. They become MASTHEAD_*
 * environment variables, read by src/build/options.ts, so that the dev server, tests
 * and both commands see one set of options.
 */
import type { ParseArgsConfig } from 'node:util';
import type { FlagHelp } from './help.ts';

export const buildFlags = {
  now: { type: 'string' },
  pathprefix: { type: 'string' },
  'base-url': { type: 'string' },
  content: { type: 'string' },
  'page-size': { type: 'string' },
  out: { type: 'string', default: '_site' },
  quiet: { type: 'boolean', default: false },
  verbose: { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
} as const satisfies ParseArgsConfig['options'];

export const buildFlagHelp: FlagHelp<typeof buildFlags> = {
  now: ['ISO', 'the build\'s "now", for embargoes and the news sitemap (default: the current time; MASTHEAD_NOW)'],
  pathprefix: ['/SUB/', 'the sub-path the site is served under (MASTHEAD_PATH_PREFIX)'],
  'base-url': ['URL', 'the production origin, for canonical links, feeds and sitemaps (MASTHEAD_BASE_URL)'],
  content: ['DIR', 'the content folder (default content; MASTHEAD_CONTENT)'],
  'page-size': ['N', 'stories per section, tag and author page (default 20; MASTHEAD_PAGE_SIZE)'],
  out: ['DIR', 'the output folder (default _site)'],
  quiet: ['', 'print only problems (warnings and errors)'],
  verbose: ['', 'print every file written too (by default: one line per stage, with counts and times)'],
  help: ['', 'print this help'],
};

export interface BuildFlagValues {
  now?: string | undefined;
  pathprefix?: string | undefined;
  'base-url'?: string | undefined;
  content?: string | undefined;
  'page-size'?: string | undefined;
}

export function applyBuildFlags(values: BuildFlagValues, env: NodeJS.ProcessEnv = process.env): void {
  if (values.now) env.MASTHEAD_NOW = values.now;
  if (values.pathprefix) env.MASTHEAD_PATH_PREFIX = values.pathprefix;
  if (values['base-url']) env.MASTHEAD_BASE_URL = values['base-url'];
  if (values.content) env.MASTHEAD_CONTENT = values.content;
  if (values['page-size']) env.MASTHEAD_PAGE_SIZE = values['page-size'];
  env.MASTHEAD_MODE ??= 'production';
}
