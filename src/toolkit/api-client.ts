/**
 * The only place steps reach the API: list, get, create and update one resource type, turning
 * responses into checked JSON:API documents and network failures into messages.
 */
import type { Bundle, HttpRequestOptions, HttpResponse, ZObject } from 'zapier-platform-core';
import { appError, ErrorCode } from './app-errors.js';
import { describeAttempt } from './describe-request.js';
import { asDocument, type Document, type Resource } from './json-api.js';
import { describeUnreadable } from './response-errors.js';
import type { ResourceSpec } from './resource-spec.js';
import type { WriteDocument } from './to-document.js';

type Params = Record<string, string>;

const collectionUrl = (spec: ResourceSpec, bundle: Bundle): string => `${spec.requester.collectionsUrl(bundle)}/${spec.path}`;

const memberUrl = (spec: ResourceSpec, bundle: Bundle, id: string): string => `${collectionUrl(spec, bundle)}/${encodeURIComponent(id)}`;

const isAppError = (error: unknown): boolean =>
  error instanceof Error && ['AppError', 'RefreshAuthError', 'ExpiredAuthError', 'ThrottledError', 'ResponseError'].includes(error.name);

/**
 * Sends one request. A connection lost mid-way is reported without the URL, and for a create
 * with the warning that it may have happened: nothing here ever resends a POST.
 */
const send = async (z: ZObject, spec: ResourceSpec, request: HttpRequestOptions & { url: string }): Promise<HttpResponse> => {
  const method = request.method ?? 'GET';
  try {
    return await z.request(request);
  } catch (error) {
    if (isAppError(error)) throw error;
    const reason = error instanceof Error ? (/reason: (.*)$/.exec(error.message)?.[1] ?? error.name) : 'unknown error';
    const service = spec.requester.service;
    const outcome =
      method === 'POST'
        ? ` The ${spec.noun.toLowerCase()} may or may not have been created: check ${service} before running this step again, so that nothing is created twice.`
        : ' Try again in a few minutes.';
    throw appError(z, {
      code: ErrorCode.Api,
      message: `The connection to ${service} failed while trying to ${describeAttempt(method, request.url)} (${reason}).${outcome}`,
    });
  }
};

const documentOf = <D extends Resource | Resource[]>(z: ZObject, spec: ResourceSpec, response: HttpResponse, many: D extends unknown[] ? true : false): Document<D> => {
  const document = asDocument<D>(response.data, many);
  if (!document) {
    throw appError(z, describeUnreadable(spec.requester.service, response.request.method ?? 'GET', response.request.url ?? '', response.status));
  }
  return document;
};

const includeParams = (spec: ResourceSpec): Params => (spec.include?.length ? { include: spec.include.join(',') } : {});

export const listResources = async (z: ZObject, bundle: Bundle, spec: ResourceSpec, params: Params): Promise<Document<Resource[]>> => {
  const response = await send(z, spec, { url: collectionUrl(spec, bundle), method: 'GET', params: { ...includeParams(spec), ...params } });
  return documentOf<Resource[]>(z, spec, response, true);
};

export const getResource = async (z: ZObject, bundle: Bundle, spec: ResourceSpec, id: string): Promise<Document<Resource>> => {
  const response = await send(z, spec, { url: memberUrl(spec, bundle, id), method: 'GET', params: includeParams(spec) });
  return documentOf<Resource>(z, spec, response, false);
};

export const createResource = async (z: ZObject, bundle: Bundle, spec: ResourceSpec, body: WriteDocument): Promise<Document<Resource>> => {
  const response = await send(z, spec, { url: collectionUrl(spec, bundle), method: 'POST', body: JSON.stringify(body), params: includeParams(spec) });
  return documentOf<Resource>(z, spec, response, false);
};

export const updateResource = async (z: ZObject, bundle: Bundle, spec: ResourceSpec, id: string, body: WriteDocument): Promise<Document<Resource>> => {
  const response = await send(z, spec, { url: memberUrl(spec, bundle, id), method: 'PATCH', body: JSON.stringify(body), params: includeParams(spec) });
  return documentOf<Resource>(z, spec, response, false);
};
