import { describe, expect, it } from '@jest/globals';
import type { ScalekitSandbox } from '../../sandbox/index.js';
import { call, decodePageToken, errorInfo, token, useSandbox, type ErrorJson, type OrgJson, type Paged } from './sandbox-client.js';

const sandbox = useSandbox();

type OrgList = Paged & { organizations: OrgJson[] };
interface OrgReply {
  organization: OrgJson;
}

const RFC3339_Z = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

async function createOrgs(target: ScalekitSandbox, count: number): Promise<void> {
  const bearer = await token(target);
  for (let index = 0; index < count; index += 1) {
    const created = await call(target, 'POST', '/api/v1/organizations', { token: bearer, body: { display_name: `Org ${index}` } });
    expect(created.status).toBe(200);
  }
}

describe('organizations: read', () => {
  it('lists the seed ascending by create_time, with paging fields and the documented object shape', async () => {
    const answer = await call<OrgList>(sandbox(), 'GET', '/api/v1/organizations');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('x-trace-id')).toMatch(/^[0-9a-f]{32}$/);
    expect(answer.body.organizations.map((org) => org.id)).toEqual(Object.values(sandbox().seed.organizations));
    expect(answer.body).toMatchObject({ next_page_token: '', prev_page_token: '', total_size: 3 });
    const [acme, , initech] = answer.body.organizations;
    expect(acme).toEqual({
      id: sandbox().seed.organizations.acme,
      create_time: '2025-01-10T09:00:00.000Z',
      update_time: '2025-01-10T09:00:00.000Z',
      display_name: 'Acme Corp',
      region_code: 'US',
      external_id: 'ACME-001',
      metadata: { plan: 'enterprise' },
    });
    // An unset optional field is omitted, an empty map emitted.
    expect(initech).not.toHaveProperty('external_id');
    expect(initech?.metadata).toEqual({});
    expect(acme?.id).toMatch(/^org_\d{17}$/);
  });

  it('gets one by id, and answers 404 NOT_FOUND for an unknown id', async () => {
    const found = await call<OrgReply>(sandbox(), 'GET', `/api/v1/organizations/${sandbox().seed.organizations.globex}`);
    expect(found.body.organization.display_name).toBe('Globex');
    const missing = await call<ErrorJson>(sandbox(), 'GET', '/api/v1/organizations/org_12345678901234567');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ code: 5, message: 'organization not found', details: [errorInfo('NOT_FOUND')] });
  });

  it('looks up by external id (also with an encoded colon), 404 on a miss, 400 when ?id= is also sent', async () => {
    const found = await call<OrgReply>(sandbox(), 'GET', '/api/v1/organizations:external/GLOBEX-7');
    expect(found.body.organization.id).toBe(sandbox().seed.organizations.globex);
    const encoded = await call<OrgReply>(sandbox(), 'GET', '/api/v1/organizations%3Aexternal/ACME-001');
    expect(encoded.body.organization.id).toBe(sandbox().seed.organizations.acme);
    const missing = await call<ErrorJson>(sandbox(), 'GET', '/api/v1/organizations:external/acme-001');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe(5);
    const both = await call<ErrorJson>(sandbox(), 'GET', '/api/v1/organizations:external/ACME-001?id=x');
    expect(both.status).toBe(400);
    expect(both.body.message).toBe('ExternalId is required');
  });

  it('filters the list by exact external_id', async () => {
    const found = await call<OrgList>(sandbox(), 'GET', '/api/v1/organizations?external_id=ACME-001');
    expect(found.body.organizations.map((org) => org.id)).toEqual([sandbox().seed.organizations.acme]);
    expect(found.body.total_size).toBe(1);
    const none = await call<OrgList>(sandbox(), 'GET', '/api/v1/organizations?external_id=ACME');
    expect(none.body).toEqual({ organizations: [], next_page_token: '', prev_page_token: '', total_size: 0 });
  });
});

describe('organizations: paging', () => {
  it('walks pages with opaque base64 {"page":n} tokens, newest last', async () => {
    await createOrgs(sandbox(), 12);
    const first = await call<OrgList>(sandbox(), 'GET', '/api/v1/organizations?page_size=10');
    expect(first.body.organizations).toHaveLength(10);
    expect(first.body.total_size).toBe(15);
    expect(first.body.prev_page_token).toBe('');
    expect(decodePageToken(first.body.next_page_token)).toEqual({ page: 2 });
    const second = await call<OrgList>(
      sandbox(),
      'GET',
      `/api/v1/organizations?page_size=10&page_token=${encodeURIComponent(first.body.next_page_token)}`,
    );
    expect(second.body.organizations.map((org) => org.display_name)).toEqual(['Org 7', 'Org 8', 'Org 9', 'Org 10', 'Org 11']);
    expect(second.body.next_page_token).toBe('');
    expect(decodePageToken(second.body.prev_page_token)).toEqual({ page: 1 });
    const times = [...first.body.organizations, ...second.body.organizations].map((org) => org.create_time);
    expect(times).toEqual([...times].sort());
  });

  it.each(['9', '101', '1'])('refuses page_size=%s with a field violation', async (size) => {
    const answer = await call<ErrorJson>(sandbox(), 'GET', `/api/v1/organizations?page_size=${size}`);
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe(3);
    expect(answer.body.details[0]?.error_code).toBe('INVALID_ARGUMENT');
    expect(answer.body.details[0]?.validation_error_info?.field_violations[0]?.field).toBe('page_size');
  });

  it('accepts the page size limits 10 and 100, and refuses a garbled page_token', async () => {
    expect((await call(sandbox(), 'GET', '/api/v1/organizations?page_size=10')).status).toBe(200);
    expect((await call(sandbox(), 'GET', '/api/v1/organizations?page_size=100')).status).toBe(200);
    const garbled = await call<ErrorJson>(sandbox(), 'GET', '/api/v1/organizations?page_token=not-a-token');
    expect(garbled.status).toBe(400);
    expect(garbled.body.message).toBe('invalid page_token');
  });

  it('reproduces the trailing next_page_token quirk when switched on', async () => {
    sandbox().switches.trailingPageToken = true;
    const answer = await call<OrgList>(sandbox(), 'GET', '/api/v1/organizations');
    expect(answer.body.organizations).toHaveLength(3);
    expect(decodePageToken(answer.body.next_page_token)).toEqual({ page: 2 });
    const after = await call<OrgList>(sandbox(), 'GET', `/api/v1/organizations?page_token=${answer.body.next_page_token}`);
    expect(after.body).toMatchObject({ organizations: [], next_page_token: '' });
  });
});

describe('organizations: write', () => {
  it('creates with 200 and the {organization} envelope, stamped with the sandbox clock', async () => {
    sandbox().clock.advance(3600);
    const before = sandbox().clock.now().getTime();
    const created = await call<OrgReply>(sandbox(), 'POST', '/api/v1/organizations', {
      body: { display_name: 'Umbrella', external_id: 'UMB-1', metadata: { tier: 'gold' } },
    });
    expect(created.status).toBe(200);
    const org = created.body.organization;
    expect(org).toMatchObject({ display_name: 'Umbrella', external_id: 'UMB-1', metadata: { tier: 'gold' }, region_code: 'US' });
    expect(org.create_time).toMatch(RFC3339_Z);
    expect(Date.parse(org.create_time)).toBeGreaterThanOrEqual(before);
    expect((await call<OrgReply>(sandbox(), 'GET', `/api/v1/organizations/${org.id}`)).body.organization).toEqual(org);
  });

  it('answers 201 for creates when switched to the spec status', async () => {
    sandbox().switches.createStatus = 201;
    expect((await call(sandbox(), 'POST', '/api/v1/organizations', { body: { display_name: 'X' } })).status).toBe(201);
  });

  it('requires display_name: 400 INVALID_ARGUMENT with a field violation', async () => {
    const answer = await call<ErrorJson>(sandbox(), 'POST', '/api/v1/organizations', { body: { external_id: 'E' } });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      code: 3,
      message: expect.stringContaining('display_name'),
      details: [
        {
          ...errorInfo('INVALID_ARGUMENT'),
          validation_error_info: {
            field_violations: [
              { field: 'display_name', constraint: 'string.min_len', description: 'value length must be at least 1 characters' },
            ],
          },
        },
      ],
    });
    expect((await call<OrgList>(sandbox(), 'GET', '/api/v1/organizations')).body.total_size).toBe(3);
  });

  it('refuses a body that is not JSON with 400 code 3', async () => {
    const answer = await call<ErrorJson>(sandbox(), 'POST', '/api/v1/organizations', { body: '{"display_name":' });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe(3);
  });

  it('keeps external_id unique: 409 ALREADY_EXISTS on create and on update', async () => {
    const duplicate = await call<ErrorJson>(sandbox(), 'POST', '/api/v1/organizations', {
      body: { display_name: 'Y', external_id: 'ACME-001' },
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toEqual({ code: 6, message: expect.stringContaining('already exists'), details: [errorInfo('ALREADY_EXISTS')] });
    const path = `/api/v1/organizations/${sandbox().seed.organizations.initech}`;
    const update = await call<ErrorJson>(sandbox(), 'PATCH', path, { body: { external_id: 'GLOBEX-7', display_name: 'Changed' } });
    expect(update.status).toBe(409);
    // A refused update changes nothing.
    expect((await call<OrgReply>(sandbox(), 'GET', path)).body.organization.display_name).toBe('Initech');
    // Re-sending an org's own external id is not a duplicate.
    const same = `/api/v1/organizations/${sandbox().seed.organizations.acme}`;
    expect((await call(sandbox(), 'PATCH', same, { body: { external_id: 'ACME-001' } })).status).toBe(200);
  });

  it('updates partially (camelCase accepted), replaces metadata, and moves update_time', async () => {
    const path = `/api/v1/organizations/${sandbox().seed.organizations.acme}`;
    sandbox().clock.advance(60);
    const updated = await call<OrgReply>(sandbox(), 'PATCH', path, { body: { displayName: 'Acme Inc', metadata: { region: 'eu' } } });
    expect(updated.status).toBe(200);
    expect(updated.body.organization).toMatchObject({ display_name: 'Acme Inc', external_id: 'ACME-001', metadata: { region: 'eu' } });
    expect(updated.body.organization.create_time).toBe('2025-01-10T09:00:00.000Z');
    expect(Date.parse(updated.body.organization.update_time)).toBeGreaterThan(Date.parse('2025-01-10T09:00:00.000Z'));
    const cleared = await call<OrgReply>(sandbox(), 'PATCH', path, { body: { external_id: '' } });
    expect(cleared.body.organization).not.toHaveProperty('external_id');
    const empty = await call<ErrorJson>(sandbox(), 'PATCH', path, { body: { display_name: '' } });
    expect(empty.status).toBe(400);
    expect((await call(sandbox(), 'PATCH', '/api/v1/organizations/org_99999999999999999', { body: {} })).status).toBe(404);
  });

  it('deletes with 200 {}, taking its connections and memberships with it', async () => {
    const acme = sandbox().seed.organizations.acme;
    const deleted = await call(sandbox(), 'DELETE', `/api/v1/organizations/${acme}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({});
    expect((await call(sandbox(), 'GET', `/api/v1/organizations/${acme}`)).status).toBe(404);
    expect((await call(sandbox(), 'DELETE', `/api/v1/organizations/${acme}`)).status).toBe(404);
    const connections = await call<{ connections: { organization_id: string }[] }>(sandbox(), 'GET', '/api/v1/connections?include=all');
    expect(connections.body.connections.map((connection) => connection.organization_id)).not.toContain(acme);
    const carol = await call<{ user: { memberships: { organization_id: string }[] } }>(
      sandbox(),
      'GET',
      `/api/v1/users/${sandbox().seed.users.carol}`,
    );
    expect(carol.body.user.memberships.map((membership) => membership.organization_id)).toEqual([sandbox().seed.organizations.globex]);
  });

  it('comes back to the seed on reset', async () => {
    await createOrgs(sandbox(), 1);
    sandbox().reset();
    expect((await call<OrgList>(sandbox(), 'GET', '/api/v1/organizations')).body.total_size).toBe(3);
  });
});
