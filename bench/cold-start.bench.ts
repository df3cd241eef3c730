/**
 * Cold start of the built app: how long a fresh Node process takes to import dist/src/index.js,
 * which Zapier pays on every cold Lambda. Each sample is its own child process, so nothing is
 * cached in memory between samples; the median of several hides the odd slow spawn.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Metric } from './report.js';
import { median } from './median.js';

const RUNS = 15;
const ROOT = fileURLToPath(new URL('..', import.meta.url));

// Timed inside the child, around the import only: process start-up is Node's cost, not ours.
const PROBE = `
const start = process.hrtime.bigint();
await import('./dist/src/index.js');
const ms = Number(process.hrtime.bigint() - start) / 1e6;
console.log(JSON.stringify({ ms, rss: process.memoryUsage().rss }));
`;

interface Sample {
  ms: number;
  rss: number;
}

const sampleOnce = (): Sample => {
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', PROBE], {
    cwd: ROOT,
    encoding: 'utf8',
    // Core prints a memory watchdog line outside tests; keep the child's stdout to our JSON.
    env: { ...process.env, NODE_ENV: 'test' },
  });
  if (child.status !== 0) throw new Error(`cold start: the import failed (exit ${child.status}): ${child.stderr.trim()}`);
  const last = child.stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(last) as Sample;
};

export const measureColdStart = (): Metric[] => {
  const samples = Array.from({ length: RUNS }, sampleOnce);
  return [
    {
      name: 'cold start: import dist/src/index.js',
      unit: `ms, median of ${RUNS}`,
      value: median(samples.map((sample) => sample.ms)),
      better: 'lower',
    },
    { name: 'cold start: RSS after import', unit: 'MiB', value: median(samples.map((sample) => sample.rss)) / 2 ** 20, better: 'lower' },
  ];
};
