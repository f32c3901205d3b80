/**
 * The only module-level memos Masthead keeps: of pure functions (a library's version, a
 * schema, a formatter), whose value depends on nothing a build changes. Everything a
 * build changes lives in its Build object (src/build/build.ts); `tests/module-state.test.ts`
 * holds every module to that.
 */

/** `compute` run once, on first use. */
export function once<T>(compute: () => T): () => T {
  let done: { value: T } | undefined;
  return () => (done ??= { value: compute() }).value;
}

/** `compute` run once per key. Only for pure functions of a bounded set of keys (locales, names in the content). */
export function memoise<T>(compute: (key: string) => T): (key: string) => T {
  const values = new Map<string, T>();
  return (key) => {
    let value = values.get(key);
    if (value === undefined && !values.has(key)) values.set(key, (value = compute(key)));
    return value as T;
  };
}
