/** Matches `/api/v1/...` requests to their route and runs it; errors become gRPC Status bodies. */
import type { Env, RouteSpec } from './api-context.js';
import { ApiError, grpcBody } from './grpc-errors.js';
import { parseBody } from './request-fields.js';
import { connectionAndRoleRoutes } from './routes/connections-and-roles.js';
import { membershipRoutes } from './routes/memberships.js';
import { organizationRoutes } from './routes/organizations.js';
import { userRoutes } from './routes/users.js';

export interface JsonReply {
  status: number;
  body: unknown;
}

interface CompiledRoute {
  spec: RouteSpec;
  pattern: RegExp;
}

function compile(spec: RouteSpec): CompiledRoute {
  const source = spec.path
    .split(/(\{[a-z_]+\})/)
    .map((part) => (part.startsWith('{') ? '([^/]*?)' : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
    .join('');
  return { spec, pattern: new RegExp(`^${source}$`) };
}

const ROUTES = [...organizationRoutes, ...userRoutes, ...membershipRoutes, ...connectionAndRoleRoutes].map(compile);

function decodeParam(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new ApiError('INVALID_ARGUMENT', `malformed path parameter ${raw}`);
  }
}

function run(method: string, path: string, query: URLSearchParams, rawBody: string, env: Env): JsonReply {
  // Clients may percent-encode the ':' of custom verbs (`organizations%3Aexternal`, `%3Aenable`).
  const normalized = path.replace(/%3A/gi, ':');
  for (const { spec, pattern } of ROUTES) {
    const match = spec.method === method ? pattern.exec(normalized) : null;
    if (match === null) continue;
    const params = match.slice(1).map(decodeParam);
    const body = spec.handle({ params, query, body: () => parseBody(rawBody) }, env);
    return { status: spec.creates === true ? env.switches.createStatus : 200, body };
  }
  // grpc-gateway's answer for a path no route binds.
  return { status: 404, body: { code: 5, message: 'Not Found', details: [] } };
}

export function dispatchApi(method: string, path: string, query: URLSearchParams, rawBody: string, env: Env): JsonReply {
  try {
    return run(method, path, query, rawBody, env);
  } catch (error) {
    if (error instanceof ApiError) return { status: error.httpStatus, body: grpcBody(error.grpc, error.message, error.violations) };
    throw error;
  }
}
