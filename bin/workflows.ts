/**
 * The workflows `npm start` runs, one row per step. Each step checks what a user would notice
 * (the right record found, no duplicate created, a renewal that happened) and throws otherwise.
 */
import type { Sandbox } from '../sandbox/index.js';
import type { Row } from './print-table.js';
import type { ZapRunner } from './zap-runner.js';

interface ClientRecord {
  id: string;
  name: string;
  domain?: string;
  active?: boolean;
  msa_date?: string;
}

const check = (condition: boolean, problem: string): void => {
  if (!condition) throw new Error(problem);
};

const connect = async (runner: ZapRunner): Promise<Row> => {
  const { result, requests } = await runner.connect();
  return { step: 'Connect (token, /v1/me, test)', result: `connected as "${result.label}"`, requests };
};

/** Everything the catalog offers today: poll, find, find-or-create twice, update, renew. */
export async function* sandboxWorkflow(runner: ZapRunner, sandbox: Sandbox): AsyncGenerator<Row> {
  yield await connect(runner);

  const first = await runner.run<ClientRecord[]>('triggers', 'new_client');
  check(first.result.length > 0, 'New Client returned no clients.');
  yield {
    step: 'New Client (poll)',
    result: `${first.result.length} clients, newest "${first.result[0]?.name}"`,
    requests: first.requests,
  };

  const found = await runner.run<ClientRecord[]>('searches', 'find_client', { name: 'northwind' });
  check(found.result.length === 1 && found.result[0]?.name === 'Northwind', 'Find Client did not pick exactly "Northwind".');
  yield {
    step: 'Find Client "northwind"',
    result: `found ${found.result[0]?.name} (${found.result[0]?.id}), not "Northwind Traders"`,
    requests: found.requests,
  };

  const name = 'Contoso Cloud Services';
  const search = await runner.run<ClientRecord[]>('searches', 'find_client', { name });
  check(search.result.length === 0, `"${name}" exists before it was created.`);
  const created = await runner.run<ClientRecord>('creates', 'create_client', {
    name,
    domain: 'contoso.example',
    msa_date: '2025-03-01',
    user_defined_fields: [{ user_defined_fields__name: 'industry', user_defined_fields__value: 'Retail' }],
  });
  yield {
    step: `Find or Create Client "${name}"`,
    result: `not found, created ${created.result.id}`,
    requests: search.requests + created.requests,
  };

  const again = await runner.run<ClientRecord[]>('searches', 'find_client', { name: name.toUpperCase() });
  check(again.result[0]?.id === created.result.id, 'The second find-or-create did not find the client it created.');
  yield { step: 'Find or Create Client again', result: `found ${again.result[0]?.id}: nothing created twice`, requests: again.requests };

  const updated = await runner.run<ClientRecord>('creates', 'update_client', {
    id: created.result.id,
    domain: 'contoso-cloud.example',
    active: 'false',
  });
  check(updated.result.domain === 'contoso-cloud.example' && updated.result.active === false, 'Update Client did not change the client.');
  yield { step: 'Update Client', result: `domain ${updated.result.domain}, active ${updated.result.active}`, requests: updated.requests };

  const newest = await runner.run<ClientRecord[]>('triggers', 'new_client');
  check(newest.result[0]?.id === created.result.id, 'New Client does not show the new client first.');
  yield {
    step: 'New Client (next poll)',
    result: `newest is "${newest.result[0]?.name}" (${newest.result[0]?.id})`,
    requests: newest.requests,
  };

  const dropdown = await runner.run<ClientRecord[]>('triggers', 'list_clients');
  yield {
    step: 'Client dropdown (list_clients)',
    result: `${dropdown.result.length} choices, first "${dropdown.result[0]?.name}"`,
    requests: dropdown.requests,
  };

  sandbox.clock.advance(25 * 3600);
  const later = await runner.run<ClientRecord[]>('triggers', 'new_client');
  check(later.renewed, 'The expired token was not renewed.');
  yield { step: 'New Client, 25 hours later', result: 'token expired (401), renewed once, poll succeeded', requests: later.requests };
}

/** What is safe against a real account: nothing is written. */
export async function* readOnlyWorkflow(runner: ZapRunner): AsyncGenerator<Row> {
  yield await connect(runner);
  const polled = await runner.run<ClientRecord[]>('triggers', 'new_client');
  yield {
    step: 'New Client (poll)',
    result: `${polled.result.length} clients, newest "${polled.result[0]?.name ?? '-'}"`,
    requests: polled.requests,
  };
  const newest = polled.result[0];
  if (newest) {
    const found = await runner.run<ClientRecord[]>('searches', 'find_client', { name: newest.name });
    check(
      found.result.some((record) => record.id === newest.id),
      `Find Client did not find "${newest.name}".`,
    );
    yield { step: `Find Client "${newest.name}"`, result: `found ${found.result.length} exact match(es)`, requests: found.requests };
  }
  const dropdown = await runner.run<ClientRecord[]>('triggers', 'list_clients');
  yield {
    step: 'Client dropdown (list_clients)',
    result: `${dropdown.result.length} choices on the first page`,
    requests: dropdown.requests,
  };
}
