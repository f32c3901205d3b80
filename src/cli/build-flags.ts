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
  'with-admin': { type: 'boolean', default: false },
  'admin-repo': { type: 'string' },
  'admin-branch': { type: 'string' },
  'admin-auth-url': { type: 'string' },
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
  'with-admin': ['', 'publish the web editor at /admin/, saving to GitHub with drafts as pull requests (docs/deploy.md; MASTHEAD_ADMIN=github)'],
  'admin-repo': ['OWNER/NAME', 'the GitHub repository the editor saves to (default: $GITHUB_REPOSITORY; MASTHEAD_ADMIN_REPO)'],
  'admin-branch': ['NAME', 'the branch the editor publishes to (default main; MASTHEAD_ADMIN_BRANCH)'],
  'admin-auth-url': ['URL', "the OAuth provider for GitHub sign-in (default: Netlify's; MASTHEAD_ADMIN_AUTH_URL)"],
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
  'with-admin'?: boolean | undefined;
  'admin-repo'?: string | undefined;
  'admin-branch'?: string | undefined;
  'admin-auth-url'?: string | undefined;
}

export function applyBuildFlags(values: BuildFlagValues, env: NodeJS.ProcessEnv = process.env): void {
  if (values.now) env.MASTHEAD_NOW = values.now;
  if (values.pathprefix) env.MASTHEAD_PATH_PREFIX = values.pathprefix;
  if (values['base-url']) env.MASTHEAD_BASE_URL = values['base-url'];
  if (values.content) env.MASTHEAD_CONTENT = values.content;
  if (values['page-size']) env.MASTHEAD_PAGE_SIZE = values['page-size'];
  if (values['with-admin']) env.MASTHEAD_ADMIN = 'github';
  if (values['admin-repo']) env.MASTHEAD_ADMIN_REPO = values['admin-repo'];
  if (values['admin-branch']) env.MASTHEAD_ADMIN_BRANCH = values['admin-branch'];
  if (values['admin-auth-url']) env.MASTHEAD_ADMIN_AUTH_URL = values['admin-auth-url'];
  env.MASTHEAD_MODE ??= 'production';
}
