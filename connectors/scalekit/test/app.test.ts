/**
 * The Scalekit app's steps and connection against nock, with the exact requests Scalekit's API
 * takes (`/work/shared/scalekit-api.md` is the reference): paths under the environment URL,
 * page tokens, nested invitation and membership bodies, one request for SSO connections.
 */
import nock from 'nock';
import zapier, { type Bundle, type ZObject } from 'zapier-platform-core';
import { errorBodyOf, rejectionOf } from '../../../packages/toolkit/test/support/errors.js';
import { useNock } from '../../../packages/toolkit/test/support/nock.js';
import { performOf } from '../../../packages/toolkit/test/support/steps.js';
import authentication from '../src/authentication.js';
import App from '../src/index.js';

const ENV = 'https://acme.scalekit.test';
const TOKEN = 'scalekit-live-token';
const appTester = zapier.createAppTester(App);
useNock();

const connected = (inputData: Record<string, unknown> = {}, meta: Record<string, unknown> = {}) => ({
  authData: {
    environment_url: ENV,
    client_id: 'skc_1',
    client_secret: 'scalekit secret',
    access_token: TOKEN,
    token_issued_at: String(Math.floor(Date.now() / 1000) - 600),
    token_expires_at: String(Math.floor(Date.now() / 1000) + 3600),
  },
  inputData,
  meta: { page: 0, ...meta },
});

/** Scalekit, answering only requests with the token and JSON. */
const scalekit = () => nock(ENV, { reqheaders: { authorization: `Bearer ${TOKEN}`, accept: 'application/json' } });

const organization = (id: string, name: string, created: string, externalId = '') => ({
  id,
  display_name: name,
  external_id: externalId,
  region_code: 'US',
  metadata: {},
  create_time: created,
  update_time: created,
});

/** Runs a step with Zapier's cache emptied first, unless it is to read what the run before kept there. */
const run = <T>(step: { operation: object }, inputData: Record<string, unknown> = {}, cache: 'empty' | 'kept' = 'empty') =>
  appTester(performOf<T>(step), connected(inputData), cache === 'empty');

describe('the Scalekit connection', () => {
  const exchange = (authData: Record<string, string>) =>
    appTester(authentication.sessionConfig.perform, { authData, inputData: {}, meta: { page: 0 } } as unknown as Bundle);

  it('posts the credentials in the form body to the token URL of the environment typed, and keeps the token', async () => {
    const scope = nock(ENV)
      .post('/oauth/token', { grant_type: 'client_credentials', client_id: 'skc_1', client_secret: 'scalekit secret' })
      .once()
      .reply(200, { access_token: 'new-token', token_type: 'Bearer', expires_in: 86399, scope: 'openid' });
    const state = await exchange({ environment_url: `${ENV}/`, client_id: 'skc_1', client_secret: 'scalekit secret' });
    expect(scope.isDone()).toBe(true);
    expect(state).toMatchObject({ access_token: 'new-token' });
  });

  it('does not believe an overflowed expires_in, and renews the token within the day', async () => {
    // As one recorded answer had it, to the digit: more than a JavaScript number holds.
    nock(ENV)
      .post('/oauth/token')
      .once()
      .reply(200, '{"access_token": "new-token", "expires_in": 18446744064486179580}', { 'Content-Type': 'application/json' });
    const state = await exchange({ environment_url: ENV, client_id: 'skc_1', client_secret: 'scalekit secret' });
    expect(Number(state.token_expires_at) - Number(state.token_issued_at)).toBeLessThanOrEqual(86400);
  });

  it.each([
    ['plain http', 'http://acme.scalekit.test', 'it starts with https://'],
    ['a path', `${ENV}/api/v1`, 'without a path'],
    ['no URL at all', 'acme', 'such as https://yourapp.scalekit.com.'],
    ['a user name in it', 'https://admin@acme.scalekit.test', 'without a user name or password'],
  ])('refuses an environment URL with %s before sending the credentials anywhere', async (_case, url, advice) => {
    const error = errorBodyOf(await rejectionOf(exchange({ environment_url: url, client_id: 'skc_1', client_secret: 'scalekit secret' })));
    expect(error.message).toContain('Nothing was sent to Scalekit: Environment URL must be the https address of your Scalekit environment');
    expect(error.message).toContain(advice);
  });

  it('tests the connection with one page of organizations and labels it with the environment host', async () => {
    const scope = scalekit()
      .get('/api/v1/organizations')
      .query({ page_size: '10' })
      .once()
      .reply(200, { organizations: [], next_page_token: '', total_size: 3 });
    expect(await appTester(authentication.test, connected())).toEqual({ host: 'acme.scalekit.test', organizations: 3 });
    expect(scope.isDone()).toBe(true);
  });

  it('asks Zapier to renew the session when Scalekit refuses the token (401), whatever lifetime it was given', async () => {
    scalekit()
      .get('/api/v1/organizations')
      .query({ page_size: '100' })
      .once()
      .reply(401, { code: 16, message: 'Token empty', details: [{ error_code: 'UNAUTHENTICATED' }] });
    expect((await rejectionOf(run(App.triggers.new_organization))).name).toBe('RefreshAuthError');
  });

  it('names a wrong secret as the credential, with the place to find it', async () => {
    nock(ENV).post('/oauth/token').once().reply(400, { error: 'invalid_client', error_description: 'client authentication failed' });
    const error = errorBodyOf(await rejectionOf(exchange({ environment_url: ENV, client_id: 'skc_1', client_secret: 'wrong' })));
    expect(error.message).toContain('Scalekit rejected the Client ID or Client Secret (invalid_client).');
    expect(error.message).toContain('Scalekit (Settings > API Config)');
  });
});

describe('triggers', () => {
  /** Organizations org_1… created a day apart from 2025-01-01, oldest first as Scalekit lists them. */
  const organizations = (from: number, count: number) =>
    Array.from({ length: count }, (_, index) =>
      organization(`org_${from + index}`, `Customer ${from + index}`, new Date(Date.UTC(2025, 0, from + index)).toISOString()),
    );

  it('new_organization reads every page by its token the first time (Scalekit cannot sort) and returns the newest first, each once', async () => {
    const scope = scalekit()
      .get('/api/v1/organizations')
      .query({ page_size: '100' })
      .once()
      .reply(200, { organizations: organizations(1, 100), next_page_token: 'p2', total_size: 101 })
      .get('/api/v1/organizations')
      .query({ page_size: '100', page_token: 'p2' })
      .once()
      .reply(200, { organizations: organizations(101, 1), next_page_token: '', total_size: 101 });
    const found = await run<{ id: string }[]>(App.triggers.new_organization);
    expect(scope.isDone()).toBe(true);
    expect(found.map(({ id }) => id).slice(0, 3)).toEqual(['org_101', 'org_100', 'org_99']);
    expect(new Set(found.map(({ id }) => id)).size).toBe(101);
  });

  it("new_organization then starts at the last page, by the token kept in Zapier's cache, and returns what is new", async () => {
    const firstPage = { organizations: organizations(1, 100), next_page_token: 'p2', total_size: 101 };
    const fresh = organization('org_102', 'Initech', new Date().toISOString());
    const scope = scalekit()
      .get('/api/v1/organizations')
      .query({ page_size: '100' })
      .once()
      .reply(200, firstPage)
      .get('/api/v1/organizations')
      .query({ page_size: '100', page_token: 'p2' })
      .once()
      .reply(200, { organizations: organizations(101, 1), next_page_token: '', total_size: 101 })
      .get('/api/v1/organizations')
      .query({ page_size: '100', page_token: 'p2' })
      .once()
      .reply(200, { organizations: [...organizations(101, 1), fresh], next_page_token: '', total_size: 102 });
    await run(App.triggers.new_organization);
    const next = await run<{ id: string }[]>(App.triggers.new_organization, {}, 'kept');
    expect(scope.isDone()).toBe(true);
    expect(next.map(({ id }) => id)).toEqual(['org_102']);
  });

  it("new_organization_user reads the picked organization's members, and refuses a name where the ID goes", async () => {
    const scope = scalekit()
      .get('/api/v1/organizations/org_1/users')
      .query({ page_size: '100' })
      .once()
      .reply(200, {
        users: [{ id: 'usr_1', email: 'pat@acme.example', create_time: '2025-02-03T09:30:00Z' }],
        next_page_token: '',
        total_size: 1,
      });
    expect(await run(App.triggers.new_organization_user, { organization_id: 'org_1' })).toMatchObject([
      { id: 'usr_1', email: 'pat@acme.example' },
    ]);
    expect(scope.isDone()).toBe(true);
    expect(errorBodyOf(await rejectionOf(run(App.triggers.new_organization_user, { organization_id: 'Acme Corp' }))).message).toContain(
      'Organization ID must be a Scalekit ID',
    );
  });

  it('list_organization_users lists the picked organization from its path alone, and nothing until one is picked', async () => {
    const scope = scalekit()
      .get('/api/v1/organizations/org_1/users')
      .query({ page_size: '100' })
      .once()
      .reply(200, { users: [{ id: 'usr_1', email: 'pat@acme.example' }], next_page_token: '', total_size: 1 });
    expect(await run(App.triggers.list_organization_users, { organization_id: 'org_1' })).toMatchObject([
      { id: 'usr_1', email: 'pat@acme.example' },
    ]);
    expect(await run(App.triggers.list_organization_users)).toEqual([]);
    expect(scope.isDone()).toBe(true);
  });

  it('sso_connection_enabled reads all connections in one request and fires once per enabled, completed setup', async () => {
    const scope = scalekit()
      .get('/api/v1/connections')
      .query({ include: 'all' })
      .once()
      .reply(200, {
        connections: [
          { id: 'conn_1', provider: 'OKTA', status: 'COMPLETED', enabled: true, organization_id: 'org_1' },
          { id: 'conn_2', provider: 'GOOGLE', status: 'IN_PROGRESS', enabled: false, organization_id: 'org_2' },
          { id: 'conn_3', provider: 'AUTH0', status: 'COMPLETED', enabled: false, organization_id: 'org_3' },
        ],
      });
    expect(await run(App.triggers.sso_connection_enabled)).toEqual([
      expect.objectContaining({ id: 'conn_1@COMPLETED@true', connection_id: 'conn_1', provider: 'OKTA', organization_id: 'org_1' }),
    ]);
    expect(scope.isDone()).toBe(true);
  });

  it('list_roles offers each role by its name, which is what a membership takes', async () => {
    scalekit()
      .get('/api/v1/roles')
      .once()
      .reply(200, {
        roles: [
          { name: 'admin', display_name: 'Admin' },
          { name: 'member', display_name: 'Member' },
        ],
      });
    expect(await run(App.triggers.list_roles)).toEqual([
      expect.objectContaining({ id: 'admin', label: 'Admin' }),
      expect.objectContaining({ id: 'member', label: 'Member' }),
    ]);
  });
});

describe('searches', () => {
  it('find_organization finds by external ID with the list filter, exact matches only', async () => {
    const scope = scalekit()
      .get('/api/v1/organizations')
      .query({ external_id: 'CRM-1', page_size: '100' })
      .once()
      .reply(200, { organizations: [organization('org_1', 'Acme', '2025-01-01T00:00:00Z', 'CRM-1')], next_page_token: '' });
    expect(await run(App.searches.find_organization, { external_id: 'CRM-1' })).toMatchObject([{ id: 'org_1', external_id: 'CRM-1' }]);
    expect(scope.isDone()).toBe(true);
  });

  it("find_user searches by email and keeps the exact one; by ID reads the user; Scalekit's 404 finds nothing", async () => {
    const scope = scalekit()
      .get('/api/v1/users:search')
      .query({ query: 'pat@acme.example', page_size: '30' })
      .once()
      .reply(200, {
        users: [
          { id: 'usr_2', email: 'pat@acme.example.org' },
          { id: 'usr_1', email: 'Pat@Acme.example' },
        ],
        next_page_token: '',
      })
      .get('/api/v1/users/usr_1')
      .once()
      .reply(200, { user: { id: 'usr_1', email: 'pat@acme.example' } })
      .get('/api/v1/users/usr_9')
      .once()
      .reply(404, { code: 5, message: 'user not found', details: [{ error_code: 'NOT_FOUND' }] });
    expect(await run<{ id: string }[]>(App.searches.find_user, { email: 'pat@acme.example' })).toMatchObject([{ id: 'usr_1' }]);
    expect(await run(App.searches.find_user, { id: 'usr_1' })).toMatchObject([{ id: 'usr_1' }]);
    expect(await run(App.searches.find_user, { id: 'usr_9' })).toEqual([]);
    expect(scope.isDone()).toBe(true);
  });
});

describe('creates', () => {
  it('create_organization posts the fields at the top level and names a refused field by its label', async () => {
    const scope = scalekit()
      .matchHeader('content-type', 'application/json')
      .post('/api/v1/organizations', { display_name: 'Acme Corp', external_id: 'CRM-9' })
      .once()
      .reply(200, { organization: organization('org_9', 'Acme Corp', '2025-01-01T00:00:00Z', 'CRM-9') })
      .post('/api/v1/organizations', { display_name: 'Twin', external_id: 'CRM-9' })
      .once()
      .reply(409, { code: 6, message: 'organization with external id CRM-9 already exists', details: [{ error_code: 'ALREADY_EXISTS' }] });
    expect(await run(App.creates.create_organization, { display_name: 'Acme Corp', external_id: 'CRM-9' })).toMatchObject({ id: 'org_9' });
    const error = errorBodyOf(await rejectionOf(run(App.creates.create_organization, { display_name: 'Twin', external_id: 'CRM-9' })));
    expect(error).toMatchObject({ code: 'ValidationError', status: 409 });
    expect(error.message).toBe(
      'Scalekit says: organization with external id CRM-9 already exists. Use a different value, or change the existing record instead of creating another.',
    );
    expect(scope.isDone()).toBe(true);
  });

  it('upsert_organization finds by external ID, then updates only what was filled in', async () => {
    const scope = scalekit()
      .get('/api/v1/organizations')
      .query({ external_id: 'CRM-1', page_size: '100' })
      .once()
      .reply(200, { organizations: [organization('org_1', 'Acme', '2025-01-01T00:00:00Z', 'CRM-1')], next_page_token: '' })
      .patch('/api/v1/organizations/org_1', { display_name: 'Acme Inc', external_id: 'CRM-1' })
      .once()
      .reply(200, { organization: organization('org_1', 'Acme Inc', '2025-01-01T00:00:00Z', 'CRM-1') });
    expect(await run(App.creates.upsert_organization, { display_name: 'Acme Inc', external_id: 'CRM-1' })).toMatchObject({
      id: 'org_1',
      upsert_action: 'updated',
    });
    expect(scope.isDone()).toBe(true);
  });

  it('invite_organization_user sends the profile and the role nested, and asks Scalekit to email the invitation', async () => {
    const scope = scalekit()
      .post('/api/v1/organizations/org_1/users', {
        email: 'pat@acme.example',
        user_profile: { given_name: 'Pat', family_name: 'Example' },
        membership: { roles: [{ name: 'admin' }] },
      })
      .query({ send_invitation_email: 'true' })
      .once()
      .reply(200, {
        user: { id: 'usr_1', email: 'pat@acme.example', memberships: [{ organization_id: 'org_1', membership_status: 'PENDING_INVITE' }] },
      });
    const invited = await run(App.creates.invite_organization_user, {
      organization_id: 'org_1',
      email: 'pat@acme.example',
      given_name: 'Pat',
      family_name: 'Example',
      role: 'admin',
    });
    expect(invited).toMatchObject({ id: 'usr_1', memberships: [{ membership_status: 'PENDING_INVITE' }] });
    expect(scope.isDone()).toBe(true);
  });

  it('update_membership_roles sets the roles as [{name}] on the membership, and remove_organization_user deletes it', async () => {
    const scope = scalekit()
      .patch('/api/v1/memberships/organizations/org_1/users/usr_1', { roles: [{ name: 'admin' }, { name: 'member' }] })
      .once()
      .reply(200, { user: { id: 'usr_1', email: 'pat@acme.example' } })
      .delete('/api/v1/memberships/organizations/org_1/users/usr_1')
      .once()
      .reply(200, {});
    expect(
      await run(App.creates.update_membership_roles, { organization_id: 'org_1', id: 'usr_1', roles: ['admin', 'member'] }),
    ).toMatchObject({
      id: 'usr_1',
    });
    expect(await run(App.creates.remove_organization_user, { organization_id: 'org_1', id: 'usr_1' })).toEqual({
      id: 'usr_1',
      deleted: true,
    });
    expect(scope.isDone()).toBe(true);
  });

  it('never sends the token to another host than the environment', async () => {
    const elsewhere = nock('https://files.example.test', { badheaders: ['authorization'] })
      .get('/logo.png')
      .once()
      .reply(200, 'png');
    await appTester((z: ZObject) => z.request({ url: 'https://files.example.test/logo.png', raw: true }), connected());
    expect(elsewhere.isDone()).toBe(true);
  });
});
