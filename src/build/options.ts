/**
 * Options of one build, from the environment. The CLI (src/cli/build.ts) turns flags
 * into these variables so that the dev server, the programmatic builds in tests and
 * the production build all read them the same way.
 */
import { DateTime, Settings } from 'luxon';
import type { CmsBackend } from '../cms/config.ts';
import type { EditionCode } from '../editions/edition.ts';
import { editionCodes, isEditionCode } from '../editions/registry.ts';

// luxon's own locale never reaches a page: dates are formatted per edition through Intl
// (src/editions/dates.ts), and luxon only parses and does arithmetic. Fixed, nothing depends on the
// machine's locale, and luxon never asks the system for it (which would start ICU in
// every check).
Settings.defaultLocale = 'en-US';

export interface BuildOptions {
  /** Content folder, relative to the repository root or absolute. */
  contentDir: string;
  /** "Now" for embargoes and the news sitemap: fixed for reproducible builds. */
  now: string;
  /** Production drops drafts; preview (the dev server) shows them marked. */
  mode: 'production' | 'preview';
  /** Every edition of the site: all of them are loaded, for translations and the sitemap index. */
  editions: EditionCode[];
  /**
   * What this build writes. A sharded build (`--edition ru`) writes one edition's pages
   * and none of the cross-edition files (root page, sitemap index, robots.txt, _headers,
   * _redirects); `npm run assemble` writes those and merges the shards.
   */
  render: { editions: EditionCode[]; shared: boolean };
  /** Absolute origin of the deployed site, without trailing slash. */
  baseUrl: string;
  /** Sub-path the site is served under, "/" or e.g. "/news/". */
  pathPrefix: string;
  /** Stories per page of section, tag and author listings (MASTHEAD_PAGE_SIZE, --page-size). */
  pageSize: number;
  /**
   * The web editor at /admin/ and where it saves (ADR 022), only when asked: `--with-admin`
   * (GitHub) or `npm run cms` (its local backend); undefined publishes no /admin/.
   */
  admin: CmsBackend | undefined;
}

export function readBuildOptions(env: NodeJS.ProcessEnv = process.env): BuildOptions {
  const now = env.MASTHEAD_NOW ? DateTime.fromISO(env.MASTHEAD_NOW, { setZone: true }) : DateTime.utc();
  if (!now.isValid) throw new Error(`MASTHEAD_NOW / --now: "${env.MASTHEAD_NOW}" is not an ISO 8601 date-time, e.g. 2026-11-27T12:00Z`);
  const wanted = (env.MASTHEAD_EDITIONS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = wanted.filter((c) => !isEditionCode(c));
  if (unknown.length) throw new Error(`--edition: unknown edition ${unknown.join(', ')}; editions are ${editionCodes.join(', ')}`);
  const runMode = env.ELEVENTY_RUN_MODE;
  return {
    contentDir: env.MASTHEAD_CONTENT ?? 'content',
    now: now.toUTC().toISO({ suppressMilliseconds: true }) ?? '',
    mode: env.MASTHEAD_MODE === 'preview' || runMode === 'serve' || runMode === 'watch' ? 'preview' : 'production',
    editions: editionCodes,
    render: {
      editions: wanted.length ? editionCodes.filter((c) => wanted.includes(c)) : env.MASTHEAD_SHARED === 'only' ? [] : editionCodes,
      shared: env.MASTHEAD_SHARED === 'only' || (!wanted.length && env.MASTHEAD_SHARED !== 'no'),
    },
    baseUrl: (env.MASTHEAD_BASE_URL ?? 'https://meridian.example').replace(/\/+$/, ''),
    pathPrefix: normalisePrefix(env.MASTHEAD_PATH_PREFIX ?? '/'),
    pageSize: readPageSize(env.MASTHEAD_PAGE_SIZE),
    admin: readAdmin(env),
  };
}

const GITHUB_REPO = /^[\w.-]+\/[\w.-]+$/;

function readAdmin(env: NodeJS.ProcessEnv): CmsBackend | undefined {
  const kind = env.MASTHEAD_ADMIN;
  if (!kind) return undefined;
  if (kind === 'local') return { name: 'local', url: env.MASTHEAD_ADMIN_LOCAL_URL ?? 'http://localhost:8081/api/v1' };
  if (kind !== 'github') throw new Error(`MASTHEAD_ADMIN: "${kind}" is not a backend of the web editor: use github (--with-admin) or local (npm run cms)`);
  // GitHub Actions names the repository it builds.
  const repo = env.MASTHEAD_ADMIN_REPO ?? env.GITHUB_REPOSITORY;
  if (!repo || !GITHUB_REPO.test(repo)) {
    throw new Error(
      `--with-admin: ${repo ? `"${repo}" is not a GitHub repository` : 'no GitHub repository for the web editor to save to'}: pass --admin-repo OWNER/NAME (GitHub Actions sets GITHUB_REPOSITORY)`,
    );
  }
  return { name: 'github', repo, branch: env.MASTHEAD_ADMIN_BRANCH || 'main', authUrl: env.MASTHEAD_ADMIN_AUTH_URL || undefined };
}

function readPageSize(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 20;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`MASTHEAD_PAGE_SIZE / --page-size: "${value}" is not a whole number of stories per page, e.g. 20`);
  return n;
}

export function normalisePrefix(prefix: string): string {
  const trimmed = prefix.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}
