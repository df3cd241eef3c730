/**
 * `npm run bench`: measures the current tree (after a fresh build), prints every metric next to
 * the committed baseline as a ratio, grouped by the question it answers, and writes the run's
 * tables into docs/benchmarks.md. Flags: `--save-baseline` makes this run the new
 * baseline; `--skip-zip` measures the existing build/build.zip instead of rebuilding it.
 *
 * Timing never fails the run (machines differ); it exits non-zero only when something could not
 * be measured, such as a step that failed or counts that the sandbox does not confirm.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import type { Metric } from './report.js';

// Core runs a memory watchdog that prints to stdout outside of tests; this is a harness, not Zapier.
// Set before anything loads zapier-platform-core, hence the dynamic imports below.
process.env['NODE_ENV'] ||= 'test';

const { measureRoundTrips } = await import('./round-trips.bench.js');
const { measureColdStart } = await import('./cold-start.bench.js');
const { measureBundleSize } = await import('./bundle-size.bench.js');
const { measureTemplatePeer } = await import('./template-peer.bench.js');
const { measureJsonApiThroughput } = await import('./json-api-throughput.bench.js');
const { measureTokenEconomy } = await import('./token-economy.bench.js');
const { measureGrowth } = await import('./growth.bench.js');
const { measureWorkatoMechanics } = await import('./workato.bench.js');
const { measureScalekit } = await import('./scalekit.bench.js');
const { measureConnectorCost } = await import('./connector-cost.bench.js');
const { markdownOf, printComparison, readRun, writeRun } = await import('./report.js');

const { values: flags } = parseArgs({ options: { 'save-baseline': { type: 'boolean' }, 'skip-zip': { type: 'boolean' } } });
const BASELINE = fileURLToPath(new URL('baseline.json', import.meta.url));
/** Ignored by git: a run's output never changes a tracked file, except the page below. */
const LATEST = fileURLToPath(new URL('results/latest.json', import.meta.url));
/** The benchmarks page: its figures are this command's, between the markers. */
const PAGE = fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url));
const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';
/** The toolkit's README shows what a second connector cost, from the same run. */
const TOOLKIT_PAGE = fileURLToPath(new URL('../packages/toolkit/README.md', import.meta.url));
const COST_START = '<!-- cost:start -->';
const COST_END = '<!-- cost:end -->';

const benches: readonly [string, () => Metric[] | Promise<Metric[]>][] = [
  ['round trips', measureRoundTrips],
  ['cold start', measureColdStart],
  ['bundle size', () => measureBundleSize(!flags['skip-zip'])],
  ['template peer', measureTemplatePeer],
  ['json:api throughput', measureJsonApiThroughput],
  ['token economy', measureTokenEconomy],
  ['growth', measureGrowth],
  ['workato (known mechanics)', measureWorkatoMechanics],
  ['scalekit', measureScalekit],
  ['connector cost', measureConnectorCost],
];

const metrics: Metric[] = [];
const failures: string[] = [];
for (const [topic, measure] of benches) {
  // One failed topic does not hide the others; it still makes the run fail.
  try {
    metrics.push(...(await measure()));
  } catch (error) {
    failures.push(`${topic}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const current = {
  date: new Date().toISOString(),
  node: process.version,
  machine: `${process.platform}-${process.arch}, ${cpus()[0]?.model ?? 'unknown CPU'}`,
  metrics,
};
writeRun(LATEST, current);
printComparison(current, readRun(BASELINE));

if (failures.length > 0) {
  console.error(`\nNot measured:\n${failures.map((failure) => `  - ${failure}`).join('\n')}`);
  if (flags['save-baseline']) console.error('The baseline was not saved: this run is incomplete.');
  process.exit(1);
}
if (flags['save-baseline']) {
  writeRun(BASELINE, current);
  console.log(`Saved as the baseline: ${BASELINE}`);
}
// Only a complete run writes the pages, so every figure there comes from one run.
const writeBetween = (file: string, start: string, end: string, text: string): void => {
  const page = readFileSync(file, 'utf8');
  const [before, rest = ''] = page.split(start);
  const after = rest.split(end)[1] ?? '';
  writeFileSync(file, `${before ?? ''}${start}\n${text}\n${end}${after}`);
  console.log(`Written to ${file}`);
};
writeBetween(PAGE, START, END, markdownOf(current));
const cost = { ...current, metrics: current.metrics.filter((metric) => metric.name.startsWith('connector cost: ')) };
writeBetween(TOOLKIT_PAGE, COST_START, COST_END, markdownOf(cost));
