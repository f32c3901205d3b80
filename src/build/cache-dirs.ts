import path from 'node:path';

/** The content caches' folder: validated articles, rendered bodies, dates, what was published (MASTHEAD_BODY_CACHE). */
export const contentCacheDir = (rootDir: string, env: NodeJS.ProcessEnv = process.env): string =>
  env.MASTHEAD_BODY_CACHE ?? path.join(rootDir, '.cache', 'bodies');
