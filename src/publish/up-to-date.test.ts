import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBuildOptions } from '../build/options.ts';
import { checkUpToDate } from './up-to-date.ts';

/** A repository of its own: layouts, assets, content and a published site. */
function repository() {
  const rootDir = mkdtempSync(path.join(tmpdir(), 'masthead-up-to-date-'));
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(rootDir, file)), { recursive: true });
    writeFileSync(path.join(rootDir, file), text);
  };
  write('layouts/pages/article.11ty.tsx', 'export default () => "";');
  write('assets/masthead.css', 'body { margin: 0 }');
  write('content/en/2026/11/a.md', '---\nheadline: A\n---\n');
  write('_site/index.html', '<!doctype html>');
  return { rootDir, write };
}

describe('checkUpToDate', () => {
  const options = readBuildOptions({ MASTHEAD_NOW: '2026-11-28T12:00:00Z' });
  const check = (rootDir: string, argv: string[] = []) =>
    checkUpToDate({ rootDir, cacheDir: path.join(rootDir, '.cache'), outDir: path.join(rootDir, '_site'), options, argv });

  it('is up to date once recorded, and not before', () => {
    const { rootDir } = repository();
    expect(check(rootDir).upToDate).toBe(false);
    check(rootDir).record([], false);
    expect(check(rootDir).upToDate).toBe(true);
  });

  it.for([
    { change: 'a layout edited', make: (r: ReturnType<typeof repository>) => r.write('layouts/pages/article.11ty.tsx', 'export default () => "x";') },
    { change: 'the stylesheet edited', make: (r: ReturnType<typeof repository>) => r.write('assets/masthead.css', 'body { margin: 1px }') },
    { change: 'an asset added', make: (r: ReturnType<typeof repository>) => r.write('assets/logo.svg', '<svg/>') },
  ])('$change: not up to date', ({ make }) => {
    const r = repository();
    check(r.rootDir).record([], false);
    make(r);
    expect(check(r.rootDir).upToDate).toBe(false);
  });

  it('other flags count, --quiet and --verbose do not', () => {
    const { rootDir } = repository();
    check(rootDir, ['--out', '_site']).record([], false);
    expect(check(rootDir, ['--out', '_site', '--quiet']).upToDate).toBe(true);
    expect(check(rootDir, ['--out', '_site', '--with-admin']).upToDate).toBe(false);
  });
});
