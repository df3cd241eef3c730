/**
 * The Scalekit connector: one row per step, its requests next to the fewest Scalekit's API allows
 * for the job (`scalekit-api.md` §6), through the built app against the Scalekit sandbox, each
 * count cross-checked with the sandbox's log; and what a poll costs as an environment grows, since
 * Scalekit lists organizations and members 100 at a time, with no sort and no date filter.
 */
import { fileURLToPath } from 'node:url';
import { startScalekitSandbox, type ScalekitSandbox } from '../connectors/scalekit/sandbox/index.js';
import { ZapRunner, type StepOutcome } from '../bin/zap-runner.js';
import type { Metric } from './report.js';

const BUILT_SCALEKIT_APP = fileURLToPath(new URL('../connectors/scalekit/dist/src/index.js', import.meta.url));

/** Organizations the environment grows by, before its poll is measured. */
const GROWN = 1000;
const DAY_SECONDS = 24 * 60 * 60;

/**
 * The grown organizations, made straight through the sandbox's API: a thousand app runs in one
 * process would trip core's memory guard (after 250 runs, RSS above 450 MB ends the process).
 */
const growDirectly = async (sandbox: ScalekitSandbox): Promise<void> => {
  const form = { grant_type: 'client_credentials', client_id: sandbox.seed.clientId, client_secret: sandbox.seed.clientSecret };
  const issued = await fetch(`${sandbox.url}/oauth/token`, { method: 'POST', body: new URLSearchParams(form) });
  const { access_token: bearer } = (await issued.json()) as { access_token: string };
  for (let index = 0; index < GROWN; index += 1) {
    const made = await fetch(`${sandbox.url}/api/v1/organizations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
      body: JSON.stringify({ display_name: `Grown ${index}`, external_id: `GROWN-${index}` }),
    });
    check(made.ok, `the sandbox did not create Grown ${index}: ${await made.text()}`);
  }
};

interface Identified {
  id: string;
}

const check = (condition: boolean, problem: string): void => {
  if (!condition) throw new Error(`scalekit: ${problem}`);
};

export const measureScalekit = async (): Promise<Metric[]> => {
  const sandbox: ScalekitSandbox = await startScalekitSandbox({ port: 0 });
  try {
    const App = ((await import(BUILT_SCALEKIT_APP)) as { default: object }).default;
    const runner = new ZapRunner(App, {
      environment_url: sandbox.url,
      client_id: sandbox.seed.clientId,
      client_secret: sandbox.seed.clientSecret,
    });
    await runner.connect();
    const metrics: Metric[] = [];
    const measure = async <T>(name: string, minimum: number, operation: () => Promise<StepOutcome<T>>): Promise<T> => {
      const logged = sandbox.log.entries().length;
      const outcome = await operation();
      const seen = sandbox.log.entries().length - logged;
      check(seen === outcome.requests, `${name}: the app started ${outcome.requests} request(s), the sandbox saw ${seen}.`);
      metrics.push({
        name: `scalekit: ${name}`,
        unit: `requests, API minimum ${minimum}`,
        value: outcome.requests,
        better: 'lower',
        exact: true,
      });
      return outcome.result;
    };
    const run = <T>(kind: 'triggers' | 'searches' | 'creates', key: string, input: Record<string, unknown> = {}) =>
      runner.run<T>(kind, key, input);

    const deal = { external_id: 'CRM-BENCH-1', display_name: 'Bench Corp' };
    await measure('new_organization poll (3 organizations)', 1, () => run('triggers', 'new_organization'));
    const created = await measure<Identified>('create_organization', 1, () =>
      run('creates', 'create_organization', { ...deal, external_id: 'CRM-BENCH-0' }),
    );
    await measure('upsert_organization, absent (lookup + POST)', 2, () => run('creates', 'upsert_organization', deal));
    await measure('upsert_organization, present (lookup + PATCH)', 2, () =>
      run('creates', 'upsert_organization', { ...deal, display_name: 'Bench Inc' }),
    );
    await measure('find_organization by external ID', 1, () => run('searches', 'find_organization', { external_id: deal.external_id }));
    await measure('find_organization by ID', 1, () => run('searches', 'find_organization', { id: created.id }));
    await measure('update_organization', 1, () => run('creates', 'update_organization', { id: created.id, display_name: 'Bench Zero' }));
    const invited = await measure<Identified>('invite_organization_user', 1, () =>
      run('creates', 'invite_organization_user', { organization_id: created.id, email: 'bench@bench.example', role: 'admin' }),
    );
    await measure('new_organization_user poll (1 member)', 1, () =>
      run('triggers', 'new_organization_user', { organization_id: created.id }),
    );
    await measure('find_user by email', 1, () => run('searches', 'find_user', { email: 'bench@bench.example' }));
    await measure('find_user by ID', 1, () => run('searches', 'find_user', { id: invited.id }));
    await measure('update_membership_roles', 1, () =>
      run('creates', 'update_membership_roles', { organization_id: created.id, id: invited.id, roles: ['member'] }),
    );
    await measure('sso_connection_enabled poll', 1, () => run('triggers', 'sso_connection_enabled'));
    await measure('list_organizations dropdown page', 1, () => run('triggers', 'list_organizations'));
    await measure('list_roles dropdown', 1, () => run('triggers', 'list_roles'));
    await measure('remove_organization_user', 1, () =>
      run('creates', 'remove_organization_user', { organization_id: created.id, id: invited.id }),
    );
    await measure('delete_organization', 1, () => run('creates', 'delete_organization', { id: created.id }));

    // Growth: Scalekit cannot sort, so the poll that starts a Zap reads every page; each later poll starts
    // at the page where the last day's organizations begin. The grown organizations are an environment's
    // history: created two days ago (the sandbox's clock turned back while they are made).
    sandbox.clock.advance(-2 * DAY_SECONDS);
    await growDirectly(sandbox);
    sandbox.clock.advance(2 * DAY_SECONDS);
    const pollRequests = async (meta: Record<string, unknown> = {}): Promise<{ requests: number; ids: string[] }> => {
      const before = sandbox.log.entries().length;
      const { result } = await runner.run<Identified[]>('triggers', 'new_organization', {}, meta);
      return { requests: sandbox.log.entries().length - before, ids: result.map(({ id }) => id) };
    };
    const first = await pollRequests({ isPopulatingDedupe: true });
    const organizations = first.ids.length;
    metrics.push({
      name: `scalekit: new_organization first poll at ${organizations} organizations`,
      unit: 'requests, ⌈organizations/100⌉',
      value: first.requests,
      better: 'lower',
      exact: true,
    });
    const newcomer = await run<Identified>('creates', 'create_organization', { display_name: 'Newcomer Corp', external_id: 'GROWN-NEW' });
    const next = await pollRequests();
    // The poll returns what was created in the last day (Zapier's dedupe fires only for the newcomer).
    check(next.ids[0] === newcomer.result.id, 'the next poll did not return the organization just created first.');
    metrics.push({
      name: `scalekit: new_organization next poll at ${organizations + 1} organizations`,
      unit: "requests, API minimum 1 (from the last poll's page)",
      value: next.requests,
      better: 'lower',
      exact: true,
    });
    return metrics;
  } finally {
    await sandbox.close();
  }
};
