import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CacheFile, v8Codec } from './cache-file.ts';

type Entry = { headline: string; tags: string[]; photo?: { alt: string } };

const codecs = [
  ['JSON', undefined],
  ['V8', v8Codec<Entry>()],
] as const;

describe('a cache file', () => {
  it.each(codecs)('%s: keeps what one build stored for the next, and only what the last build used', (_name, codec) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'masthead-cache-'));
    const first = new CacheFile<Entry>(dir, 'articles', 'fp', codec);
    first.set('a', { headline: 'Порт «Талмис»', tags: ['taxes'], photo: { alt: 'خبرنگاران ما' } });
    first.set('b', { headline: 'Gone next time', tags: [] });
    first.save();
    const second = new CacheFile<Entry>(dir, 'articles', 'fp', codec);
    expect(second.get('a')).toEqual({ headline: 'Порт «Талмис»', tags: ['taxes'], photo: { alt: 'خبرنگاران ما' } });
    second.save();
    const third = new CacheFile<Entry>(dir, 'articles', 'fp', codec);
    expect(third.get('a')).toBeDefined();
    expect(third.get('b')).toBeUndefined();
  });

  it('in V8 format, reads a damaged or foreign file as an empty cache', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'masthead-cache-'));
    writeFileSync(path.join(dir, 'articles-fp.v8'), '{"a":{"headline":"JSON, not V8"}}');
    const cache = new CacheFile<Entry>(dir, 'articles', 'fp', v8Codec());
    expect(cache.get('a')).toBeUndefined();
    cache.set('a', { headline: 'rebuilt', tags: [] });
    cache.save();
    expect(new CacheFile<Entry>(dir, 'articles', 'fp', v8Codec()).get('a')).toEqual({ headline: 'rebuilt', tags: [] });
  });
});
