/**
 * Prepares the Hugo side: a site folder in the work dir (so Hugo's lock file and caches
 * stay out of the repo) whose config points at bench/hugo/layouts and at a mirror of
 * the corpus. The mirror exists because Hugo 0.111 cannot parse `2024-03-05T09:30`
 * (no seconds): it silently drops the date and every story sorts as year 1. The mirror
 * appends ":00" to `date:`/`updated:` lines and is byte-for-byte the corpus otherwise.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const DATE_LINE = /^((?:date|updated): \d{4}-\d{2}-\d{2}T\d{2}:\d{2})$/gm;

export function hugoVersion(): string | undefined {
  const found = spawnSync('sh', ['-c', 'command -v hugo'], { encoding: 'utf8' });
  if (found.status !== 0 || !found.stdout.trim()) return undefined;
  const v = spawnSync('hugo', ['version'], { encoding: 'utf8' });
  return /v(\d+\.\d+\.\d+)/.exec(v.stdout)?.[1] ?? 'unknown';
}

/** Copies content/ to `to`, fixing the date lines of every .md file. Returns the number of stories. */
export function mirrorForHugo(from: string, to: string): number {
  let stories = 0;
  for (const entry of readdirSync(from, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const source = path.join(entry.parentPath, entry.name);
    const target = path.join(to, path.relative(from, source));
    mkdirSync(path.dirname(target), { recursive: true });
    if (entry.name.endsWith('.md')) {
      writeFileSync(target, readFileSync(source, 'utf8').replace(DATE_LINE, '$1:00'));
      stories++;
    } else copyFileSync(source, target);
  }
  return stories;
}

export interface HugoSite {
  siteDir: string;
  contentDir: string;
}

export function prepareHugoSite(benchDir: string, corpusContent: string, workDir: string, name = 'hugo'): HugoSite {
  const siteDir = path.join(workDir, `${name}-site`);
  const contentDir = path.join(workDir, `${name}-content`);
  mirrorForHugo(corpusContent, contentDir);
  mkdirSync(siteDir, { recursive: true });
  const config = readFileSync(path.join(benchDir, 'hugo', 'config.template.toml'), 'utf8')
    .replace('@CONTENT@', contentDir)
    .replace('@LAYOUTS@', path.join(benchDir, 'hugo', 'layouts'));
  writeFileSync(path.join(siteDir, 'config.toml'), config);
  return { siteDir, contentDir };
}
