import { rejectionOf } from '../../packages/toolkit/test/support/errors.js';
import { failureOf, SEED, useSandbox, connectedTo } from './sandbox-harness.js';

const context = useSandbox();
interface ClientRecord {
  id: string;
  name: string;
  domain?: string;
  active?: boolean;
  rate_table_name?: string;
  contacts?: unknown[];
}

const connected = connectedTo(context);

describe('e2e: client steps', () => {
  it('polls clients newest first with names of related records', async () => {
    const runner = await connected();
    const { result, requests } = await runner.run<ClientRecord[]>('triggers', 'new_client');
    expect(requests).toBe(1);
    const ids = result.map((record) => Number(record.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const northwind = result.find((record) => record.id === SEED.clients.northwind);
    expect(northwind).toMatchObject({ name: 'Northwind' });
    expect(typeof northwind?.rate_table_name).toBe('string');
  });

  it('finds the exact client among partial matches, and nothing for a partial name', async () => {
    const runner = await connected();
    const exact = await runner.run<ClientRecord[]>('searches', 'find_client', { name: 'NORTHWIND' });
    expect(exact.result.map((record) => record.name)).toEqual(['Northwind']);
    const partial = await runner.run<ClientRecord[]>('searches', 'find_client', { name: 'North' });
    expect(partial.result).toEqual([]);
  });

  it('creates a client once in a find-or-create run twice', async () => {
    const runner = await connected();
    const findOrCreate = async () => {
      const found = await runner.run<ClientRecord[]>('searches', 'find_client', { name: 'Litware Cloud Partners' });
      return (
        found.result[0] ??
        (await runner.run<ClientRecord>('creates', 'create_client', { name: 'Litware Cloud Partners', domain: 'litware.example' })).result
      );
    };
    const first = await findOrCreate();
    const second = await findOrCreate();
    expect(second.id).toBe(first.id);
    expect(context.sandbox.log.count('POST', '/clients')).toBe(1);
  });

  it('updates a client and reads it back', async () => {
    const runner = await connected();
    const id = SEED.clients.northwindTraders;
    await runner.run('creates', 'update_client', { id, domain: 'northwind-traders.example', msa_date: '2025-06-30' });
    const found = await runner.run<ClientRecord[]>('searches', 'find_client', { domain: 'northwind-traders.example' });
    expect(found.result).toEqual([expect.objectContaining({ id, msa_date: '2025-06-30' })]);
  });

  it('explains a rejected value with the field, from the JSON:API errors', async () => {
    const runner = await connected();
    const failure = await failureOf(
      runner.run('creates', 'create_client', {
        name: 'Litware Cloud Partners',
        user_defined_fields: '[{"name": "region", "value": "EMEA"}]',
      }),
    );
    expect(failure.code).toBe('ValidationError');
    expect(failure.message).toBe('ScopeStack says: User Defined Fields has no variable named region. Correct the field and try again.');
    expect(context.sandbox.log.count('POST', '/clients')).toBe(1);
  });

  it('explains an unknown id', async () => {
    const runner = await connected();
    const failure = await failureOf(runner.run('creates', 'update_client', { id: '999999', name: 'X' }));
    expect(failure.code).toBe('NotFoundError');
    expect(failure.message).toMatch(/could not find client 999999 \(404\)/);
  });

  it('reports a permission problem for a read-only service account, without renewing', async () => {
    const runner = await connected({ client_id: SEED.readOnlyServiceUser.clientId, client_secret: SEED.readOnlyServiceUser.clientSecret });
    const failure = await failureOf(runner.run('creates', 'create_client', { name: 'Fabrikam Labs' }));
    expect(failure.code).toBe('PermissionError');
    expect(failure.message).toMatch(/does not allow this connection to create clients \(403 Forbidden\)/);
    expect(context.sandbox.log.count('POST', '/oauth/token')).toBe(0);
  });

  it('renews an old token once on 403, then reports the permission problem without a second renewal', async () => {
    const runner = await connected({ client_id: SEED.readOnlyServiceUser.clientId, client_secret: SEED.readOnlyServiceUser.clientSecret });
    const now = Math.floor(Date.now() / 1000);
    runner.authData = { ...runner.authData, token_issued_at: String(now - 3600), token_expires_at: String(now + 86400 - 3600) };
    const failure = await failureOf(runner.run('creates', 'create_client', { name: 'Fabrikam Labs' }));
    expect(failure.code).toBe('PermissionError');
    expect(runner.renewals).toBe(1);
    expect(context.sandbox.log.count('POST', '/oauth/token')).toBe(1);
    expect(context.sandbox.log.entries().filter((entry) => entry.status === 403)).toHaveLength(2);
  });

  it('never sends a create twice when the connection drops after the server acted', async () => {
    const runner = await connected();
    context.sandbox.faults.set({ kind: 'drop_after', match: { method: 'POST', path: '/clients' }, times: 1 });
    const failure = await failureOf(runner.run('creates', 'create_client', { name: 'Proseware Networks' }));
    expect(failure.message).toMatch(
      /may or may not have been created: check with the Find Client step \(or in ScopeStack\) before running this step again/,
    );
    expect(context.sandbox.log.count('POST', '/clients')).toBe(1);
    // The user can see that it did happen, and a find-or-create would now find it.
    const found = await runner.run<ClientRecord[]>('searches', 'find_client', { name: 'Proseware Networks' });
    expect(found.result).toHaveLength(1);
  });

  // A read that keeps getting a 502 or 503 is tried 3 times (2 retries); a 429 is left to Zapier, and
  // an answer that could not be read is not asked again.
  it.each([
    ['rate_limit', { kind: 'rate_limit', retryAfterSeconds: 7 } as const, 'ThrottledError', /"delay":7/, 1],
    ['server_error', { kind: 'server_error', status: 503 } as const, 'AppError', /could not read clients \(HTTP 503\)/, 3],
    ['html_error', { kind: 'html_error' } as const, 'AppError', /answered with an error page instead of data/, 3],
    ['malformed_json', { kind: 'malformed_json' } as const, 'AppError', /with data that could not be read/, 1],
  ])('turns a %s into an error Zapier and a person can act on', async (_kind, fault, name, message, attempts) => {
    const runner = await connected();
    context.sandbox.faults.set({ ...fault, match: { path: '/clients' } });
    const error = await rejectionOf(runner.run('triggers', 'new_client'));
    expect(error.name).toBe(name);
    expect(error.message).toMatch(message);
    expect(error.message).not.toMatch(/<html|Bearer|eyJ/);
    expect(context.sandbox.log.count('GET', '/clients')).toBe(attempts);
  });
});
