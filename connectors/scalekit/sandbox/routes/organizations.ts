/** §3.1 Organizations: list (with the external_id filter), get, get by external id, create, update, delete. */
import { param, type Env, type RouteSpec } from '../api-context.js';
import { alreadyExists, ApiError } from '../grpc-errors.js';
import { findOrganization } from '../lookups.js';
import { paginate } from '../paging.js';
import { has, metadataField, requiredString, stringField, type JsonObject } from '../request-fields.js';
import { byCreateTime, type OrganizationRecord } from '../state.js';
import { newId } from '../ids.js';
import { organizationView } from '../views.js';

const ORG_METADATA_PAIRS = 10;

function requireUniqueExternalId(env: Env, externalId: string | undefined, selfId?: string): void {
  if (externalId === undefined || externalId === '') return;
  const taken = env.state.organizations.some((org) => org.externalId === externalId && org.id !== selfId);
  if (taken) throw alreadyExists(`organization with external id ${externalId} already exists`);
}

/** `org` with the fields of `body` applied (create and update accept the same ones); "" clears an optional string. */
function edited(org: OrganizationRecord, body: JsonObject): OrganizationRecord {
  const optional = (name: string, maxLen: number, current: string | undefined) => {
    const given = stringField(body, name, maxLen);
    return given === undefined ? current : given || undefined;
  };
  const externalId = optional('external_id', 255, org.externalId);
  const slug = optional('slug', 253, org.slug);
  const logoUrl = optional('logo_url', 1024, org.logoUrl);
  return {
    id: org.id,
    createTime: org.createTime,
    updateTime: org.updateTime,
    displayName: has(body, 'display_name') ? requiredString(body, 'display_name', 200) : org.displayName,
    metadata: metadataField(body, 'metadata', ORG_METADATA_PAIRS) ?? { ...org.metadata },
    ...(externalId === undefined ? {} : { externalId }),
    ...(slug === undefined ? {} : { slug }),
    ...(logoUrl === undefined ? {} : { logoUrl }),
  };
}

const listOrganizations: RouteSpec = {
  method: 'GET',
  path: '/api/v1/organizations',
  handle(request, env) {
    const externalId = request.query.get('external_id');
    const all = byCreateTime(env.state.organizations).filter((org) => !externalId || org.externalId === externalId);
    const { items, ...paging } = paginate(all, request.query, { min: 10, max: 100 }, env.switches.trailingPageToken);
    return { organizations: items.map(organizationView), ...paging };
  },
};

const getOrganization: RouteSpec = {
  method: 'GET',
  path: '/api/v1/organizations/{id}',
  handle: (request, env) => ({ organization: organizationView(findOrganization(env, param(request, 0))) }),
};

const getByExternalId: RouteSpec = {
  method: 'GET',
  path: '/api/v1/organizations:external/{external_id}',
  handle(request, env) {
    const externalId = param(request, 0);
    // The doc: also sending ?id= makes the real API fail with this message.
    if (externalId === '' || request.query.has('id')) throw new ApiError('INVALID_ARGUMENT', 'ExternalId is required');
    const org = env.state.organizations.find((candidate) => candidate.externalId === externalId);
    if (org === undefined) throw new ApiError('NOT_FOUND', 'organization not found');
    return { organization: organizationView(org) };
  },
};

const createOrganization: RouteSpec = {
  method: 'POST',
  path: '/api/v1/organizations',
  creates: true,
  handle(request, env) {
    const body = request.body();
    const now = env.clock.now();
    requiredString(body, 'display_name', 200);
    const org = edited({ id: newId('org_', env.state.ids), createTime: now, updateTime: now, displayName: '', metadata: {} }, body);
    requireUniqueExternalId(env, org.externalId);
    env.state.organizations.push(org);
    return { organization: organizationView(org) };
  },
};

const updateOrganization: RouteSpec = {
  method: 'PATCH',
  path: '/api/v1/organizations/{id}',
  handle(request, env) {
    const org = findOrganization(env, param(request, 0));
    // A new record, so that a refused update changes nothing.
    const updated = edited(org, request.body());
    requireUniqueExternalId(env, updated.externalId, org.id);
    updated.updateTime = env.clock.now();
    env.state.organizations = env.state.organizations.map((candidate) => (candidate === org ? updated : candidate));
    return { organization: organizationView(updated) };
  },
};

/** Deleting an org also deletes its connections (the doc) and its memberships (inferred). */
const deleteOrganization: RouteSpec = {
  method: 'DELETE',
  path: '/api/v1/organizations/{id}',
  handle(request, env) {
    const org = findOrganization(env, param(request, 0));
    const state = env.state;
    state.organizations = state.organizations.filter((candidate) => candidate !== org);
    state.connections = state.connections.filter((connection) => connection.organizationId !== org.id);
    for (const user of state.users) user.memberships = user.memberships.filter((membership) => membership.organizationId !== org.id);
    return {};
  },
};

export const organizationRoutes: RouteSpec[] = [
  listOrganizations,
  getOrganization,
  getByExternalId,
  createOrganization,
  updateOrganization,
  deleteOrganization,
];
