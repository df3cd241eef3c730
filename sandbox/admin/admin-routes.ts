import { emptyResponse, jsonResponse, type SandboxRequest, type SandboxResponse } from '../http/types.js';
import { isJsonObject, parseJson, scalarText, type JsonObject } from '../json.js';
import type { Services } from '../services.js';
import { FAULT_KINDS, type FaultSpec } from '../faults.js';
import { SEED } from '../seed/seed-facts.js';
import { NON_SERVICE_USER_TYPES, ROLES, type Role, type UserType } from '../store.js';
import { AdminError, type Admin } from './admin.js';

/** Every admin route, also served at GET /__admin as a self-description. */
const ADMIN_ROUTES = [
  'GET    /__admin                                   this list',
  'GET    /__admin/seed                              the seed facts (ids, credentials)',
  'POST   /__admin/reset                             back to the seed; clears log, faults, clock offset',
  'POST   /__admin/service-users   {name,email,role[,accountSlug]}  -> 201 {userId}',
  'POST   /__admin/credentials     {userId,name}     -> 201 {clientId,clientSecret}',
  'POST   /__admin/credentials/:clientId/rotate      -> 200 {clientSecret}',
  'DELETE /__admin/credentials/:clientId             -> 204',
  'POST   /__admin/users/:userId/user-type {userType: licensed|sales|view_only} -> 204',
  'POST   /__admin/users/:userId/role      {role: admin|read_only}              -> 204',
  'GET    /__admin/faults                            active faults',
  'POST   /__admin/faults  {kind,match:{method,path|pathPattern},times,retryAfterSeconds,status,ms} -> 204',
  'DELETE /__admin/faults                            -> 204',
  'GET    /__admin/log[?method=GET&path=/clients]    {count,entries}',
  'DELETE /__admin/log                               -> 204',
  'GET    /__admin/clock                             {now}',
  'POST   /__admin/clock/advance {seconds}           {now}',
  'POST   /__admin/clock/reset                       {now}',
];

function bodyOf(request: SandboxRequest): JsonObject {
  if (request.body.length === 0) return {};
  const body = parseJson(request.body.toString('utf8'));
  if (!isJsonObject(body)) throw new AdminError(400, 'the body must be a JSON object');
  return body;
}

function roleFrom(value: unknown): Role {
  const role = ROLES.find((candidate) => candidate === value);
  if (role === undefined) throw new AdminError(400, `role must be one of ${ROLES.join(', ')}`);
  return role;
}

function userTypeFrom(value: unknown): Exclude<UserType, 'service'> {
  const userType = NON_SERVICE_USER_TYPES.find((candidate) => candidate === value);
  if (userType === undefined || userType === 'service')
    throw new AdminError(400, `userType must be one of ${NON_SERVICE_USER_TYPES.join(', ')}`);
  return userType;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new AdminError(400, `malformed path segment ${segment}`);
  }
}

const optionalNumber = (value: unknown, field: string): number | undefined => {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number') throw new AdminError(400, `${field} must be a number`);
  return value;
};

/** A fault from JSON: `match.path` is a substring, `match.pathPattern` a regular expression. */
function faultFromJson(body: JsonObject): FaultSpec {
  const kind = FAULT_KINDS.find((candidate) => candidate === body['kind']);
  if (kind === undefined) throw new AdminError(400, `kind must be one of ${FAULT_KINDS.join(', ')}`);
  const fault: FaultSpec = { kind };
  const match = body['match'];
  if (isJsonObject(match)) {
    fault.match = {};
    if (typeof match['method'] === 'string') fault.match.method = match['method'];
    if (typeof match['path'] === 'string') fault.match.path = match['path'];
    if (typeof match['pathPattern'] === 'string') fault.match.path = new RegExp(match['pathPattern']);
  }
  const times = optionalNumber(body['times'], 'times');
  const retryAfterSeconds = optionalNumber(body['retryAfterSeconds'], 'retryAfterSeconds');
  const status = optionalNumber(body['status'], 'status');
  const ms = optionalNumber(body['ms'], 'ms');
  return {
    ...fault,
    ...(times === undefined ? {} : { times }),
    ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
    ...(status === undefined ? {} : { status }),
    ...(ms === undefined ? {} : { ms }),
  };
}

function route(request: SandboxRequest, admin: Admin, services: Services): SandboxResponse {
  const parts = request.url.pathname
    .split('/')
    .filter((part) => part !== '')
    .slice(1)
    .map(decodeSegment);
  const [first, second, third] = parts;
  const method = request.method;
  const key = `${method} ${parts.length}:${first ?? ''}`;
  const body = () => bodyOf(request);
  const clock = () => jsonResponse(200, { now: services.clock.now().toISOString() });

  switch (key) {
    case 'GET 0:':
      return jsonResponse(200, { routes: ADMIN_ROUTES });
    case 'GET 1:seed':
      return jsonResponse(200, SEED);
    case 'POST 1:reset':
      admin.reset();
      return emptyResponse(204);
    case 'POST 1:service-users': {
      const input = body();
      const role = input['role'];
      return jsonResponse(
        201,
        admin.createServiceUser({
          name: scalarText(input['name']) ?? '',
          email: scalarText(input['email']) ?? '',
          role: roleFrom(role),
          ...(typeof input['accountSlug'] === 'string' ? { accountSlug: input['accountSlug'] } : {}),
        }),
      );
    }
    case 'POST 1:credentials': {
      const input = body();
      return jsonResponse(201, admin.createCredential(scalarText(input['userId']) ?? '', scalarText(input['name']) ?? ''));
    }
    case 'POST 3:credentials':
      if (third === 'rotate' && second !== undefined) return jsonResponse(200, admin.rotateSecret(second));
      break;
    case 'DELETE 2:credentials':
      if (second !== undefined) {
        admin.deleteCredential(second);
        return emptyResponse(204);
      }
      break;
    case 'POST 3:users': {
      const input = body();
      if (second !== undefined && third === 'user-type') {
        admin.changeUserType(second, userTypeFrom(input['userType']));
        return emptyResponse(204);
      }
      if (second !== undefined && third === 'role') {
        admin.setRole(second, roleFrom(input['role']));
        return emptyResponse(204);
      }
      break;
    }
    case 'GET 1:faults':
      return jsonResponse(200, {
        faults: services.faults.active().map((fault) => ({
          ...fault,
          match: fault.match === undefined ? undefined : { ...fault.match, path: fault.match.path?.toString() },
        })),
      });
    case 'POST 1:faults':
      services.faults.set(faultFromJson(body()));
      return emptyResponse(204);
    case 'DELETE 1:faults':
      services.faults.clear();
      return emptyResponse(204);
    case 'GET 1:log': {
      const method = request.url.searchParams.get('method') ?? undefined;
      const path = request.url.searchParams.get('path') ?? undefined;
      const entries = services.log
        .entries()
        .filter(
          (entry) => (method === undefined || entry.method === method.toUpperCase()) && (path === undefined || entry.path.includes(path)),
        );
      return jsonResponse(200, { count: entries.length, entries });
    }
    case 'DELETE 1:log':
      services.log.reset();
      return emptyResponse(204);
    case 'GET 1:clock':
      return clock();
    case 'POST 2:clock':
      if (second === 'advance') {
        const seconds = body()['seconds'];
        if (typeof seconds !== 'number') throw new AdminError(400, 'seconds must be a number');
        services.clock.advance(seconds);
        return clock();
      }
      if (second === 'reset') {
        services.clock.reset();
        return clock();
      }
      break;
  }
  throw new AdminError(404, `no admin route ${method} ${request.url.pathname}; GET /__admin lists them`);
}

/** The HTTP admin API (JSON in, JSON out; loopback only, no auth). Never logged, never faulted. */
export function handleAdmin(request: SandboxRequest, admin: Admin, services: Services): SandboxResponse {
  try {
    return route(request, admin, services);
  } catch (error) {
    if (error instanceof AdminError) return jsonResponse(error.status, { error: error.message });
    if (error instanceof Error) return jsonResponse(400, { error: error.message });
    throw error;
  }
}
