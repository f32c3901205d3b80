/**
 * Rendered article bodies, kept across builds. Rendering Markdown is most of the
 * loader's work; a body whose text, edition and renderer are unchanged is taken from
 * here instead. The key is a hash of the body text and the edition; the file holding
 * the entries is named by a fingerprint of the renderer (markdown-it's version and
 * Masthead's transform sources), so changing a transform starts a fresh cache.
 * CI can keep `.cache/` between runs like the image cache (docs/deploy.md).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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

export class BodyCache {
  private readonly file: string;
  private readonly entries: Map<string, RenderedBody>;
  private readonly used = new Set<string>();
  private misses = 0;

  constructor(
    private readonly dir: string,
    fingerprint = rendererFingerprint(),
  ) {
    this.file = path.join(dir, `bodies-${fingerprint}.json`);
    this.entries = new Map(existsSync(this.file) ? (Object.entries(JSON.parse(readFileSync(this.file, 'utf8'))) as [string, RenderedBody][]) : []);
  }

  get(key: string): RenderedBody | undefined {
    const hit = this.entries.get(key);
    if (hit) this.used.add(key);
    return hit;
  }

  set(key: string, value: RenderedBody): void {
    this.entries.set(key, value);
    this.used.add(key);
    this.misses++;
  }

  get stats(): { hits: number; misses: number } {
    return { hits: this.used.size - this.misses, misses: this.misses };
  }

  /**
   * Writes the cache when something was rendered, keeping only the bodies this build
   * used (so it never grows past the site), and drops caches of older renderers.
   */
  save(): void {
    if (this.misses === 0 && this.used.size === this.entries.size) return;
    mkdirSync(this.dir, { recursive: true });
    const kept = Object.fromEntries([...this.used].sort().map((k) => [k, this.entries.get(k)]));
    const temporary = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(kept));
    renameSync(temporary, this.file);
    for (const name of readdirSync(this.dir)) {
      if (name.startsWith('bodies-') && name.endsWith('.json') && path.join(this.dir, name) !== this.file) {
        rmSync(path.join(this.dir, name), { force: true });
      }
    }
  }
}
