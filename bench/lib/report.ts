/**
 * Turns samples into rows, one aligned table and the JSON file. Ratios compare medians
 * within a kind: full builds against the baseline's and Hugo's full builds, dev-server
 * rebuilds against their dev-server rebuilds. "× baseline 3.0" = three times slower.
 */
import { type Spread, spread } from './stats.ts';

export interface Row {
  id: string;
  label: string;
  kind: 'build' | 'rebuild';
  samplesMs: number[];
  wallS?: Spread;
  cpuS?: Spread;
  peakRssMb?: number;
  storiesPerS?: number;
  vsBaseline?: number;
  vsHugo?: number;
  /** Against Hugo with Pagefind run over its pages (full builds only). */
  vsHugoPagefind?: number;
  note?: string;
}

export interface RowInput {
  id: string;
  label: string;
  kind: Row['kind'];
  samplesMs: number[];
  cpuMs?: number[];
  rssKb?: number[];
  note?: string;
}

const REFERENCE = {
  build: { baseline: 'baseline', hugo: 'hugo', hugoPagefind: 'hugo-pagefind' },
  rebuild: { baseline: 'baseline-dev', hugo: 'hugo-dev', hugoPagefind: undefined },
} as const;

export function makeRows(inputs: RowInput[], stories: number): Row[] {
  const rows: Row[] = inputs.map((i) => {
    const wallS = spread(i.samplesMs.map((ms) => ms / 1000));
    const rss = spread(i.rssKb ?? []);
    return {
      id: i.id,
      label: i.label,
      kind: i.kind,
      samplesMs: i.samplesMs,
      note: i.note,
      wallS,
      cpuS: spread((i.cpuMs ?? []).map((ms) => ms / 1000)),
      peakRssMb: rss ? rss.median / 1024 : undefined,
      storiesPerS: wallS && i.kind === 'build' ? stories / wallS.median : undefined,
    };
  });
  const median = (id: string | undefined) => rows.find((r) => r.id === id)?.wallS?.median;
  for (const row of rows) {
    const ref = REFERENCE[row.kind];
    const b = median(ref.baseline);
    const h = median(ref.hugo);
    if (row.wallS && b) row.vsBaseline = row.wallS.median / b;
    const hp = median(ref.hugoPagefind);
    if (row.wallS && h) row.vsHugo = row.wallS.median / h;
    if (row.wallS && hp) row.vsHugoPagefind = row.wallS.median / hp;
  }
  return rows;
}

const sec = (s: number | undefined) => (s === undefined ? '' : s < 10 ? s.toFixed(2) : s.toFixed(1));
const num = (n: number | undefined, digits = 0) => (n === undefined ? '' : n.toFixed(digits));

export function formatTable(rows: Row[]): string {
  const header = ['', 'runs', 'median s', 'min s', 'max s', 'stories/s', 'CPU s', 'peak RSS MB', '× baseline', '× Hugo', '× Hugo+PF'];
  const notes: string[] = [];
  const body = rows.map((r) => {
    let label = r.label;
    if (r.note) {
      notes.push(`[${notes.length + 1}] ${r.note}`);
      label += ` [${notes.length}]`;
    }
    if (!r.wallS) return [label, '0', 'n/a', '', '', '', '', num(r.peakRssMb), '', '', ''];
    return [
      label,
      String(r.wallS.n),
      sec(r.wallS.median),
      sec(r.wallS.min),
      sec(r.wallS.max),
      num(r.storiesPerS),
      sec(r.cpuS?.median),
      num(r.peakRssMb),
      num(r.vsBaseline, 2),
      num(r.vsHugo, 2),
      num(r.vsHugoPagefind, 2),
    ];
  });
  const all = [header, ...body];
  const widths = header.map((_, c) => Math.max(...all.map((line) => (line[c] ?? '').length)));
  // First column left-aligned (labels), numbers right-aligned so digits line up.
  const fmt = (line: string[]) => line.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [fmt(header), rule, ...body.map(fmt), ...(notes.length ? ['', ...notes] : [])].join('\n');
}
