/** §3.3 SSO connections (list without pagination, enable, disable) and §3.6 environment roles. */
import { param, type Env, type RouteSpec } from '../api-context.js';
import { notFound } from '../grpc-errors.js';
import { findOrganization } from '../lookups.js';
import { byCreateTime, type ConnectionRecord } from '../state.js';
import { connectionView, roleView } from '../views.js';

/** Without include=all only active connections are listed: completed and enabled. */
function listed(connection: ConnectionRecord, query: URLSearchParams): boolean {
  const organizationId = query.get('organization_id');
  const domain = query.get('domain')?.toLowerCase();
  if (organizationId && connection.organizationId !== organizationId) return false;
  if (domain && !connection.domains.some((candidate) => candidate.toLowerCase() === domain)) return false;
  return query.get('include') === 'all' || (connection.enabled && connection.status === 'COMPLETED');
}

const listConnections: RouteSpec = {
  method: 'GET',
  path: '/api/v1/connections',
  handle: (request, env) => ({
    connections: byCreateTime(env.state.connections)
      .filter((connection) => listed(connection, request.query))
      .map((connection) => connectionView(connection, env.state)),
  }),
};

function toggle(enabled: boolean): RouteSpec {
  return {
    method: 'PATCH',
    path: `/api/v1/organizations/{organization_id}/connections/{id}:${enabled ? 'enable' : 'disable'}`,
    handle(request, env: Env) {
      const org = findOrganization(env, param(request, 0));
      const connection = env.state.connections.find(
        (candidate) => candidate.id === param(request, 1) && candidate.organizationId === org.id,
      );
      if (connection === undefined) throw notFound('connection');
      connection.enabled = enabled;
      return { enabled, error_message: '' };
    },
  };
}

const listRoles: RouteSpec = {
  method: 'GET',
  path: '/api/v1/roles',
  handle(request, env) {
    const withPermissions = (request.query.get('include') ?? '').startsWith('permissions');
    return { roles: env.state.roles.map((role) => ({ ...roleView(role), ...(withPermissions ? { permissions: [] } : {}) })) };
  },
};

export const connectionAndRoleRoutes: RouteSpec[] = [listConnections, toggle(true), toggle(false), listRoles];
