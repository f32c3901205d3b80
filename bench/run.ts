/**
 * `npm run bench [-- --count 4000 --seed 1 --runs 3]`: generates the corpus, then times
 * every available full build in rounds, rotating the order each round so machine noise
 * (another job, a cold cache, thermal throttling) lands on all of them alike, then times
 * one-story rebuilds in the dev servers. Prints one table and writes
 * bench/out/results-<count>.json. A measuring tool: nothing here passes or fails on time.
 */
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateCorpus } from './generate-corpus.ts';
import { type BenchContext, contenders } from './lib/contenders.ts';
import { measureRebuilds } from './lib/dev-rebuild.ts';
import { hugoVersion, prepareHugoSite } from './lib/hugo-site.ts';
import { hasGnuTime, lastLines, type RunResult, runTimed } from './lib/measure.ts';
import { formatTable, makeRows, type RowInput } from './lib/report.ts';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const repoDir = path.dirname(benchDir);

export interface BenchOptions {
  count: number;
  seed: number;
  runs: number;
  /**
   * Where the corpus goes. Outside the repo by default: Eleventy's watcher skips
   * git-ignored paths (bench/out/ is one), so a corpus there never triggers a dev rebuild.
   */
  corpus: string;
  dev: boolean;
  keep: boolean;
  /** Delete each previous output right before the next run (as `rm -rf out && build` would), instead of after the last round. */
  deleteBetween: boolean;
  only?: string[];
  timeoutS: number;
}

function options(argv: string[]): BenchOptions {
  const { values: v } = parseArgs({
    args: argv,
    options: {
      count: { type: 'string', default: '4000' },
      seed: { type: 'string', default: '1' },
      runs: { type: 'string', default: '3' },
      corpus: { type: 'string' },
      'no-dev': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      'delete-between': { type: 'boolean', default: false },
      only: { type: 'string' },
      timeout: { type: 'string', default: '1800' },
    },
  });
  const count = Number(v.count);
  const seed = Number(v.seed);
  return {
    count,
    seed,
    runs: Math.max(1, Number(v.runs)),
    dev: !v['no-dev'],
    keep: v.keep,
    deleteBetween: v['delete-between'],
    timeoutS: Number(v.timeout),
    corpus: path.resolve(v.corpus ?? path.join(os.tmpdir(), 'masthead-bench', `corpus-${count}-s${seed}`)),
    only: v.only
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  };
}

export async function runBench(o: BenchOptions): Promise<void> {
  const outDir = path.join(benchDir, 'out');
  const logDir = path.join(outDir, 'logs');
  mkdirSync(logDir, { recursive: true });
  const corpus = await generateCorpus({ count: o.count, seed: o.seed, out: o.corpus });
  console.log(`corpus: ${o.count} stories (en ${corpus.perEdition.en}, ru ${corpus.perEdition.ru}, fa ${corpus.perEdition.fa}) in ${corpus.contentDir}`);

  // The load average before and after says how busy the machine was (2 cores: above 2 means waiting).
  const loadBefore = os.loadavg()[0] ?? 0;
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'masthead-bench-'));
  const version = hugoVersion();
  const ctx: BenchContext = { repoDir, benchDir, contentDir: corpus.contentDir, workDir, deleteBetween: o.deleteBetween };
  // The Hugo mirror is prepared before any timing starts (see lib/hugo-site.ts for why it exists).
  if (version) ctx.hugo = { ...prepareHugoSite(benchDir, corpus.contentDir, workDir), version };
  const wanted = (id: string) => !o.only || o.only.some((w) => id.startsWith(w));

  try {
    const all = contenders(ctx).filter((c) => wanted(c.id));
    const inputs = new Map<string, RowInput & { cpuMs: number[]; rssKb: number[] }>(
      all.map((c) => [c.id, { id: c.id, label: c.label, kind: 'build', samplesMs: [], cpuMs: [], rssKb: [], note: c.unavailable }]),
    );
    const active = all.filter((c) => !c.unavailable);
    // A failed run is recorded and the next round tries again: while others edit the tree a
    // build can break for a minute; the note says how many runs failed and shows the last log.
    const failures = new Map<string, string[]>();
    const fail = (id: string, r: RunResult, log: string) =>
      failures.set(id, [
        ...(failures.get(id) ?? []),
        `exit ${r.exitCode ?? 'timeout/signal'}, log ${path.relative(repoDir, log)}:\n    ${lastLines(log, 4).replace(/\n/g, '\n    ')}`,
      ]);
    for (const c of active.filter((x) => x.warmup)) {
      const log = path.join(logDir, `${c.id}-warmup.log`);
      const r = await runTimed(c.prepare(), log, o.timeoutS * 1000);
      console.log(`warm-up    ${c.id.padEnd(19)} ${r.ok ? `${(r.wallMs / 1000).toFixed(2)} s (not counted)` : 'FAILED'}`);
      if (!r.ok) fail(c.id, r, log);
    }
    for (let round = 0; round < o.runs; round++) {
      const order = active.map((_, k) => active[(round + k) % active.length]!);
      for (const c of order) {
        const row = inputs.get(c.id)!;
        const log = path.join(logDir, `${c.id}-${round + 1}.log`);
        const r = await runTimed(c.prepare(), log, o.timeoutS * 1000);
        // A fast run that did not make what it should is no result: e.g. an edit the site does not show.
        const wrong = r.ok ? c.verify?.() : undefined;
        if (wrong) appendFileSync(log, `\nbench: ${wrong}\n`);
        if (!r.ok || wrong) {
          fail(c.id, { ...r, ok: false }, log);
          console.log(`round ${round + 1}/${o.runs}  ${c.id.padEnd(19)} FAILED, see ${log}`);
          continue;
        }
        row.samplesMs.push(r.wallMs);
        if (r.cpuMs !== undefined) row.cpuMs.push(r.cpuMs);
        if (r.peakRssKb !== undefined) row.rssKb.push(r.peakRssKb);
        console.log(`round ${round + 1}/${o.runs}  ${c.id.padEnd(19)} ${(r.wallMs / 1000).toFixed(2)} s  ${((r.peakRssKb ?? 0) / 1024).toFixed(0)} MB`);
      }
    }

    for (const [id, list] of failures) {
      inputs.get(id)!.note = `${list.length} of ${o.runs + (all.find((c) => c.id === id)?.warmup ? 1 : 0)} run(s) failed; last: ${list[list.length - 1]}`;
    }

    const rebuildInputs: RowInput[] = [];
    if (o.dev) {
      const rebuilds = await measureRebuilds(ctx, corpus.samples, o.runs, {
        startTimeoutMs: o.timeoutS * 1000,
        editTimeoutMs: 120_000,
        logDir,
        wanted,
      });
      for (const r of rebuilds) {
        const startup = r.startupMs === undefined ? '' : `first build + server start ${(r.startupMs / 1000).toFixed(1)} s`;
        const note = [r.note, startup].filter(Boolean).join('; ') || undefined;
        rebuildInputs.push({ id: r.id, label: r.label, kind: 'rebuild', samplesMs: r.samplesMs, rssKb: r.peakRssKb ? [r.peakRssKb] : [], note });
      }
    }

    const rows = makeRows([...inputs.values(), ...rebuildInputs], o.count);
    const memory = hasGnuTime() ? 'peak RSS = largest process (GNU time %M)' : 'peak RSS = largest process (/proc VmHWM, sampled)';
    const load = { before: loadBefore, after: os.loadavg()[0] ?? 0 };
    console.log(
      `\n${o.count} stories, seed ${o.seed}, ${o.runs} run(s) each, ${os.cpus().length} cores, Node ${process.version}; ${memory}; ` +
        `outputs ${o.deleteBetween ? 'deleted right before each run' : 'deleted after the last round'}; ` +
        `load average ${load.before.toFixed(1)} before, ${load.after.toFixed(1)} after\n`,
    );
    console.log(formatTable(rows));
    const file = path.join(outDir, `results-${o.count}.json`);
    const machine = {
      node: process.version,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      hugo: version ?? null,
      gnuTime: hasGnuTime(),
      load,
    };
    writeFileSync(file, `${JSON.stringify({ generatedAt: new Date().toISOString(), options: o, machine, corpus, rows }, null, 2)}\n`);
    console.log(`\nwrote ${path.relative(repoDir, file)}${o.keep ? `; outputs kept in ${workDir}` : ''}`);
  } finally {
    if (!o.keep) rmSync(workDir, { recursive: true, force: true });
  }
}

/** `npm run bench`: exit code 1 when the benchmark could not run. */
export async function run(argv: string[]): Promise<number> {
  try {
    await runBench(options(argv));
    return 0;
  } catch (err) {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    return 1;
  }
}
