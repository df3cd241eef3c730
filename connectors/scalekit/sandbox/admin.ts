/** The admin HTTP API under /__admin (JSON in and out; loopback only, no auth, never logged or faulted). */
import type { Controls } from './controls.js';
import { FAULT_KINDS, type FaultSpec } from './faults.js';
import type { RawReply } from './oauth.js';
import { isObject, parseBody, type JsonObject } from './request-fields.js';
import { DEFAULT_LIFETIME_SECONDS } from './tokens.js';

/** Every admin route; GET /__admin answers this list. */
const ADMIN_ROUTES = [
  'GET    /__admin                         this list',
  'GET    /__admin/seed                    seed facts: credentials and named ids',
  'POST   /__admin/reset                   back to the seed; clears faults, log, clock offset, tokens, switches',
  'GET    /__admin/faults                  active faults',
  'POST   /__admin/faults  {kind: status|rate_limit|html_error|malformed_json|slow|drop, match?: {method?, path?, pathPattern?}, times?, status?, message?, retryAfterSeconds?, ms?}',
  'DELETE /__admin/faults                  clear all faults',
  'GET    /__admin/log[?method=&path=]     {count, entries: [{method, path, query, status, fault?}]}',
  'DELETE /__admin/log                     clear the log',
  'GET    /__admin/clock                   {now}',
  'POST   /__admin/clock/advance {seconds} {now}',
  'GET    /__admin/tokens                  {lifetimeSeconds, overflowExpiresInOnce}',
  'POST   /__admin/tokens {lifetimeSeconds?: number|null, overflowExpiresInOnce?: boolean}   null = back to 86399',
  'POST   /__admin/tokens/revoke           every issued token stops working',
  'GET    /__admin/switches                {createStatus, trailingPageToken}',
  'POST   /__admin/switches {createStatus?: 200|201, trailingPageToken?: boolean}',
];

class AdminError extends Error {}

const json = (status: number, body: unknown): RawReply => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});
const done = (): RawReply => ({ status: 204, headers: {}, body: '' });

function optionalNumber(body: JsonObject, name: string): number | undefined {
  const value = body[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new AdminError(`${name} must be a number`);
  return value;
}

/** A fault from JSON: `match.path` is a substring, `match.pathPattern` a regular expression. */
function faultFromJson(body: JsonObject): FaultSpec {
  const kind = FAULT_KINDS.find((candidate) => candidate === body['kind']);
  if (kind === undefined) throw new AdminError(`kind must be one of ${FAULT_KINDS.join(', ')}`);
  const match = isObject(body['match']) ? body['match'] : {};
  const path = typeof match['pathPattern'] === 'string' ? new RegExp(match['pathPattern']) : match['path'];
  const numbers = Object.fromEntries(
    (['times', 'status', 'retryAfterSeconds', 'ms'] as const).flatMap((name) => {
      const value = optionalNumber(body, name);
      return value === undefined ? [] : [[name, value]];
    }),
  );
  return {
    kind,
    match: {
      ...(typeof match['method'] === 'string' ? { method: match['method'] } : {}),
      ...(typeof path === 'string' || path instanceof RegExp ? { path } : {}),
    },
    ...(typeof body['message'] === 'string' ? { message: body['message'] } : {}),
    ...numbers,
  };
}

function updateTokens(controls: Controls, body: JsonObject): void {
  const lifetime = body['lifetimeSeconds'];
  if (lifetime === null) controls.tokens.lifetimeSeconds = DEFAULT_LIFETIME_SECONDS;
  else if (lifetime !== undefined) {
    if (typeof lifetime !== 'number' || !Number.isInteger(lifetime) || lifetime < 1)
      throw new AdminError('lifetimeSeconds must be a positive integer or null');
    controls.tokens.lifetimeSeconds = lifetime;
  }
  if (typeof body['overflowExpiresInOnce'] === 'boolean') controls.tokens.overflowNext = body['overflowExpiresInOnce'];
}

function updateSwitches(controls: Controls, body: JsonObject): void {
  const status = body['createStatus'];
  if (status !== undefined) {
    if (status !== 200 && status !== 201) throw new AdminError('createStatus must be 200 or 201');
    controls.env.switches.createStatus = status;
  }
  if (typeof body['trailingPageToken'] === 'boolean') controls.env.switches.trailingPageToken = body['trailingPageToken'];
}

function logReply(controls: Controls, query: URLSearchParams): RawReply {
  const method = query.get('method')?.toUpperCase();
  const path = query.get('path');
  const entries = controls.log.entries().filter((entry) => (!method || entry.method === method) && (!path || entry.path.includes(path)));
  return json(200, { count: entries.length, entries });
}

function route(controls: Controls, method: string, path: string, query: URLSearchParams, body: () => JsonObject): RawReply {
  const now = () => json(200, { now: controls.env.clock.now().toISOString() });
  const tokens = () => json(200, { lifetimeSeconds: controls.tokens.lifetimeSeconds, overflowExpiresInOnce: controls.tokens.overflowNext });
  switch (`${method} ${path.replace(/\/$/, '')}`) {
    case 'GET /__admin':
      return json(200, { routes: ADMIN_ROUTES });
    case 'GET /__admin/seed':
      return json(200, controls.seed);
    case 'POST /__admin/reset':
      controls.reset();
      return done();
    case 'GET /__admin/faults':
      return json(200, {
        faults: controls.faults.active().map((fault) => ({ ...fault, match: { ...fault.match, path: fault.match?.path?.toString() } })),
      });
    case 'POST /__admin/faults':
      controls.faults.set(faultFromJson(body()));
      return done();
    case 'DELETE /__admin/faults':
      controls.faults.clear();
      return done();
    case 'GET /__admin/log':
      return logReply(controls, query);
    case 'DELETE /__admin/log':
      controls.log.reset();
      return done();
    case 'GET /__admin/clock':
      return now();
    case 'POST /__admin/clock/advance': {
      const seconds = body()['seconds'];
      if (typeof seconds !== 'number' || !Number.isFinite(seconds)) throw new AdminError('seconds must be a number');
      controls.env.clock.advance(seconds);
      return now();
    }
    case 'GET /__admin/tokens':
      return tokens();
    case 'POST /__admin/tokens':
      updateTokens(controls, body());
      return tokens();
    case 'POST /__admin/tokens/revoke':
      controls.tokens.revokeAll();
      return done();
    case 'GET /__admin/switches':
      return json(200, controls.env.switches);
    case 'POST /__admin/switches':
      updateSwitches(controls, body());
      return json(200, controls.env.switches);
  }
  return json(404, { error: `no admin route ${method} ${path}; GET /__admin lists them` });
}

export function handleAdmin(controls: Controls, method: string, path: string, query: URLSearchParams, rawBody: string): RawReply {
  try {
    return route(controls, method, path, query, () => parseBody(rawBody));
  } catch (error) {
    // Bad admin input (including a bad JSON body or regex) is the caller's mistake: 400 with the reason.
    return json(400, { error: error instanceof Error ? error.message : 'bad request' });
  }
}
