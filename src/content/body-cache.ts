/**
 * Rendered article bodies, kept across builds. Rendering Markdown is most of the
 * loader's work; a body whose text, edition and renderer are unchanged is taken from
 * here instead. The key is a hash of the body text and the edition; the file holding
 * the entries is named by a fingerprint of the renderer (markdown-it's version and
 * Masthead's transform sources), so changing a transform starts a fresh cache.
 * CI can keep `.cache/` between runs like the image cache (docs/deploy.md).
 */
import { createHash } from 'node:crypto';
import { rendererFingerprint } from '../build/fingerprint.ts';
import { Store, type StoreCodec } from '../build/store.ts';

export interface RenderedBody {
  html: string;
  /** What the transforms recorded (warnings, links …): plain JSON. */
  env: Record<string, unknown>;
}

export function bodyKey(editionCode: string, quotes: string, body: string): string {
  return createHash('sha1').update(editionCode).update('\0').update(quotes).update('\0').update(body).digest('base64url');
}

const MAGIC = 'MHB1';
type IndexEntry = [env: Record<string, unknown>, offset: number, length: number, encoding: 'latin1' | 'utf16le'];
const ONE_BYTE = /^[\0-\xff]*$/;

/**
 * The body cache's file: `MHB1`, the length of a JSON index (each body's env and where its
 * HTML is), the index, then every body's HTML, in Latin-1 when it fits and UTF-16 when not.
 * Both are the way V8 holds strings, so reading a body is a copy, where JSON would parse
 * megabytes of escaped HTML on every build (ADR 012, ADR 018).
 */
export const packedBodies: StoreCodec<RenderedBody> = {
  extension: 'bin',
  decode(bytes) {
    if (bytes.length < 8 || bytes.toString('latin1', 0, 4) !== MAGIC) return [];
    const indexEnd = 8 + bytes.readUInt32LE(4);
    const index = JSON.parse(bytes.toString('utf8', 8, indexEnd)) as Record<string, IndexEntry>;
    return Object.entries(index).map(([key, [env, offset, length, encoding]]) => {
      const start = indexEnd + offset;
      return [key, { env, html: bytes.toString(encoding, start, start + length) }];
    });
  },
  encode(entries) {
    const index: Record<string, IndexEntry> = {};
    const bodies: Buffer[] = [];
    let offset = 0;
    for (const [key, { env, html }] of entries) {
      const encoding = ONE_BYTE.test(html) ? 'latin1' : 'utf16le';
      const bytes = Buffer.from(html, encoding);
      index[key] = [env, offset, bytes.length, encoding];
      bodies.push(bytes);
      offset += bytes.length;
    }
    const head = Buffer.from(JSON.stringify(index));
    const length = Buffer.alloc(4);
    length.writeUInt32LE(head.length);
    return Buffer.concat([Buffer.from(MAGIC, 'latin1'), length, head, ...bodies]);
  },
};

/** Rendered bodies by `bodyKey`, in `bodies-<renderer fingerprint>.bin`. */
export class BodyCache extends Store<RenderedBody> {
  constructor(dir: string, fingerprint = rendererFingerprint()) {
    super(dir, 'bodies', fingerprint, packedBodies);
  }
}
