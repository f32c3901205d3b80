/**
 * What tests/module-state.test.ts must find: module-level state of each kind it refuses,
 * beside the constants it allows. Never imported.
 */
export let counter = 0;
const seen = new Map<string, number>();
const pending: string[] = [];
const TABLE: ReadonlySet<string> = new Set(['fixed']);
const LIMIT = 3;

export function touch(key: string): number {
  counter++;
  pending.push(key);
  seen.set(key, LIMIT);
  return TABLE.size;
}
