import { describe, expect, it } from '@jest/globals';
import { call, errorInfo, useSandbox, type ConnectionJson, type ErrorJson } from './sandbox-client.js';

const sandbox = useSandbox();

interface ConnectionList {
  connections: ConnectionJson[];
}

const listIds = async (query: string) =>
  (await call<ConnectionList>(sandbox(), 'GET', `/api/v1/connections${query}`)).body.connections.map((connection) => connection.id);
const togglePath = (org: string, connection: string, verb: string) => `/api/v1/organizations/${org}/connections/${connection}:${verb}`;

describe('SSO connections', () => {
  it('lists every connection with include=all, without paging fields', async () => {
    const answer = await call<ConnectionList>(sandbox(), 'GET', '/api/v1/connections?include=all');
    expect(Object.keys(answer.body)).toEqual(['connections']);
    const { acmeOkta, globexEntra } = sandbox().seed.connections;
    expect(answer.body.connections.map((connection) => connection.id)).toEqual([acmeOkta, globexEntra]);
    expect(answer.body.connections[0]).toEqual({
      id: acmeOkta,
      provider: 'OKTA',
      type: 'SAML',
      status: 'COMPLETED',
      enabled: true,
      organization_id: sandbox().seed.organizations.acme,
      organization_name: 'Acme Corp',
      domains: ['acme.test'],
      provider_key: '',
      key_id: '',
      ui_button_title: '',
      mcp_server_url: '',
    });
    expect(answer.body.connections[1]).toMatchObject({
      status: 'IN_PROGRESS',
      enabled: false,
      organization_id: sandbox().seed.organizations.globex,
    });
    expect(acmeOkta).toMatch(/^conn_\d{17}$/);
  });

  it('lists only active (completed and enabled) connections without include=all', async () => {
    expect(await listIds('')).toEqual([sandbox().seed.connections.acmeOkta]);
  });

  it('filters by organization_id and by domain', async () => {
    expect(await listIds(`?include=all&organization_id=${sandbox().seed.organizations.globex}`)).toEqual([
      sandbox().seed.connections.globexEntra,
    ]);
    expect(await listIds(`?include=all&organization_id=${sandbox().seed.organizations.initech}`)).toEqual([]);
    expect(await listIds('?include=all&domain=ACME.test')).toEqual([sandbox().seed.connections.acmeOkta]);
  });

  it('enables and disables a connection of an organization', async () => {
    const { globex, acme } = sandbox().seed.organizations;
    const { globexEntra, acmeOkta } = sandbox().seed.connections;
    const enabled = await call(sandbox(), 'PATCH', togglePath(globex, globexEntra, 'enable'));
    expect(enabled.status).toBe(200);
    expect(enabled.body).toEqual({ enabled: true, error_message: '' });
    const all = await call<ConnectionList>(sandbox(), 'GET', '/api/v1/connections?include=all');
    expect(all.body.connections.find((connection) => connection.id === globexEntra)?.enabled).toBe(true);
    // Still IN_PROGRESS, so still not active.
    expect(await listIds('')).toEqual([acmeOkta]);
    const disabled = await call(sandbox(), 'PATCH', togglePath(acme, acmeOkta, 'disable'));
    expect(disabled.body).toEqual({ enabled: false, error_message: '' });
    expect(await listIds('')).toEqual([]);
  });

  it('answers 404 for a connection of another organization or an unknown one', async () => {
    const { acme } = sandbox().seed.organizations;
    const wrongOrg = await call<ErrorJson>(sandbox(), 'PATCH', togglePath(acme, sandbox().seed.connections.globexEntra, 'enable'));
    expect(wrongOrg.status).toBe(404);
    expect(wrongOrg.body).toEqual({ code: 5, message: 'connection not found', details: [errorInfo('NOT_FOUND')] });
    expect(
      (await call(sandbox(), 'PATCH', togglePath('org_00000000000000000', sandbox().seed.connections.acmeOkta, 'enable'))).status,
    ).toBe(404);
    expect((await call(sandbox(), 'PATCH', togglePath(acme, sandbox().seed.connections.acmeOkta, 'explode'))).status).toBe(404);
  });
});

describe('roles', () => {
  it('lists the environment roles, not paginated', async () => {
    const answer = await call<{ roles: Record<string, unknown>[] }>(sandbox(), 'GET', '/api/v1/roles');
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body)).toEqual(['roles']);
    expect(answer.body.roles).toEqual([
      {
        id: sandbox().seed.roles.admin,
        name: 'admin',
        display_name: 'Admin',
        description: expect.any(String),
        default_creator: true,
        default_member: false,
        dependent_roles_count: 0,
        is_org_role: false,
      },
      expect.objectContaining({ id: sandbox().seed.roles.member, name: 'member', display_name: 'Member', default_member: true }),
    ]);
    const withPermissions = await call<{ roles: Record<string, unknown>[] }>(sandbox(), 'GET', '/api/v1/roles?include=permissions');
    expect(withPermissions.body.roles[0]?.['permissions']).toEqual([]);
  });
});
