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

/** The questions the bench answers, each by the metrics whose names start with these topics. */
const GROUPS: readonly { title: string; topics: readonly string[] }[] = [
  { title: "Requests per step, against the API's minimum", topics: ['round trips', 'document wait', 'token economy'] },
  { title: 'Against peers (built or computed in the same run)', topics: ['template peer', 'workato (known mechanics)', 'json:api'] },
  { title: 'Growth (records in the account)', topics: ['growth'] },
  { title: 'Cold start and size', topics: ['cold start', 'bundle'] },
  { title: 'Scalekit: requests per step, against the API minimum', topics: ['scalekit'] },
  { title: 'What a second connector cost', topics: ['connector cost'] },
];

const topicOf = (metric: Metric): string => metric.name.split(': ')[0] ?? '';
const shortName = (metric: Metric): string => metric.name.slice(topicOf(metric).length + 2);

/** The run's metrics by question, each group in the order it was measured; an unknown topic gets a group of its own. */
const grouped = (metrics: readonly Metric[]): { title: string; metrics: Metric[] }[] => {
  const known = new Set(GROUPS.flatMap((group) => group.topics));
  const others = [...new Set(metrics.map(topicOf).filter((topic) => !known.has(topic)))];
  return [...GROUPS, ...others.map((topic) => ({ title: topic, topics: [topic] }))]
    .map(({ title, topics }) => ({ title, metrics: metrics.filter((metric) => topics.includes(topicOf(metric))) }))
    .filter((group) => group.metrics.length > 0);
};

const rowName = (metric: Metric): string => `${topicOf(metric) === 'round trips' ? '' : `${topicOf(metric)}: `}${shortName(metric)}`;

const fit = (text: string, width: number): string => (text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width));

/** Narrow tables, one per question: what was measured, its value, and the ratio to the baseline. */
export const printComparison = (current: Run, baseline: Run | undefined): void => {
  const byName = new Map((baseline?.metrics ?? []).map((metric) => [metric.name, metric]));
  for (const group of grouped(current.metrics)) {
    console.log(`\n${group.title}`);
    console.log(`${fit('', 56)}  ${'value'.padStart(8)}  ${'vs baseline'.padStart(11)}`);
    for (const metric of group.metrics) {
      const base = byName.get(metric.name);
      const ratio = base ? `${ratioOf(metric, base)}x` : 'new';
      console.log(`${fit(`${rowName(metric)} (${metric.unit})`, 56)}  ${format(metric).padStart(8)}  ${ratio.padStart(11)}`);
    }
  }
  console.log(
    baseline
      ? `\nBaseline: ${baseline.date}, Node ${baseline.node}, ${baseline.machine}`
      : '\nNo baseline yet: run `npm run bench -- --save-baseline`.',
  );
  console.log(`Current:  ${current.date}, Node ${current.node}, ${current.machine}`);
};

/** The run as Markdown tables, one per question, for the benchmarks page. */
export const markdownOf = (run: Run): string =>
  [
    `Run ${run.date} on ${run.machine}, Node ${run.node}.`,
    ...grouped(run.metrics).map(
      (group) =>
        `### ${group.title}\n\n| Measured | Unit | Value |\n|---|---|---|\n` +
        group.metrics.map((metric) => `| ${rowName(metric)} | ${metric.unit} | ${format(metric)} |`).join('\n'),
    ),
  ].join('\n\n');
