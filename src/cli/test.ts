/**
 * `npm test`: the formatter and linter (Biome), the type check, then every test (vitest,
 * browser tests included). Stops at the first step that fails; extra arguments go to
 * vitest (`npm test -- src/markdown`). `npx biome check --write .` fixes the formatting.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export async function run(argv: string[], rootDir = process.cwd()): Promise<number> {
  const bin = (name: string) => path.join(rootDir, 'node_modules', '.bin', name);
  const steps: [string, string[]][] = [
    [bin('biome'), ['ci', '.']],
    [bin('tsc'), ['--noEmit', '-p', '.']],
    [bin('vitest'), ['run', ...argv]],
  ];
  for (const [command, args] of steps) {
    const { status, error } = spawnSync(command, args, { cwd: rootDir, stdio: 'inherit' });
    if (error) {
      console.error(`npm test: could not run ${path.basename(command)} (${error.message}): run \`npm ci\` first`);
      return 1;
    }
    if (status !== 0) return status ?? 1;
  }
  return 0;
}
