/**
 * Cold start of the built app: how long a fresh Node process takes to import dist/src/index.js,
 * which Zapier pays on every cold Lambda. Each sample is its own child process, so nothing is
 * cached in memory between samples; the median of several hides the odd slow spawn.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Metric } from './report.js';
import { median } from './median.js';

export const COLD_START_RUNS = 15;
const ROOT = fileURLToPath(new URL('..', import.meta.url));

// Timed inside the child, around the import only: process start-up is Node's cost, not ours.
const probe = (entryUrl: string): string => `
const start = process.hrtime.bigint();
await import(${JSON.stringify(entryUrl)});
const ms = Number(process.hrtime.bigint() - start) / 1e6;
console.log(JSON.stringify({ ms, rss: process.memoryUsage().rss }));
`;

interface Sample {
  ms: number;
  rss: number;
}

const sampleOnce = (entryUrl: string, cwd: string): Sample => {
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', probe(entryUrl)], {
    cwd,
    encoding: 'utf8',
    // Core prints a memory watchdog line outside tests; keep the child's stdout to our JSON.
    env: { ...process.env, NODE_ENV: 'test' },
  });
  if (child.status !== 0) throw new Error(`cold start: the import failed (exit ${child.status}): ${child.stderr.trim()}`);
  const last = child.stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(last) as Sample;
};

/**
 * Cold start of any built entry file (absolute, or relative to `cwd`), each sample a fresh Node
 * process in `cwd`: the median import time in ms, its spread (the middle half of the samples,
 * third quartile minus first) and the median RSS afterwards in bytes.
 */
export const coldStartOf = (entryFile: string, cwd: string): Sample & { spreadMs: number } => {
  const entryUrl = pathToFileURL(resolve(cwd, entryFile)).href;
  const samples = Array.from({ length: COLD_START_RUNS }, () => sampleOnce(entryUrl, cwd));
  const times = samples.map((sample) => sample.ms).sort((a, b) => a - b);
  const quartile = (share: number) => times[Math.floor(share * (times.length - 1))] ?? Number.NaN;
  return { ms: median(times), spreadMs: quartile(0.75) - quartile(0.25), rss: median(samples.map((sample) => sample.rss)) };
};

export const measureColdStart = (): Metric[] => {
  const { ms, spreadMs, rss } = coldStartOf('dist/src/index.js', ROOT);
  return [
    { name: 'cold start: import dist/src/index.js', unit: `ms, median of ${COLD_START_RUNS}`, value: ms, better: 'lower' },
    { name: 'cold start: spread of the import time', unit: 'ms, third minus first quartile', value: spreadMs, better: 'lower' },
    { name: 'cold start: RSS after import', unit: 'MiB', value: rss / 2 ** 20, better: 'lower' },
  ];
};
