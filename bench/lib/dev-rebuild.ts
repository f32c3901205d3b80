/**
 * "One-story rebuild in the dev server": start each dev server once (one after another,
 * so their first builds do not compete), then in every round edit one story per server,
 * in rotating order, and time from the write until that story's built page on disk holds
 * the edit. Each server watches its own copy of the content, so an edit wakes one server.
 */
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { npmScriptArgs } from '../../scripts/npm-script.ts';
import { type BenchContext, contentArg } from './contenders.ts';
import { findOutput, freePort, type RunningServer, sleep, startServer } from './dev-server.ts';
import type { CommandSpec } from './measure.ts';

export interface DevServerSpec {
  id: string;
  label: string;
  unavailable?: string;
  contentDir: string;
  outputDir: string;
  /** The line the server prints once its first build is complete. */
  readyLine: RegExp;
  command(port: number): CommandSpec;
}

export interface RebuildResult {
  id: string;
  label: string;
  samplesMs: number[];
  startupMs?: number;
  peakRssKb?: number;
  note?: string;
}

export function devServers(ctx: BenchContext): DevServerSpec[] {
  const out = (id: string) => path.join(ctx.workDir, `dev-out-${id}`);
  const eleventyCli = path.join(ctx.repoDir, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs');
  const baselineContent = path.join(ctx.workDir, 'dev-baseline-content');
  return [
    {
      id: 'masthead-dev',
      label: 'Masthead dev server: one-story rebuild',
      unavailable: existsSync(path.join(ctx.repoDir, '.eleventy.ts')) ? undefined : 'n/a: .eleventy.ts does not exist yet',
      contentDir: ctx.contentDir,
      outputDir: out('masthead'),
      readyLine: /\[11ty\] Watching/,
      command: (port) => ({
        // The warm build's caches (ours, never the repo's .cache/): an editor's dev server
        // has encoded photos, rendered bodies and validated stories already.
        command: process.execPath,
        cwd: ctx.repoDir,
        env: {
          MASTHEAD_CONTENT: contentArg(ctx),
          MASTHEAD_IMAGE_CACHE: path.join(ctx.workDir, 'cache-warm', 'images'),
          MASTHEAD_BODY_CACHE: path.join(ctx.workDir, 'cache-warm', 'bodies'),
        },
        args: [...npmScriptArgs(ctx.repoDir, 'start'), `--port=${port}`, `--out=${out('masthead')}`],
      }),
    },
    {
      id: 'baseline-dev',
      label: 'Baseline dev server: one-story rebuild',
      contentDir: baselineContent,
      outputDir: out('baseline'),
      readyLine: /\[11ty\] Watching/,
      command: (port) => {
        if (!existsSync(baselineContent)) cpSync(ctx.contentDir, baselineContent, { recursive: true });
        return {
          command: process.execPath,
          cwd: ctx.repoDir,
          args: [
            eleventyCli,
            `--config=${path.join(ctx.benchDir, 'baseline', 'eleventy.config.cjs')}`,
            `--input=${baselineContent}`,
            `--output=${out('baseline')}`,
            '--serve',
            `--port=${port}`,
          ],
        };
      },
    },
    {
      id: 'hugo-dev',
      label: 'Hugo server: one-story rebuild',
      unavailable: ctx.hugo ? undefined : 'n/a: hugo is not installed',
      contentDir: ctx.hugo?.contentDir ?? '',
      outputDir: out('hugo'),
      readyLine: /Watching for changes/,
      // --disableFastRender: otherwise Hugo re-renders only pages open in a browser, and none is.
      command: (port) => ({
        command: 'hugo',
        cwd: ctx.workDir,
        args: [
          'server',
          '--source',
          ctx.hugo?.siteDir ?? '',
          '--destination',
          out('hugo'),
          '--renderToDisk',
          '--disableFastRender',
          '--disableLiveReload',
          '--bind',
          '127.0.0.1',
          '--port',
          String(port),
        ],
      }),
    },
  ];
}

interface Live {
  spec: DevServerSpec;
  server: RunningServer;
  result: RebuildResult;
}

/** Edits one story, waits for its page to show the edit, restores it and waits for that rebuild too. */
async function editOnce(live: Live, story: { path: string; slug: string }, timeoutMs: number): Promise<number | string> {
  const file = path.join(live.spec.contentDir, story.path);
  const page = findOutput(live.spec.outputDir, story.slug);
  if (!page) return `no built page found for ${story.slug} under ${live.spec.outputDir}`;
  const original = readFileSync(file, 'utf8');
  const marker = `benchedit${Date.now()}`;
  const shows = (wanted: boolean) => {
    try {
      return readFileSync(page, 'utf8').includes(marker) === wanted;
    } catch {
      return false; // being rewritten
    }
  };
  const started = performance.now();
  writeFileSync(file, `${original}\nBenchmark edit ${marker}.\n`);
  try {
    while (!shows(true)) {
      if (performance.now() - started > timeoutMs) return `the edit did not reach ${page} within ${timeoutMs / 1000} s`;
      if (live.server.exited()) return 'the server exited';
      await sleep(10);
    }
    return performance.now() - started;
  } finally {
    writeFileSync(file, original); // the corpus stays byte-identical to what the seed gives
    const restored = performance.now();
    while (!shows(false) && performance.now() - restored < timeoutMs && !live.server.exited()) await sleep(20);
    await live.server.settle(1000, timeoutMs);
  }
}

export async function measureRebuilds(
  ctx: BenchContext,
  stories: { path: string; slug: string }[],
  runs: number,
  opts: { startTimeoutMs: number; editTimeoutMs: number; logDir: string; wanted(id: string): boolean },
): Promise<RebuildResult[]> {
  const results: RebuildResult[] = [];
  const running: Live[] = [];
  try {
    for (const spec of devServers(ctx).filter((s) => opts.wanted(s.id))) {
      const result: RebuildResult = { id: spec.id, label: spec.label, samplesMs: [], note: spec.unavailable };
      results.push(result);
      if (spec.unavailable) continue;
      const command = spec.command(await freePort()); // may copy the content first: not part of the start-up time
      const started = performance.now();
      const server = startServer(command, path.join(opts.logDir, `${spec.id}.log`));
      const first = stories[0];
      const ready = first !== undefined && (await waitReady(server, spec, first.slug, opts.startTimeoutMs));
      if (!ready) {
        result.note = `n/a: did not serve ${first?.slug ?? 'a story'} (${server.exited() ? 'exited' : 'timed out'}), see ${server.log}`;
        result.peakRssKb = await server.stop();
        continue;
      }
      result.startupMs = performance.now() - started;
      running.push({ spec, server, result });
    }
    for (let round = 0; round < runs; round++) {
      const story = stories[round % stories.length];
      if (!story) break;
      // Rotate who goes first, as in the build rounds.
      for (let k = 0; k < running.length; k++) {
        const live = running[(round + k) % running.length] as Live;
        if (live.result.note) continue; // failed before: don't keep timing out
        const outcome = await editOnce(live, story, opts.editTimeoutMs);
        if (typeof outcome === 'number') live.result.samplesMs.push(outcome);
        else live.result.note = `n/a: ${outcome}; see ${live.server.log}`;
      }
    }
  } finally {
    for (const live of running) live.result.peakRssKb = await live.server.stop();
  }
  return results;
}

/**
 * Ready = the server has said its first build is done, its log has gone quiet and the
 * story's page exists. A quiet log alone is not enough: a server can write pages for
 * seconds without a line, and an edit made then may land in the first build's wake.
 * Walking the output only when quiet keeps us off the CPU.
 */
async function waitReady(server: RunningServer, spec: DevServerSpec, slug: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  const said = () => existsSync(server.log) && spec.readyLine.test(readFileSync(server.log, 'utf8'));
  while (Date.now() < deadline && !server.exited()) {
    if ((await server.settle(2000, deadline - Date.now())) && said() && findOutput(spec.outputDir, slug)) return true;
    await sleep(500);
  }
  return false;
}
