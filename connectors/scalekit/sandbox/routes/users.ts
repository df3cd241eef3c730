/** §3.2 Users: list, search, get, get by external id, and create-in-organization (with the invitation). */
import { param, type Env, type RouteSpec } from '../api-context.js';
import { alreadyExists, ApiError, invalidField } from '../grpc-errors.js';
import { newId } from '../ids.js';
import { defaultMemberRole, findOrganization, findUser, requireRoles } from '../lookups.js';
import { paginate } from '../paging.js';
import { booleanQuery, metadataField, objectField, requiredString, roleNamesField, stringField } from '../request-fields.js';
import { byCreateTime, type MembershipRecord, type UserRecord } from '../state.js';
import { userView } from '../views.js';

const USER_METADATA_PAIRS = 20;
/** How long an invitation stays open: not documented, a guess (see README). */
const INVITE_DAYS = 7;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const sameText = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

const usersPage = (users: UserRecord[], request: { query: URLSearchParams }, env: Env, limits: { min: number; max: number }) => {
  const { items, ...paging } = paginate(byCreateTime(users), request.query, limits, env.switches.trailingPageToken);
  return { users: items.map((user) => userView(user, env.state)), ...paging };
};

const listUsers: RouteSpec = {
  method: 'GET',
  path: '/api/v1/users',
  handle: (request, env) => usersPage(env.state.users, request, env, { min: 10, max: 100 }),
};

/** Case-insensitive partial match on email, id or external id (partial is a guess). */
function matchesQuery(user: UserRecord, query: string): boolean {
  const needle = query.toLowerCase();
  return [user.email, user.id, user.externalId ?? ''].some((text) => text.toLowerCase().includes(needle));
}

const searchUsers: RouteSpec = {
  method: 'GET',
  path: '/api/v1/users:search',
  handle(request, env) {
    const query = request.query.get('query') ?? '';
    if (query.length < 3) throw invalidField('query', 'string.min_len', 'value length must be at least 3 characters');
    if (query.length > 100) throw invalidField('query', 'string.max_len', 'value length must be at most 100 characters');
    const found = env.state.users.filter((user) => matchesQuery(user, query));
    return usersPage(found, request, env, { min: 1, max: 30 });
  },
};

const getUser: RouteSpec = {
  method: 'GET',
  path: '/api/v1/users/{id}',
  handle: (request, env) => ({ user: userView(findUser(env, param(request, 0)), env.state) }),
};

const getUserByExternalId: RouteSpec = {
  method: 'GET',
  path: '/api/v1/users:external/{external_id}',
  handle(request, env) {
    const externalId = param(request, 0);
    const user = env.state.users.find((candidate) => candidate.externalId === externalId);
    if (user === undefined) throw new ApiError('NOT_FOUND', 'user not found');
    return { user: userView(user, env.state) };
  },
};

const listOrganizationUsers: RouteSpec = {
  method: 'GET',
  path: '/api/v1/organizations/{organization_id}/users',
  handle(request, env) {
    const org = findOrganization(env, param(request, 0));
    const members = env.state.users.filter((user) => user.memberships.some((membership) => membership.organizationId === org.id));
    return usersPage(members, request, env, { min: 1, max: 100 });
  },
};

function newMembership(env: Env, organizationId: string, invited: boolean, body: Record<string, unknown>): MembershipRecord {
  const roles = roleNamesField(body) ?? [defaultMemberRole(env)];
  requireRoles(env, roles);
  const now = env.clock.now();
  const common = {
    organizationId,
    roles,
    metadata: metadataField(body, 'metadata', USER_METADATA_PAIRS) ?? {},
    inviterEmail: stringField(body, 'inviter_email', 320) ?? '',
  };
  if (!invited) return { ...common, status: 'ACTIVE', provisioningMethod: 'direct_provision', joinTime: now };
  const expiresAt = new Date(now.getTime() + INVITE_DAYS * 86_400_000);
  return { ...common, status: 'PENDING_INVITE', provisioningMethod: 'invitation', createdAt: now, expiresAt };
}

const createOrganizationUser: RouteSpec = {
  method: 'POST',
  path: '/api/v1/organizations/{organization_id}/users',
  creates: true,
  handle(request, env) {
    const org = findOrganization(env, param(request, 0));
    const invited = booleanQuery(request.query, 'send_invitation_email', true);
    const body = request.body();
    const email = requiredString(body, 'email', 320);
    if (!EMAIL.test(email)) throw invalidField('email', 'string.email', 'value must be a valid email address');
    if (env.state.users.some((user) => sameText(user.email, email))) throw alreadyExists(`user with email ${email} already exists`);
    const externalId = stringField(body, 'external_id', 510) || undefined;
    if (externalId !== undefined && env.state.users.some((user) => user.externalId === externalId)) {
      throw alreadyExists(`user with external id ${externalId} already exists`);
    }
    const profile = objectField(body, 'user_profile') ?? {};
    const givenName = stringField(profile, 'given_name', 255) ?? '';
    const familyName = stringField(profile, 'family_name', 255) ?? '';
    const membership = newMembership(env, org.id, invited, objectField(body, 'membership') ?? {});
    const now = env.clock.now();
    const user: UserRecord = {
      id: newId('usr_', env.state.ids),
      profileId: newId('usp_', env.state.ids),
      createTime: now,
      updateTime: now,
      email,
      metadata: metadataField(body, 'metadata', USER_METADATA_PAIRS) ?? {},
      givenName,
      familyName,
      name: stringField(profile, 'name', 255) ?? `${givenName} ${familyName}`.trim(),
      memberships: [membership],
      ...(externalId === undefined ? {} : { externalId }),
    };
    env.state.users.push(user);
    return { user: userView(user, env.state) };
  },
};

export const userRoutes: RouteSpec[] = [
  listUsers,
  searchUsers,
  getUser,
  getUserByExternalId,
  listOrganizationUsers,
  createOrganizationUser,
];
