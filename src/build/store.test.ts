import { chmodSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { Store } from './store.ts';

type Entry = { headline: string; tags: string[]; photo?: { alt: string } };
const temp = () => mkdtempSync(path.join(tmpdir(), 'masthead-store-'));
const entry: Entry = { headline: 'Порт «Талмис»', tags: ['taxes'], photo: { alt: 'خبرنگاران ما' } };

function flip(bytes: Buffer, at: number): Buffer {
  bytes[at] = bytes[at]! ^ 0x20;
  return bytes;
}

function saved(dir: string): string {
  const first = new Store<Entry>(dir, 'articles', 'fp');
  first.set('a', entry);
  first.set('b', { headline: 'B', tags: [] });
  first.save();
  return path.join(dir, 'articles-fp.json');
}

describe('a store', () => {
  it('keeps what one build stored for the next, and only what the last build used', () => {
    const dir = temp();
    saved(dir);
    const second = new Store<Entry>(dir, 'articles', 'fp');
    expect(second.get('a')).toEqual(entry);
    second.save();
    const third = new Store<Entry>(dir, 'articles', 'fp');
    expect(third.get('a')).toBeDefined();
    expect(third.get('b')).toBeUndefined();
  });

  it('drops the files of other fingerprints when it saves', () => {
    const dir = temp();
    writeFileSync(path.join(dir, 'articles-old.json'), 'x');
    saved(dir);
    expect(readdirSync(dir)).toEqual(['articles-fp.json']);
  });

  // A damaged file is an empty store: every entry a miss, never a wrong entry or a failure.
  it.each([
    ['one flipped byte in an entry', (b: Buffer) => flip(b, b.length - 20)],
    ['sixteen flipped bytes', (b: Buffer) => b.fill(0x41, 20, 36)],
    ['half the file', (b: Buffer) => b.subarray(0, Math.floor(b.length / 2))],
    ['an empty file', () => Buffer.alloc(0)],
    ['a file of another format', () => Buffer.from('{"a":{"headline":"JSON without the header"}}')],
    [
      'a header that lies about the length',
      (b: Buffer) => {
        b.writeUInt32LE(3, 4);
        return b;
      },
    ],
  ])('reads a file with %s as an empty store', (_name, damage) => {
    const dir = temp();
    const file = saved(dir);
    writeFileSync(file, damage(Buffer.from(readFileSync(file))));
    const store = new Store<Entry>(dir, 'articles', 'fp');
    expect(store.get('a')).toBeUndefined();
    store.set('a', { headline: 'again', tags: [] });
    store.save();
    expect(new Store<Entry>(dir, 'articles', 'fp').get('a')).toEqual({ headline: 'again', tags: [] });
  });

  it('warns when it cannot save, and leaves no temporary file', () => {
    const dir = temp();
    const store = new Store<Entry>(dir, 'articles', 'fp');
    store.set('a', entry);
    chmodSync(dir, 0o500);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      // Root may write anyway; then the file is simply there.
      store.save();
    } finally {
      chmodSync(dir, 0o700);
      warn.mockRestore();
    }
    const names = readdirSync(dir);
    expect(names.filter((n) => n.endsWith('.tmp'))).toEqual([]);
    if (!names.includes('articles-fp.json')) expect(warn).toHaveBeenCalledWith(expect.stringContaining('could not save the cache'));
  });
});
