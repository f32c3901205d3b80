/**
 * The one store every cache of Masthead's keeps its entries in: a map kept across builds
 * in one file per fingerprint (`<prefix>-<fingerprint>.<ext>`), the fingerprint naming
 * everything that decides the entries (code, library versions), so older code's
 * entries are never read. The file is read on first use only, so a build that never
 * misses a cache never pays for reading it. Saving keeps only the entries this build
 * used (the cache never grows past the site) and drops files of other fingerprints.
 *
 * A cache must never change what is published: the file carries a checksum of its
 * bytes, and a file that is truncated, damaged or not the store's (a bad checksum, a
 * value the codec cannot read) is an empty store — every entry a miss, so the build
 * does the work again and publishes the same bytes. A store that cannot be saved (a
 * full or read-only disk) warns and leaves no temporary file: the next build just
 * finds fewer entries.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, type Stats, writeFileSync } from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';

/**
 * How the caches recognise a file untouched since they last read it: size, modification
 * and change times and inode. Any write changes the change time, which no tool can set.
 */
export function untouchedStamp(stat: Stats): string {
  return `${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}:${stat.ino}`;
}

/** How a store's entries are stored in its file (after the header). */
export interface StoreCodec<T> {
  extension: string;
  decode(bytes: Buffer): Iterable<[string, T]>;
  encode(entries: [string, T][]): Buffer;
}

export const jsonCodec: StoreCodec<never> = {
  extension: 'json',
  decode: (bytes) => Object.entries(JSON.parse(bytes.toString('utf8')) as Record<string, never>),
  encode: (entries) => Buffer.from(JSON.stringify(Object.fromEntries(entries)), 'utf8'),
};

/** `MHS1`, the payload's length and its CRC-32, little-endian: 12 bytes before the payload. */
const MAGIC = 'MHS1';
const HEADER = 12;

function readPayload(file: string): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  return unsealed(bytes);
}

/** The payload of bytes made by `sealed`, or undefined when they are truncated, damaged or not such bytes. */
export function unsealed(bytes: Buffer): Buffer | undefined {
  if (bytes.length < HEADER || bytes.toString('latin1', 0, 4) !== MAGIC) return undefined;
  const payload = bytes.subarray(HEADER);
  return payload.length === bytes.readUInt32LE(4) && crc32(payload) === bytes.readUInt32LE(8) ? payload : undefined;
}

/** A payload behind the store's header (its length and CRC-32), for cache files kept outside a store (image manifests, search bundle listings). */
export const sealed = (payload: Buffer): Buffer => withHeader(payload);

function withHeader(payload: Buffer): Buffer {
  const header = Buffer.alloc(HEADER);
  header.write(MAGIC, 0, 'latin1');
  header.writeUInt32LE(payload.length, 4);
  header.writeUInt32LE(crc32(payload), 8);
  return Buffer.concat([header, payload]);
}

export class Store<T> {
  private readonly file: string;
  private readonly dir: string;
  private readonly prefix: string;
  private readonly codec: StoreCodec<T>;
  private entries: Map<string, T> | undefined;
  private readonly used = new Set<string>();
  private misses = 0;

  constructor(dir: string, prefix: string, fingerprint: string, codec: StoreCodec<T> = jsonCodec) {
    this.dir = dir;
    this.prefix = prefix;
    this.codec = codec;
    this.file = path.join(dir, `${prefix}-${fingerprint}.${codec.extension}`);
  }

  private load(): Map<string, T> {
    if (!this.entries) {
      const payload = existsSync(this.file) ? readPayload(this.file) : undefined;
      let entries: Iterable<[string, T]> = [];
      try {
        if (payload) entries = this.codec.decode(payload);
        this.entries = new Map(entries);
      } catch {
        this.entries = new Map();
      }
    }
    return this.entries;
  }

  get(key: string): T | undefined {
    const hit = this.load().get(key);
    if (hit !== undefined) this.used.add(key);
    return hit;
  }

  set(key: string, value: T): void {
    this.load().set(key, value);
    this.used.add(key);
    this.misses++;
  }

  get stats(): { hits: number; misses: number } {
    return { hits: this.used.size - this.misses, misses: this.misses };
  }

  /** Writes the file when it was read and something changed; atomic (rename); a failure is a warning. */
  save(): void {
    const entries = this.entries;
    if (!entries || (this.misses === 0 && this.used.size === entries.size)) return;
    const kept = [...this.used].sort().flatMap((k): [string, T][] => (entries.has(k) ? [[k, entries.get(k)!]] : []));
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      mkdirSync(this.dir, { recursive: true });
      writeFileSync(temporary, withHeader(this.codec.encode(kept)));
      renameSync(temporary, this.file);
    } catch (error) {
      rmSync(temporary, { force: true });
      console.warn(
        `warning: could not save the cache ${this.file} (${(error as NodeJS.ErrnoException).code ?? String(error)}): the next build will redo its work`,
      );
      return;
    }
    // Files of other fingerprints or formats; never another build's temporary file.
    for (const name of readdirSync(this.dir)) {
      if (name.startsWith(`${this.prefix}-`) && !name.endsWith('.tmp') && path.join(this.dir, name) !== this.file) {
        rmSync(path.join(this.dir, name), { force: true });
      }
    }
  }
}
