/**
 * The only place steps reach the API: list, get, create, update and delete one resource, reading
 * answers through the service's wire format into flat records, and turning network failures
 * into messages.
 */
import type { Bundle, HttpRequestOptions, HttpResponse, ZObject } from 'zapier-platform-core';
import { appError, appErrorStatus, ErrorCode, failedResponseOf, hasErrorCode } from './app-errors.js';
import { describeAttempt } from './describe-request.js';
import { inSentence, labelFor } from './field-names.js';
import type { FlatRecord } from './flat-record.js';
import { afterNetworkFailure, isNetworkError, networkReason } from './network-errors.js';
import { applyToPage } from './page-query.js';
import { checkId } from './record-id.js';
import { fieldNotesOf } from './field-notes.js';
import { describeFailure, describeUnreadable, mayHaveBeenCreated } from './response-errors.js';
import type { ResourceSpec } from './resource-spec.js';
import { withRetries } from './retry-policy.js';
import { sendableAsTyped } from './template-syntax.js';
import type { ListPage, Params, WriteValues } from './wire-format.js';

/**
 * The spec's path with each parent (`organizations/{organization_id}/users`) filled from the
 * step's input of that key, checked like any ID before anything is sent.
 */
const pathOf = (z: ZObject, spec: ResourceSpec, bundle: Bundle): string => {
  const problems: string[] = [];
  const path = spec.path.replace(/\{([a-zA-Z][a-zA-Z0-9_]*)\}/g, (_, key: string) => {
    const check = checkId(spec.requester, labelFor(key), bundle.inputData[key]);
    if (check.ok) return encodeURIComponent(check.id);
    problems.push(check.problem);
    return '';
  });
  if (problems.length > 0) {
    throw appError(z, { code: ErrorCode.Validation, message: `Nothing was sent to ${spec.requester.service}: ${problems.join(' ')}` });
  }
  return path;
};

const collectionUrl = (z: ZObject, spec: ResourceSpec, bundle: Bundle): string => {
  const base = spec.requester.collectionsUrl(bundle);
  // Only a connection made before the account was stored lacks it; a reconnect looks it up.
  if (!base) throw new z.errors.ExpiredAuthError(`This ${spec.requester.service} connection does not know its account. Reconnect it.`);
  return `${base}/${pathOf(z, spec, bundle)}`;
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
    const service = spec.requester.service;
    // The middleware described the failure without knowing the resource; this request was about `spec`.
    const failed = failedResponseOf(error);
    if (failed) {
      const described = { ...failed, fieldNotes: fieldNotesOf(spec) };
      throw appError(z, describeFailure(service, described), described);
    }
    if (!isNetworkError(error)) throw error;
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

/** What the wire format reads from an answer, or an error saying the answer could not be read. */
const readable = <T>(z: ZObject, spec: ResourceSpec, response: HttpResponse, read: T | undefined): T => {
  if (read !== undefined) return read;
  throw appError(
    z,
    describeUnreadable(spec.requester.service, response.request.method ?? 'GET', response.request.url ?? '', response.status),
  );
};

const readOne = (z: ZObject, spec: ResourceSpec, response: HttpResponse): FlatRecord =>
  readable(z, spec, response, spec.requester.format.readOne(response.data, spec));

interface ListOptions {
  /** The page to read (the first when none) and its size. */
  readonly cursor?: string | undefined;
  readonly size: number;
  /** False asks for the records alone (a dropdown needs no related records). */
  readonly withRelated?: boolean;
}

const listOnce = async (z: ZObject, bundle: Bundle, spec: ResourceSpec, params: Params, cursor: string | undefined): Promise<ListPage> => {
  const response = await send(z, spec, { url: collectionUrl(z, spec, bundle), method: 'GET', params });
  return readable(z, spec, response, spec.requester.format.readList(response.data, spec, cursor));
};

/**
 * What a list request can do without, in the order it is given up when the service answers 400:
 * its guessed filters, then its guessed sort.
 */
const guessesOf = (spec: ResourceSpec, params: Params): Params[] => {
  const isGuess = spec.requester.isGuessedParam;
  if (!isGuess) return [];
  const sortParam = spec.requester.format.sortParam;
  const guessed = (kept: (param: string) => boolean): Params =>
    Object.fromEntries(Object.entries(params).filter(([param, value]) => kept(param) && isGuess(spec.type, param, value)));
  return [guessed((param) => param !== sortParam), guessed((param) => param === sortParam)].filter(
    (group) => Object.keys(group).length > 0,
  );
};

/** Reads a list; on a 400, reads it again without the next group of guesses, and applies what was left out to the page. */
const listGivingUp = async (
  z: ZObject,
  bundle: Bundle,
  spec: ResourceSpec,
  query: Params,
  cursor: string | undefined,
  fallbacks: readonly Params[],
  leftOut: Params,
): Promise<ListPage> => {
  try {
    const page = await listOnce(z, bundle, spec, query, cursor);
    return { ...page, records: applyToPage(page.records, spec, leftOut, spec.requester.format.sortParam) };
  } catch (error) {
    const [guesses, ...rest] = fallbacks;
    if (!guesses || appErrorStatus(error) !== 400) throw error;
    const named = Object.entries(guesses).map(([param, value]) => `${param}=${value}`);
    z.console.log(
      `${spec.requester.service} answered 400 to ${spec.path} with ${named.join(' and ')}, which it is not known to accept: reading again without, and applying it to the page here.`,
    );
    const without = Object.fromEntries(Object.entries(query).filter(([param]) => !(param in guesses)));
    return listGivingUp(z, bundle, spec, without, cursor, rest, { ...leftOut, ...guesses });
  }
};

/**
 * One page of a list. When the service answers 400 to a list that carries guessed filters or a
 * guessed sort, the list is read again without the guessed filters, then without the guessed
 * sort, and what was left out is applied to the page here, logged.
 */
export const listRecords = async (
  z: ZObject,
  bundle: Bundle,
  spec: ResourceSpec,
  params: Params,
  options: ListOptions,
): Promise<ListPage> => {
  const { format } = spec.requester;
  const query = { ...format.readParams(spec, options.withRelated ?? true), ...params, ...format.pageParams(options.cursor, options.size) };
  // Only the caller's filters and sort can be guesses; paging and related records are the format's own.
  return listGivingUp(z, bundle, spec, query, options.cursor, guessesOf(spec, params), {});
};

/** One record by ID; undefined when the service answers 404 (a search then finds nothing). */
export const findRecord = async (z: ZObject, bundle: Bundle, spec: ResourceSpec, id: string): Promise<FlatRecord | undefined> => {
  try {
    const params = spec.requester.format.readParams(spec, true);
    return readOne(z, spec, await send(z, spec, { url: memberUrl(z, spec, bundle, id), method: 'GET', params }));
  } catch (error) {
    if (hasErrorCode(error, ErrorCode.NotFound)) return undefined;
    throw error;
  }
};

/** Creates the record `values` describe (no `id`), or updates the one they name. */
export const writeRecord = async (z: ZObject, bundle: Bundle, spec: ResourceSpec, values: WriteValues): Promise<FlatRecord> => {
  const { format } = spec.requester;
  const response = await send(z, spec, {
    url: values.id ? memberUrl(z, spec, bundle, values.id) : collectionUrl(z, spec, bundle),
    method: values.id ? 'PATCH' : 'POST',
    body: JSON.stringify(format.writeBody(values)),
    params: format.readParams(spec, true),
  });
  return readOne(z, spec, response);
};

/** Deletes one record; false when the service answers 404 (there was none to delete). */
export const deleteRecord = async (z: ZObject, bundle: Bundle, spec: ResourceSpec, id: string): Promise<boolean> => {
  try {
    await send(z, spec, { url: memberUrl(z, spec, bundle, id), method: 'DELETE' });
    return true;
  } catch (error) {
    if (hasErrorCode(error, ErrorCode.NotFound)) return false;
    throw error;
  }
};
