/** §3.2 Memberships: change a member's roles (and metadata), remove a member from an organization. */
import { param, type ApiRequest, type Env, type RouteSpec } from '../api-context.js';
import { notFound } from '../grpc-errors.js';
import { findOrganization, findUser, requireRoles } from '../lookups.js';
import { metadataField, roleNamesField } from '../request-fields.js';
import type { MembershipRecord, UserRecord } from '../state.js';
import { userView } from '../views.js';

function findMembership(request: ApiRequest, env: Env): { user: UserRecord; membership: MembershipRecord } {
  const org = findOrganization(env, param(request, 0));
  const user = findUser(env, param(request, 1));
  const membership = user.memberships.find((candidate) => candidate.organizationId === org.id);
  if (membership === undefined) throw notFound('membership');
  return { user, membership };
}

const updateMembership: RouteSpec = {
  method: 'PATCH',
  path: '/api/v1/memberships/organizations/{organization_id}/users/{id}',
  handle(request, env) {
    const { user, membership } = findMembership(request, env);
    const body = request.body();
    const roles = roleNamesField(body);
    if (roles !== undefined) requireRoles(env, roles);
    const metadata = metadataField(body, 'metadata', 20);
    if (roles !== undefined) membership.roles = roles;
    if (metadata !== undefined) membership.metadata = metadata;
    user.updateTime = env.clock.now();
    return { user: userView(user, env.state) };
  },
};

/** The user stays in the environment even with no membership left (the doc contradicts itself). */
const deleteMembership: RouteSpec = {
  method: 'DELETE',
  path: '/api/v1/memberships/organizations/{organization_id}/users/{id}',
  handle(request, env) {
    const { user, membership } = findMembership(request, env);
    user.memberships = user.memberships.filter((candidate) => candidate !== membership);
    user.updateTime = env.clock.now();
    return {};
  },
};

export const membershipRoutes: RouteSpec[] = [updateMembership, deleteMembership];
