/**
 * What a bench run produces (a list of metrics with the direction that counts as better), how
 * a run is stored (bench/baseline.json, bench/results/latest.json) and the side-by-side table.
 * Ratios are printed, never judged: timing varies between machines and runs, so nothing here
 * fails a build.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface Metric {
  /** Stable key: a baseline is matched to the current run by it. */
  name: string;
  unit: string;
  value: number;
  better: 'lower' | 'higher';
  /** Counts (requests, files) are exact; they are printed without decimals. */
  exact?: boolean;
}

export interface Run {
  date: string;
  node: string;
  machine: string;
  metrics: Metric[];
}

export const readRun = (file: string): Run | undefined => {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Run;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
};

export const writeRun = (file: string, run: Run): void => {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(run, null, 2)}\n`);
};

const format = (metric: Metric | undefined): string => {
  if (!metric) return '-';
  if (metric.exact) return String(metric.value);
  const digits = Math.abs(metric.value) >= 100 ? 0 : Math.abs(metric.value) >= 10 ? 1 : 2;
  return metric.value.toFixed(digits);
};

const ratioOf = (current: Metric, base: Metric | undefined): string => {
  if (!base) return 'new';
  if (base.value === 0) return current.value === 0 ? '1.00' : 'n/a';
  return (current.value / base.value).toFixed(2);
};

const COLUMNS = ['Metric', 'Baseline', 'Current', 'Ratio', 'Direction'] as const;

/** metric | baseline | current | ratio (current/baseline) | which way is better. */
export const printComparison = (current: Run, baseline: Run | undefined): void => {
  const byName = new Map((baseline?.metrics ?? []).map((metric) => [metric.name, metric]));
  const rows = current.metrics.map((metric) => {
    const base = byName.get(metric.name);
    return [`${metric.name} (${metric.unit})`, format(base), format(metric), ratioOf(metric, base), `${metric.better} is better`];
  });
  const widths = COLUMNS.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (column === 0 || column === 4 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0)))
      .join(' | ');
  console.log(line(COLUMNS).trimEnd());
  console.log(widths.map((width) => '-'.repeat(width)).join('-+-'));
  for (const row of rows) console.log(line(row).trimEnd());
  console.log(
    baseline
      ? `\nBaseline: ${baseline.date}, Node ${baseline.node}, ${baseline.machine}`
      : '\nNo baseline yet: run `npm run bench -- --save-baseline`.',
  );
  console.log(`Current:  ${current.date}, Node ${current.node}, ${current.machine}`);
};
