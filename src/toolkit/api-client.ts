import { inSentence } from './field-names.js';
/**
 * The only place steps reach the API: list, get, create and update one resource type, turning
 * responses into checked JSON:API documents and network failures into messages.
 */
import type { Bundle, HttpRequestOptions, HttpResponse, ZObject } from 'zapier-platform-core';
import { appError, appErrorStatus, ErrorCode, hasErrorCode } from './app-errors.js';
import { describeAttempt } from './describe-request.js';
import { asDocument, type Document, type Resource } from './json-api.js';
import { afterNetworkFailure, isNetworkError, networkReason } from './network-errors.js';
import { applyToPage } from './page-query.js';
import { describeUnreadable, mayHaveBeenCreated } from './response-errors.js';
import { withRetries } from './retry-policy.js';
import { sendableAsTyped } from './template-syntax.js';
import type { ResourceSpec } from './resource-spec.js';
import type { WriteDocument } from './to-document.js';

type Params = Record<string, string>;

const collectionUrl = (z: ZObject, spec: ResourceSpec, bundle: Bundle): string => {
  const base = spec.requester.collectionsUrl(bundle);
  // Only a connection made before the account was stored lacks it; a reconnect looks it up.
  if (!base) throw new z.errors.ExpiredAuthError(`This ${spec.requester.service} connection does not know its account. Reconnect it.`);
  return `${base}/${spec.path}`;
};

const memberUrl = (z: ZObject, spec: ResourceSpec, bundle: Bundle, id: string): string =>
  `${collectionUrl(z, spec, bundle)}/${encodeURIComponent(id)}`;

/**
 * Sends one request. A connection lost mid-way is reported without the URL, and for a create
 * with the warning that it may have happened: nothing here ever resends a POST.
 */
const send = async (z: ZObject, spec: ResourceSpec, request: HttpRequestOptions & { url: string }): Promise<HttpResponse> => {
  const method = request.method ?? 'GET';
  try {
    return await withRetries(z, method, describeAttempt(method, request.url), () => z.request(sendableAsTyped(request)));
  } catch (error) {
    if (!isNetworkError(error)) throw error;
    const service = spec.requester.service;
    // A searchable resource has a Find step named after it: that is how to check.
    const findStep = spec.filters?.length ? `Find ${spec.noun}` : undefined;
    const outcome =
      method === 'POST' ? mayHaveBeenCreated(service, inSentence(spec.noun), findStep) : afterNetworkFailure(error, request.url);
    throw appError(z, {
      code: ErrorCode.Api,
      message: `The connection to ${service} failed while trying to ${describeAttempt(method, request.url)} (${networkReason(error)}).${outcome}`,
    });
  }
};

const documentOf = <D extends Resource | Resource[]>(
  z: ZObject,
  spec: ResourceSpec,
  response: HttpResponse,
  many: D extends unknown[] ? true : false,
): Document<D> => {
  const document = asDocument<D>(response.data, many);
  if (!document) {
    throw appError(
      z,
      describeUnreadable(spec.requester.service, response.request.method ?? 'GET', response.request.url ?? '', response.status),
    );
  }
  return document;
};

const includeParams = (spec: ResourceSpec): Params => (spec.include?.length ? { include: spec.include.join(',') } : {});

const listOnce = async (z: ZObject, bundle: Bundle, spec: ResourceSpec, params: Params): Promise<Document<Resource[]>> => {
  const response = await send(z, spec, { url: collectionUrl(z, spec, bundle), method: 'GET', params });
  return documentOf<Resource[]>(z, spec, response, true);
};

/**
 * What a list request can do without, in the order it is given up when the service answers 400:
 * its guessed filters, then its guessed sort.
 */
const guessesOf = (spec: ResourceSpec, params: Params): Params[] => {
  const isGuess = spec.requester.isGuessedParam;
  if (!isGuess) return [];
  const guessed = (kept: (param: string) => boolean): Params =>
    Object.fromEntries(Object.entries(params).filter(([param, value]) => kept(param) && isGuess(spec.type, param, value)));
  return [guessed((param) => param.startsWith('filter[')), guessed((param) => param === 'sort')].filter(
    (group) => Object.keys(group).length > 0,
  );
};

/** Reads a list; on a 400, reads it again without the next group of guesses, and applies what was left out to the page. */
const listGivingUp = async (
  z: ZObject,
  bundle: Bundle,
  spec: ResourceSpec,
  query: Params,
  fallbacks: readonly Params[],
  leftOut: Params,
): Promise<Document<Resource[]>> => {
  try {
    const document = await listOnce(z, bundle, spec, query);
    return { ...document, data: applyToPage(document.data, spec, leftOut) };
  } catch (error) {
    const [guesses, ...rest] = fallbacks;
    if (!guesses || appErrorStatus(error) !== 400) throw error;
    const named = Object.entries(guesses).map(([param, value]) => `${param}=${value}`);
    z.console.log(
      `${spec.requester.service} answered 400 to ${spec.path} with ${named.join(' and ')}, which it is not known to accept: reading again without, and applying it to the page here.`,
    );
    const without = Object.fromEntries(Object.entries(query).filter(([param]) => !(param in guesses)));
    return listGivingUp(z, bundle, spec, without, rest, { ...leftOut, ...guesses });
  }
};

/**
 * `withIncluded` false asks for the records alone (a dropdown needs no related records). When the
 * service answers 400 to a list that carries guessed filters or a guessed sort, the list is read
 * again without the guessed filters, then without the guessed sort, and what was left out is
 * applied to the page here, logged.
 */
export const listResources = async (
  z: ZObject,
  bundle: Bundle,
  spec: ResourceSpec,
  params: Params,
  withIncluded = true,
): Promise<Document<Resource[]>> => {
  const query = { ...(withIncluded ? includeParams(spec) : {}), ...params };
  return listGivingUp(z, bundle, spec, query, guessesOf(spec, query), {});
};

/** One record by ID; undefined when the service answers 404 (a search then finds nothing). */
export const findResource = async (z: ZObject, bundle: Bundle, spec: ResourceSpec, id: string): Promise<Document<Resource> | undefined> => {
  try {
    const response = await send(z, spec, { url: memberUrl(z, spec, bundle, id), method: 'GET', params: includeParams(spec) });
    return documentOf<Resource>(z, spec, response, false);
  } catch (error) {
    if (hasErrorCode(error, ErrorCode.NotFound)) return undefined;
    throw error;
  }
};

export const createResource = async (z: ZObject, bundle: Bundle, spec: ResourceSpec, body: WriteDocument): Promise<Document<Resource>> => {
  const response = await send(z, spec, {
    url: collectionUrl(z, spec, bundle),
    method: 'POST',
    body: JSON.stringify(body),
    params: includeParams(spec),
  });
  return documentOf<Resource>(z, spec, response, false);
};

export const updateResource = async (
  z: ZObject,
  bundle: Bundle,
  spec: ResourceSpec,
  id: string,
  body: WriteDocument,
): Promise<Document<Resource>> => {
  const response = await send(z, spec, {
    url: memberUrl(z, spec, bundle, id),
    method: 'PATCH',
    body: JSON.stringify(body),
    params: includeParams(spec),
  });
  return documentOf<Resource>(z, spec, response, false);
};

/** Deletes one record; false when the service answers 404 (there was none to delete). */
export const deleteResource = async (z: ZObject, bundle: Bundle, spec: ResourceSpec, id: string): Promise<boolean> => {
  try {
    await send(z, spec, { url: memberUrl(z, spec, bundle, id), method: 'DELETE' });
    return true;
  } catch (error) {
    if (hasErrorCode(error, ErrorCode.NotFound)) return false;
    throw error;
  }
};
