/**
 * Deterministic benchmark corpus: `node bench/generate-corpus.ts --count 4000 --seed 1 --out <dir>`.
 * Writes <out>/content/<edition>/<yyyy>/<mm>/<slug>.md plus <out>/content/<edition>/photos/*.jpg,
 * and <out>/corpus.json (what was asked for and what came out). Same seed → byte-identical tree.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { renderPhotos } from './corpus/photos.ts';
import { type CorpusEdition, EDITIONS } from './corpus/pools.ts';
import { buildStory } from './corpus/story.ts';

export interface CorpusSummary {
  count: number;
  seed: number;
  contentDir: string;
  perEdition: Record<CorpusEdition, number>;
  markdownBytes: number;
  /** One story per edition, for the dev-server rebuild measurement. */
  samples: { path: string; slug: string }[];
}

export async function generateCorpus(options: { count: number; seed: number; out: string }): Promise<CorpusSummary> {
  const { count, seed } = options;
  if (!Number.isInteger(count) || count < 1) throw new Error(`--count must be a positive integer, got ${count}`);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, got ${seed}`);
  const contentDir = path.resolve(options.out, 'content');
  // Only content/ is ours to wipe: stale stories from a bigger run would break "same seed, same tree".
  rmSync(contentDir, { recursive: true, force: true });

  const photos = await renderPhotos();
  for (const edition of EDITIONS) {
    const dir = path.join(contentDir, edition, 'photos');
    mkdirSync(dir, { recursive: true });
    for (const [file, bytes] of photos) writeFileSync(path.join(dir, file), bytes);
  }

  const perEdition: Record<CorpusEdition, number> = { en: 0, ru: 0, fa: 0 };
  const samples: CorpusSummary['samples'] = [];
  const made = new Set<string>();
  let markdownBytes = 0;
  for (let i = 0; i < count; i++) {
    const story = buildStory(seed, i);
    const file = path.join(contentDir, story.path);
    if (!made.has(path.dirname(file))) {
      mkdirSync(path.dirname(file), { recursive: true });
      made.add(path.dirname(file));
    }
    writeFileSync(file, story.text);
    perEdition[story.edition]++;
    markdownBytes += Buffer.byteLength(story.text);
    // Plain stories only: a draft is not built in production, and an alias adds a second page with the same slug.
    const plain = !story.text.includes('\ndraft: true') && !story.text.includes('\naliases:');
    if (plain && !samples.some((s) => s.path.startsWith(`${story.edition}/`))) {
      samples.push({ path: story.path, slug: story.slug });
    }
  }
  const summary: CorpusSummary = { count, seed, contentDir, perEdition, markdownBytes, samples };
  writeFileSync(path.join(options.out, 'corpus.json'), `${JSON.stringify({ ...summary, contentDir: 'content' }, null, 2)}\n`);
  return summary;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { count: { type: 'string', default: '4000' }, seed: { type: 'string', default: '1' }, out: { type: 'string' } },
  });
  if (!values.out) throw new Error('usage: node bench/generate-corpus.ts --count 4000 --seed 1 --out <dir>');
  const started = performance.now();
  const s = await generateCorpus({ count: Number(values.count), seed: Number(values.seed), out: values.out });
  const secs = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `${s.count} stories (en ${s.perEdition.en}, ru ${s.perEdition.ru}, fa ${s.perEdition.fa}), ` +
      `${(s.markdownBytes / 1e6).toFixed(1)} MB of Markdown in ${s.contentDir} (${secs} s)`,
  );
}

// Runs as a CLI, stays importable by bench/run.ts.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
}
