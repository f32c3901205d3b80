/**
 * Build state lives in the Build and the caches handed along (src/build/), never in a
 * module: every module of src/ and layouts/ is parsed (esbuild strips the types, acorn
 * reads the JavaScript) and its top level may hold only constants — no `let` or `var`,
 * no Map, Set, WeakMap or WeakSet but read-only lookup tables typed as such, no array
 * or object that code could fill. Memos of pure functions go through
 * src/build/memoise.ts, the one place allowed a closure over a Map.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type Node, parse } from 'acorn';
import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/fixture-site.ts';

const MUTABLE_COLLECTIONS = new Set(['Map', 'Set', 'WeakMap', 'WeakSet']);

function modules(): string[] {
  return ['src', 'layouts'].flatMap((dir) =>
    readdirSync(path.join(repoRoot, dir), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /\.(ts|tsx|mjs)$/.test(e.name) && !e.name.includes('.test.'))
      .map((e) => path.relative(repoRoot, path.join(e.parentPath, e.name))),
  );
}

interface Declarator extends Node {
  id: Node & { name?: string };
  init: (Node & { callee?: Node & { name?: string }; elements?: unknown[]; properties?: unknown[] }) | null;
}

/** What is wrong with the module's top level, one line per declaration. */
function topLevelState(file: string): string[] {
  const source = readFileSync(path.join(repoRoot, file), 'utf8');
  const loader = file.endsWith('.tsx') ? 'tsx' : file.endsWith('.ts') ? 'ts' : 'js';
  // Read-only tables are typed as such in the source; the annotation is gone once stripped.
  const readonly = new Set([...source.matchAll(/^(?:export )?const (\w+): Readonly(?:Set|Map)</gm)].map((m) => m[1]));
  const { code } = transformSync(source, { loader, format: 'esm', jsx: 'automatic', jsxImportSource: '#jsx' });
  const program = parse(code, { ecmaVersion: 'latest', sourceType: 'module' }) as unknown as {
    body: (Node & { declaration?: Node; kind?: string; declarations?: Declarator[] })[];
  };
  const problems: string[] = [];
  for (const statement of program.body) {
    const declaration = (statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement) as
      | (Node & { kind?: string; declarations?: Declarator[] })
      | undefined;
    if (declaration?.type !== 'VariableDeclaration') continue;
    for (const d of declaration.declarations ?? []) {
      const name = d.id.name ?? '(pattern)';
      if (declaration.kind !== 'const') problems.push(`${file}: \`${declaration.kind} ${name}\` at the top level`);
      else if (d.init?.type === 'NewExpression' && MUTABLE_COLLECTIONS.has(d.init.callee?.name ?? '') && !readonly.has(name)) {
        problems.push(
          `${file}: \`const ${name} = new ${d.init.callee?.name}\` at the top level (type it Readonly${d.init.callee?.name} if it is a fixed table)`,
        );
      } else if (d.init?.type === 'ArrayExpression' && d.init.elements?.length === 0) problems.push(`${file}: \`const ${name} = []\` at the top level`);
      else if (d.init?.type === 'ObjectExpression' && d.init.properties?.length === 0) problems.push(`${file}: \`const ${name} = {}\` at the top level`);
    }
  }
  return problems;
}

describe('module-level state', () => {
  it('reads every module (a test that saw none would pass for nothing)', () => {
    expect(modules().length).toBeGreaterThan(80);
  });

  it('is only constants: no module keeps build state of its own', () => {
    expect(modules().flatMap(topLevelState)).toEqual([]);
  });

  it('is found where it is (the test is not blind)', () => {
    const found = topLevelState('tests/helpers/module-state-sample.ts');
    expect(found).toEqual([
      'tests/helpers/module-state-sample.ts: `let counter` at the top level',
      'tests/helpers/module-state-sample.ts: `const seen = new Map` at the top level (type it ReadonlyMap if it is a fixed table)',
      'tests/helpers/module-state-sample.ts: `const pending = []` at the top level',
    ]);
  });
});
