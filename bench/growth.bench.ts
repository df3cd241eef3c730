/**
 * Growth: the `new_client` poll and `find_client` by name against an account grown to 100,
 * 10,000 and 100,000 clients. The requests per step must stay flat; the time ratio largest:100
 * shows how the app's cost (and the sandbox's, which filters in memory) grows with the account.
 *
 * The clients are inserted straight into the sandbox's store, as its resources do with
 * `store.insert`: no API request is spent on seeding.
 *
 * Import this module only after NODE_ENV is set: it loads zapier-platform-core.
 */
import { performance } from 'node:perf_hooks';
import { ZapRunner } from '../bin/zap-runner.js';
import { SEED, startSandbox, type Sandbox } from '../sandbox/index.js';
import { loadBuiltApp } from '../bin/built-app.js';
import type { Store } from '../sandbox/store.js';
import { median } from './median.js';
import type { Metric } from './report.js';

const SIZES = [100, 10_000, 100_000] as const;
const SAMPLES = 5;
const SEED_EPOCH = Date.parse('2026-01-01T00:00:00Z');

const check = (condition: boolean, problem: string): void => {
  if (!condition) throw new Error(`growth: ${problem}`);
};

/** Adds clients to the seeded account until it holds `total`; each is a minute newer than the last. */
const growClients = (store: Store, total: number): void => {
  const accountId = SEED.account.id;
  const existing = store.list('clients', accountId).length;
  for (let index = existing; index < total; index += 1) {
    const at = new Date(SEED_EPOCH + index * 60_000).toISOString();
    store.insert({
      type: 'clients',
      accountId,
      attributes: {
        name: `Growth Client ${String(index).padStart(6, '0')}`,
        domain: `growth-${index}.example`,
        active: true,
        'msa-date': null,
        'user-defined-fields': [],
        'created-at': at,
        'updated-at': at,
      },
      links: { account: String(accountId), 'rate-table': SEED.rateTables.standard },
      internal: {},
    });
  }
};

interface Sample {
  requests: number;
  ms: number;
}

const timed = async (sandbox: Sandbox, step: () => Promise<{ requests: number }>): Promise<Sample[]> => {
  const samples: Sample[] = [];
  for (let index = 0; index < SAMPLES; index += 1) {
    const logged = sandbox.log.count();
    const started = performance.now();
    const { requests } = await step();
    const ms = performance.now() - started;
    check(sandbox.log.count() - logged === requests, 'the app and the sandbox disagree on a request count.');
    samples.push({ requests, ms });
  }
  return samples;
};

export const measureGrowth = async (): Promise<Metric[]> => {
  const sandbox = await startSandbox({ port: 0 });
  try {
    process.env['SCOPESTACK_AUTH_URL'] = sandbox.url;
    process.env['SCOPESTACK_API_URL'] = sandbox.url;
    const App = await loadBuiltApp();
    const runner = new ZapRunner(App, { client_id: SEED.serviceUser.clientId, client_secret: SEED.serviceUser.clientSecret });
    await runner.connect();

    const metrics: Metric[] = [];
    const times = new Map<string, number[]>();
    for (const size of SIZES) {
      growClients(sandbox.store, size);
      check(sandbox.store.list('clients', SEED.account.id).length === size, `the account does not hold ${size} clients.`);
      const steps: [string, () => Promise<{ requests: number }>][] = [
        ['new_client poll', () => runner.run('triggers', 'new_client')],
        [
          'find_client by name',
          async () => {
            const outcome = await runner.run<{ id: string }[]>('searches', 'find_client', { name: 'northwind' });
            check(outcome.result.length === 1, `find_client "northwind" returned ${outcome.result.length} records at ${size}.`);
            return outcome;
          },
        ],
      ];
      for (const [step, run] of steps) {
        const samples = await timed(sandbox, run);
        const requests = Math.max(...samples.map((sample) => sample.requests));
        const label = size.toLocaleString('en-US');
        metrics.push({ name: `growth: ${step} at ${label} clients`, unit: 'requests', value: requests, better: 'lower', exact: true });
        times.set(step, [...(times.get(step) ?? []), median(samples.map((sample) => sample.ms))]);
      }
    }
    const largest = SIZES[SIZES.length - 1]?.toLocaleString('en-US') ?? '?';
    for (const [step, medians] of times) {
      const first = medians[0] ?? Number.NaN;
      const last = medians[medians.length - 1] ?? Number.NaN;
      metrics.push({ name: `growth: ${step} time ${largest}:100 clients`, unit: 'x (median of 5)', value: last / first, better: 'lower' });
    }
    return metrics;
  } finally {
    await sandbox.close();
  }
};
