import { emptyResponse, header, jsonResponse, type SandboxRequest, type SandboxResponse } from '../http/types.js';
import type { Services } from '../services.js';
import { scalarText, type JsonObject } from '../json.js';
import { resourceDef } from '../resources/catalog.js';
import { canWrite } from '../resources/privileges.js';
import { ApiFailure, JSON_API, fail } from '../json-api/errors.js';
import { renderDocument } from '../json-api/render.js';
import { authenticate } from './authenticate.js';
import type { ApiContext, Principal } from './context.js';
import { meDocument } from './me.js';
import { listDocument, relatedDocument, relationshipDocument, showDocument } from './reads.js';
import { createRecord, deleteRecord, updateRecord } from './writes.js';

const mediaTypes = (value: string | undefined) => (value ?? '').split(',').map((part) => (part.split(';')[0] ?? '').trim().toLowerCase());

/** Accept must name application/vnd.api+json; a bare wildcard (star/star) or application/json is refused. */
function requireAccept(request: SandboxRequest): void {
  if (!mediaTypes(header(request, 'accept')).includes(JSON_API)) {
    fail(406, 'Not acceptable', `The Accept header ${JSON_API} is required.`, '406');
  }
}

/** Writes carry a JSON:API body; a charset parameter is tolerated. */
function requireContentType(request: SandboxRequest): void {
  if (mediaTypes(header(request, 'content-type'))[0] !== JSON_API) {
    fail(415, 'Unsupported media type', `The Content-Type header must be ${JSON_API}.`, '415');
  }
}

function noRoute(request: SandboxRequest): never {
  return fail(404, 'Not found', `No route matches [${request.method}] ${request.url.pathname}`, '404');
}

const document = (status: number, body: JsonObject): SandboxResponse => jsonResponse(status, body, JSON_API);

function unscoped(request: SandboxRequest, segments: string[], principal: Principal, services: Services): SandboxResponse {
  if (request.method === 'GET' && segments.length === 2 && segments[1] === 'me') {
    return document(200, meDocument(principal, services.store, request.base));
  }
  if (request.method === 'GET' && segments.length === 3 && segments[1] === 'accounts') {
    const account = services.store.accountBySlug(segments[2] ?? '');
    if (account?.id !== String(principal.identity.accountId)) {
      fail(404, 'Record not found', `No account ${segments[2] ?? ''} is available to this user.`, '404');
    }
    const context = contextFor(request, services, principal, scalarText(account.attributes['slug']) ?? '');
    const def = resourceDef('accounts');
    if (def !== undefined) return document(200, renderDocument(account, def, [], context));
  }
  return noRoute(request);
}

function contextFor(request: SandboxRequest, services: Services, principal: Principal, slug: string): ApiContext {
  return {
    store: services.store,
    clock: services.clock,
    base: request.base,
    accountId: principal.identity.accountId,
    slug,
    principal,
    profile: services.profile,
  };
}

function scoped(request: SandboxRequest, segments: string[], principal: Principal, services: Services): SandboxResponse {
  const [slug = '', , type = '', id, fourth, fifth] = segments;
  const account = services.store.accountBySlug(slug);
  if (account?.id !== String(principal.identity.accountId)) {
    fail(404, 'Record not found', `No account ${slug} is available to this user. Check the account slug (GET /v1/me).`, '404');
  }
  const def = resourceDef(type);
  if (def === undefined) fail(404, 'Not found', `${type} is not a resource of this API.`, '404');
  const context = contextFor(request, services, principal, slug);
  const params = request.url.searchParams;
  const method = request.method;
  const write = method === 'POST' || method === 'PATCH' || method === 'DELETE';
  const allowed =
    (segments.length === 3 && (method === 'GET' || (method === 'POST' && def.operations.create))) ||
    (segments.length === 4 &&
      (method === 'GET' || (method === 'PATCH' && def.operations.update) || (method === 'DELETE' && def.operations.delete))) ||
    (segments.length === 5 && method === 'GET') ||
    (segments.length === 6 && method === 'GET' && fourth === 'relationships');
  if (!allowed) noRoute(request);
  if (write && !canWrite(principal.identity)) {
    fail(403, 'Forbidden', `This user's role does not allow ${method} on ${type}.`, '403');
  }
  if (method === 'POST' || method === 'PATCH') requireContentType(request);
  if (segments.length === 3) {
    if (method === 'POST') return document(201, createRecord(def, request, context));
    return document(
      200,
      listDocument(context.store.list(def.type, context.accountId), def, params, `${request.base}/${slug}/v1/${type}`, context),
    );
  }
  if (id === undefined) return noRoute(request);
  if (segments.length === 4) {
    if (method === 'PATCH') return document(200, updateRecord(def, id, request, context));
    if (method === 'DELETE') {
      deleteRecord(def, id, context);
      return emptyResponse(204);
    }
    return document(200, showDocument(def, id, params, context));
  }
  if (segments.length === 5 && fourth !== undefined) return document(200, relatedDocument(def, id, fourth, params, context));
  return document(200, relationshipDocument(def, id, fifth ?? '', context));
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return fail(400, 'Bad Request', `The path segment ${segment} is not valid percent-encoding.`, '400');
  }
}

/** True for paths the API host serves: /v1/... and /{slug}/v1/... */
export function isApiPath(pathname: string): boolean {
  return /^\/v1(\/|$)/.test(pathname) || /^\/[^/]+\/v1(\/|$)/.test(pathname);
}

/**
 * The API host. Checks run in this order: bearer token (401/403), Accept (406), account slug,
 * resource and route (404), role (403), Content-Type on writes (415), then the body (400/409/422).
 */
export function handleApi(request: SandboxRequest, services: Services): SandboxResponse {
  try {
    const principal = authenticate(request, services);
    requireAccept(request);
    const segments = request.url.pathname
      .split('/')
      .filter((segment) => segment !== '')
      .map(decodeSegment);
    return segments[0] === 'v1' ? unscoped(request, segments, principal, services) : scoped(request, segments, principal, services);
  } catch (error) {
    if (error instanceof ApiFailure) return error.response;
    throw error;
  }
}
