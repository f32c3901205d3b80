import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BodyCache, bodyKey, packedBodies, type RenderedBody } from './body-cache.ts';

describe('body cache', () => {
  it('returns what an earlier build stored, across instances (builds)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'masthead-bodies-'));
    const first = new BodyCache(dir, 'v1');
    const key = bodyKey('en', '“”‘’', 'Hello');
    expect(first.get(key)).toBeUndefined();
    first.set(key, { html: '<p>Hello</p>\n', env: { warnings: ['w'] } });
    first.save();
    const second = new BodyCache(dir, 'v1');
    expect(second.get(key)).toEqual({ html: '<p>Hello</p>\n', env: { warnings: ['w'] } });
    expect(second.stats).toEqual({ hits: 1, misses: 0 });
  });

  it('keys on the edition and its quotation marks as well as the text', () => {
    expect(bodyKey('en', '“”‘’', 'x')).not.toBe(bodyKey('ru', '«»„“', 'x'));
    expect(bodyKey('en', '“”‘’', 'x')).not.toBe(bodyKey('en', '“”‘’', 'y'));
    expect(bodyKey('en', '“”‘’', 'x')).toBe(bodyKey('en', '“”‘’', 'x'));
  });

  it('forgets bodies no build uses any more, and caches of other renderers', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'masthead-bodies-'));
    writeFileSync(path.join(dir, 'bodies-old.json'), '{}');
    const a = new BodyCache(dir, 'v2');
    a.set('gone', { html: 'g', env: {} });
    a.set('kept', { html: 'k', env: {} });
    a.save();
    const b = new BodyCache(dir, 'v2');
    expect(b.get('kept')).toBeDefined();
    b.save();
    const c = new BodyCache(dir, 'v2');
    expect(c.get('gone')).toBeUndefined();
    expect(readdirSync(dir)).toEqual(['bodies-v2.bin']);
  });

  it.each<[string, string]>([
    ['ASCII', '<p>Plain &amp; simple</p>\n'],
    ['Latin-1', '<p>Café, naïve, £5 ±1</p>'],
    ['Cyrillic', '<p>«Новости» — факты</p>'],
    ['Persian', '<p dir="rtl">خبرنگاران ما به ۲۷ زبان</p>'],
    ['astral and a lone surrogate', '<p>📰 \ud800 end</p>'],
    ['empty', ''],
  ])('stores %s bodies exactly', (_name, html) => {
    const entries: [string, RenderedBody][] = [
      ['a', { html, env: { links: [{ href: '/x/', line: 3 }] } }],
      ['b', { html: `${html}<p>second</p>`, env: {} }],
    ];
    expect([...packedBodies.decode(Buffer.from(packedBodies.encode(entries)))]).toEqual(entries);
  });

  it('reads a damaged or foreign file as empty, and rebuilds it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'masthead-bodies-'));
    writeFileSync(path.join(dir, 'bodies-v3.bin'), '{"not":"a body cache"}');
    const cache = new BodyCache(dir, 'v3');
    expect(cache.get('not')).toBeUndefined();
    cache.set('k', { html: '<p>k</p>', env: {} });
    cache.save();
    expect(new BodyCache(dir, 'v3').get('k')).toEqual({ html: '<p>k</p>', env: {} });
  });
});
