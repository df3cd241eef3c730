/** Finding records by id, or failing with the API's NOT_FOUND. */
import type { Env } from './api-context.js';
import { notFound } from './grpc-errors.js';
import type { OrganizationRecord, RoleRecord, UserRecord } from './state.js';

export function findOrganization(env: Env, id: string): OrganizationRecord {
  const org = env.state.organizations.find((candidate) => candidate.id === id);
  if (org === undefined) throw notFound('organization');
  return org;
}

export function findUser(env: Env, id: string): UserRecord {
  const user = env.state.users.find((candidate) => candidate.id === id);
  if (user === undefined) throw notFound('user');
  return user;
}

/** Every named role must exist in the environment. */
export function requireRoles(env: Env, names: string[]): RoleRecord[] {
  return names.map((name) => {
    const role = env.state.roles.find((candidate) => candidate.name === name);
    if (role === undefined) throw notFound(`role ${name}`);
    return role;
  });
}

export const defaultMemberRole = (env: Env): string => env.state.roles.find((role) => role.defaultMember)?.name ?? 'member';
