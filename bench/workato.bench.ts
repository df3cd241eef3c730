/**
 * A "Workato connector" column for request economy: the requests the public Workato connector for
 * ScopeStack would make for the same job as one of our measured rows, computed from its mechanics
 * as its public source shows them (bench/README.md names the mechanic behind each).
 * Nothing here runs that connector; only the number of approvals comes from the sandbox.
 *
 * Import this module only after NODE_ENV is set: it loads zapier-platform-core.
 */
import { ZapRunner } from '../bin/zap-runner.js';
import { SEED, startSandbox } from '../sandbox/index.js';
import { loadBuiltApp } from '../bin/built-app.js';
import type { Metric } from './report.js';

const UNIT = 'requests, computed from documented mechanics';

const row = (step: string, value: number, detail: string): Metric => ({
  name: `workato (known mechanics): ${step}`,
  unit: `${UNIT}; ${detail}`,
  value,
  better: 'lower',
  exact: true,
});

export const measureWorkatoMechanics = async (): Promise<Metric[]> => {
  // The only input that depends on data: how many approvals the same poll sees in the sandbox.
  const sandbox = await startSandbox({ port: 0 });
  let approvals: number;
  try {
    process.env['SCOPESTACK_AUTH_URL'] = sandbox.url;
    process.env['SCOPESTACK_API_URL'] = sandbox.url;
    const runner = new ZapRunner(await loadBuiltApp(), {
      client_id: SEED.serviceUser.clientId,
      client_secret: SEED.serviceUser.clientSecret,
    });
    await runner.connect();
    approvals = (await runner.run<unknown[]>('triggers', 'new_project_approval')).result.length;
  } finally {
    await sandbox.close();
  }
  if (approvals === 0 || approvals >= 100) throw new Error(`workato: expected 1-99 seeded approvals (one page), found ${approvals}.`);
  return [
    row('connect', 2, 'password grant + GET /v1/me'),
    // One page of size 100 holds every approval; each is enriched with its project and its user.
    row('new_project_approval poll', 1 + 2 * approvals, `1 page + 2 per approval, ${approvals} approvals`),
    row('updated_project poll', 1, 'single page, can_poll_more false'),
    row('list_projects dropdown page', 1, 'page 1 only (reads meta.total_pages)'),
    row('upsert_crm_opportunity (created)', 3, 'search open, search closed, POST'),
    row('token economy: /v1/me calls after connect', 0, 'slug/id cached in the connection'),
  ];
};
