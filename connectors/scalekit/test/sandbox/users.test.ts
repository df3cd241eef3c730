import { describe, expect, it } from '@jest/globals';
import { call, decodePageToken, errorInfo, useSandbox, type ErrorJson, type Paged, type UserJson } from './sandbox-client.js';

const sandbox = useSandbox();

type UserList = Paged & { users: UserJson[] };
interface UserReply {
  user: UserJson;
}

const acmeUsers = () => `/api/v1/organizations/${sandbox().seed.organizations.acme}/users`;
const membershipPath = (org: string, user: string) => `/api/v1/memberships/organizations/${org}/users/${user}`;

describe('users in an organization', () => {
  it('lists the members ascending, with their memberships and invitation status', async () => {
    const answer = await call<UserList>(sandbox(), 'GET', acmeUsers());
    expect(answer.status).toBe(200);
    const { alice, bob, carol } = sandbox().seed.users;
    expect(answer.body.users.map((user) => user.id)).toEqual([alice, bob, carol]);
    expect(answer.body).toMatchObject({ next_page_token: '', prev_page_token: '', total_size: 3 });
    const [first, second] = answer.body.users;
    expect(first).toMatchObject({ email: 'alice@acme.test', external_id: 'EXT-ALICE', environment_id: sandbox().seed.environmentId });
    expect(first?.memberships[0]).toMatchObject({
      membership_status: 'ACTIVE',
      roles: [{ id: sandbox().seed.roles.admin, name: 'admin', display_name: 'Admin' }],
    });
    expect(second?.memberships[0]).toMatchObject({ membership_status: 'PENDING_INVITE', inviter_email: 'alice@acme.test' });
    expect(second?.memberships[0]).not.toHaveProperty('join_time');
    expect(second).not.toHaveProperty('external_id');
  });

  it('pages members with page_size from 1, and 404s for an unknown organization', async () => {
    const page = await call<UserList>(sandbox(), 'GET', `${acmeUsers()}?page_size=2`);
    expect(page.body.users).toHaveLength(2);
    expect(decodePageToken(page.body.next_page_token)).toEqual({ page: 2 });
    const rest = await call<UserList>(sandbox(), 'GET', `${acmeUsers()}?page_size=2&page_token=${page.body.next_page_token}`);
    expect(rest.body.users.map((user) => user.id)).toEqual([sandbox().seed.users.carol]);
    // A page that ends exactly at the last member is the last page.
    const exact = await call<UserList>(sandbox(), 'GET', `${acmeUsers()}?page_size=3`);
    expect(exact.body).toMatchObject({ next_page_token: '', total_size: 3 });
    expect((await call(sandbox(), 'GET', `${acmeUsers()}?page_size=101`)).status).toBe(400);
    const missing = await call<ErrorJson>(sandbox(), 'GET', '/api/v1/organizations/org_11111111111111111/users');
    expect(missing.status).toBe(404);
    expect(missing.body.details).toEqual([errorInfo('NOT_FOUND')]);
  });

  it('creates an invited user (the default): PENDING_INVITE with invite times', async () => {
    const created = await call<UserReply>(sandbox(), 'POST', acmeUsers(), {
      body: {
        email: 'dave@acme.test',
        external_id: 'EXT-DAVE',
        user_profile: { given_name: 'Dave', family_name: 'Doe' },
        membership: { roles: [{ name: 'admin' }], inviter_email: 'alice@acme.test', metadata: { team: 'ops' } },
      },
    });
    expect(created.status).toBe(200);
    const user = created.body.user;
    expect(user.id).toMatch(/^usr_\d{17}$/);
    expect(user).toMatchObject({ email: 'dave@acme.test', external_id: 'EXT-DAVE', metadata: {} });
    expect(user.user_profile).toMatchObject({ given_name: 'Dave', family_name: 'Doe', name: 'Dave Doe' });
    expect(user.memberships).toHaveLength(1);
    const membership = user.memberships[0];
    expect(membership).toMatchObject({
      organization_id: sandbox().seed.organizations.acme,
      membership_status: 'PENDING_INVITE',
      inviter_email: 'alice@acme.test',
      metadata: { team: 'ops' },
    });
    expect(membership?.roles.map((role) => role.name)).toEqual(['admin']);
    expect(Date.parse(membership?.expires_at ?? '')).toBeGreaterThan(Date.parse(membership?.created_at ?? ''));
    const listed = await call<UserList>(sandbox(), 'GET', acmeUsers());
    expect(listed.body.users.at(-1)?.id).toBe(user.id);
  });

  it('creates an active member with send_invitation_email=false, and the default member role', async () => {
    const created = await call<UserReply>(sandbox(), 'POST', `${acmeUsers()}?send_invitation_email=false`, {
      body: { email: 'erin@acme.test' },
    });
    const membership = created.body.user.memberships[0];
    expect(membership?.membership_status).toBe('ACTIVE');
    expect(membership?.join_time).toBeDefined();
    expect(membership?.roles.map((role) => role.name)).toEqual(['member']);
    const invited = await call<UserReply>(sandbox(), 'POST', `${acmeUsers()}?send_invitation_email=true`, {
      body: { email: 'finn@acme.test' },
    });
    expect(invited.body.user.memberships[0]?.membership_status).toBe('PENDING_INVITE');
  });

  it('keeps email unique (case-insensitively) with 409, and checks email and roles', async () => {
    const duplicate = await call<ErrorJson>(sandbox(), 'POST', acmeUsers(), { body: { email: 'ALICE@acme.test' } });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({ code: 6, details: [errorInfo('ALREADY_EXISTS')] });
    const noEmail = await call<ErrorJson>(sandbox(), 'POST', acmeUsers(), { body: {} });
    expect(noEmail.status).toBe(400);
    expect(noEmail.body.details[0]?.validation_error_info?.field_violations[0]).toMatchObject({
      field: 'email',
      constraint: 'string.min_len',
    });
    const badEmail = await call<ErrorJson>(sandbox(), 'POST', acmeUsers(), { body: { email: 'not-an-email' } });
    expect(badEmail.body.details[0]?.validation_error_info?.field_violations[0]).toMatchObject({
      field: 'email',
      constraint: 'string.email',
    });
    const badRole = await call<ErrorJson>(sandbox(), 'POST', acmeUsers(), {
      body: { email: 'g@acme.test', membership: { roles: [{ name: 'owner' }] } },
    });
    expect(badRole.status).toBe(404);
    expect(badRole.body).toEqual({ code: 5, message: 'role owner not found', details: [errorInfo('NOT_FOUND')] });
    const sameExternal = await call(sandbox(), 'POST', acmeUsers(), { body: { email: 'h@acme.test', external_id: 'EXT-ALICE' } });
    expect(sameExternal.status).toBe(409);
    expect((await call<UserList>(sandbox(), 'GET', acmeUsers())).body.total_size).toBe(3);
  });
});

describe('users in the environment', () => {
  it('gets a user by id and by external id, 404 on a miss', async () => {
    const byId = await call<UserReply>(sandbox(), 'GET', `/api/v1/users/${sandbox().seed.users.carol}`);
    expect(byId.body.user.memberships.map((membership) => membership.organization_id)).toEqual([
      sandbox().seed.organizations.globex,
      sandbox().seed.organizations.acme,
    ]);
    const byExternal = await call<UserReply>(sandbox(), 'GET', '/api/v1/users:external/EXT-ALICE');
    expect(byExternal.body.user.id).toBe(sandbox().seed.users.alice);
    expect((await call(sandbox(), 'GET', '/api/v1/users:external/nobody')).status).toBe(404);
    expect((await call(sandbox(), 'GET', '/api/v1/users/usr_00000000000000000')).status).toBe(404);
  });

  it('lists every user of the environment', async () => {
    const answer = await call<UserList>(sandbox(), 'GET', '/api/v1/users?page_size=10');
    expect(answer.body.total_size).toBe(3);
  });

  it('searches email, id and external id case-insensitively, in part', async () => {
    const search = async (query: string) =>
      (await call<UserList>(sandbox(), 'GET', `/api/v1/users:search?query=${encodeURIComponent(query)}`)).body.users.map(
        (user) => user.email,
      );
    expect(await search('ACME.test')).toEqual(['alice@acme.test', 'bob@acme.test']);
    expect(await search('ext-alice')).toEqual(['alice@acme.test']);
    expect(await search(sandbox().seed.users.carol)).toEqual(['carol@globex.test']);
    expect(await search('zzz')).toEqual([]);
  });

  it.each([
    ['ab', 'string.min_len'],
    ['', 'string.min_len'],
    ['a'.repeat(101), 'string.max_len'],
  ])('refuses query %j with 400 (%s)', async (query, constraint) => {
    const answer = await call<ErrorJson>(sandbox(), 'GET', `/api/v1/users:search?query=${query}`);
    expect(answer.status).toBe(400);
    expect(answer.body.details[0]?.validation_error_info?.field_violations).toEqual([
      { field: 'query', constraint, description: expect.any(String) },
    ]);
  });

  it('accepts a 3 and a 100 character query, and a page_size up to 30 only', async () => {
    expect((await call(sandbox(), 'GET', '/api/v1/users:search?query=bob')).status).toBe(200);
    expect((await call(sandbox(), 'GET', `/api/v1/users:search?query=${'a'.repeat(100)}`)).status).toBe(200);
    expect((await call(sandbox(), 'GET', '/api/v1/users:search?query=bob&page_size=30')).status).toBe(200);
    expect((await call(sandbox(), 'GET', '/api/v1/users:search?query=bob&page_size=31')).status).toBe(400);
  });
});

describe('memberships', () => {
  it('changes a member’s roles and answers the user', async () => {
    const { acme } = sandbox().seed.organizations;
    const answer = await call<UserReply>(sandbox(), 'PATCH', membershipPath(acme, sandbox().seed.users.carol), {
      body: { roles: [{ name: 'admin' }] },
    });
    expect(answer.status).toBe(200);
    const membership = answer.body.user.memberships.find((candidate) => candidate.organization_id === acme);
    expect(membership?.roles.map((role) => role.name)).toEqual(['admin']);
    // The other organization's membership is untouched.
    expect(answer.body.user.memberships.find((candidate) => candidate.organization_id !== acme)?.roles.map((role) => role.name)).toEqual([
      'member',
    ]);
  });

  it('refuses an unknown role (404) without changing anything, and a non-member (404)', async () => {
    const { acme, initech } = sandbox().seed.organizations;
    const bad = await call<ErrorJson>(sandbox(), 'PATCH', membershipPath(acme, sandbox().seed.users.alice), {
      body: { roles: [{ name: 'root' }] },
    });
    expect(bad.status).toBe(404);
    expect(bad.body.message).toBe('role root not found');
    const alice = await call<UserReply>(sandbox(), 'GET', `/api/v1/users/${sandbox().seed.users.alice}`);
    expect(alice.body.user.memberships[0]?.roles.map((role) => role.name)).toEqual(['admin']);
    const outsider = await call<ErrorJson>(sandbox(), 'PATCH', membershipPath(initech, sandbox().seed.users.alice), {
      body: { roles: [{ name: 'member' }] },
    });
    expect(outsider.status).toBe(404);
    expect(outsider.body.message).toBe('membership not found');
  });

  it('removes a member: 200 {}, gone from the org list, the user remains', async () => {
    const { acme } = sandbox().seed.organizations;
    const { bob } = sandbox().seed.users;
    const removed = await call(sandbox(), 'DELETE', membershipPath(acme, bob));
    expect(removed.status).toBe(200);
    expect(removed.body).toEqual({});
    expect((await call<UserList>(sandbox(), 'GET', acmeUsers())).body.users.map((user) => user.id)).not.toContain(bob);
    const user = await call<UserReply>(sandbox(), 'GET', `/api/v1/users/${bob}`);
    expect(user.body.user.memberships).toEqual([]);
    expect((await call(sandbox(), 'DELETE', membershipPath(acme, bob))).status).toBe(404);
  });
});
