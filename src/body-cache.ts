/**
 * Rendered article bodies, kept across builds. Rendering Markdown is most of the
 * loader's work; a body whose text, edition and renderer are unchanged is taken from
 * here instead. The key is a hash of the body text and the edition; the file holding
 * the entries is named by a fingerprint of the renderer (markdown-it's version and
 * Masthead's transform sources), so changing a transform starts a fresh cache.
 * CI can keep `.cache/` between runs like the image cache (docs/deploy.md).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { JsonCache } from './json-cache.ts';

export interface RenderedBody {
  html: string;
  /** What the transforms recorded (warnings, links …): plain JSON. */
  env: Record<string, unknown>;
}

const markdownDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'markdown');

/** Changes whenever anything that shapes a rendered body changes. */
export function rendererFingerprint(): string {
  const hash = createHash('sha256');
  const require = createRequire(import.meta.url);
  hash.update(String((require('markdown-it/package.json') as { version: string }).version));
  for (const name of readdirSync(markdownDir).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts')).sort()) {
    hash.update(name).update(readFileSync(path.join(markdownDir, name)));
  }
  return hash.digest('hex').slice(0, 16);
}

export function bodyKey(editionCode: string, quotes: string, body: string): string {
  return createHash('sha1').update(editionCode).update('\0').update(quotes).update('\0').update(body).digest('base64url');
}

/** Rendered bodies by `bodyKey`, in `bodies-<renderer fingerprint>.json`. */
export class BodyCache extends JsonCache<RenderedBody> {
  constructor(dir: string, fingerprint = rendererFingerprint()) {
    super(dir, 'bodies', fingerprint);
  }
}
