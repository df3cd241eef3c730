/** JSON:API as a wire format: page-number paging, `sort`, `include`d names, `errors` objects. */
import type { FlatInput } from '../flat-record.js';
import { asDocument, errorsOf, toRecord, toRecords, type ErrorObject, type Resource, type ResourceIdentifier } from './json-api.js';
import type { ResourceSpec } from '../resource-spec.js';
import { toWriteValues, type WriteOptions } from '../write-values.js';
import type { ListPage, Params, ServiceError, WireFormat, WriteValues } from '../wire-format.js';

const MEDIA_TYPE = 'application/vnd.api+json';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const isResource = (value: unknown): value is Resource => isObject(value) && typeof value['type'] === 'string' && value['id'] !== undefined;

/** The page number a cursor stands for; the first page is 1. */
const pageNumberOf = (cursor: string | undefined): number => Math.max(1, Number(cursor ?? 1) || 1);

/** The next page after `pageNumber`, as a cursor: from `links.next`, else `meta.page-count`. */
const nextCursor = (body: Record<string, unknown>, pageNumber: number): string | undefined => {
  const links = isObject(body['links']) ? body['links'] : undefined;
  if (links && 'next' in links) return links['next'] ? String(pageNumber + 1) : undefined;
  const meta = isObject(body['meta']) ? body['meta'] : undefined;
  const pageCount = Number(meta?.['page-count']);
  return Number.isFinite(pageCount) && pageNumber < pageCount ? String(pageNumber + 1) : undefined;
};

/**
 * JSON:API (jsonapi-resources) says "Param not allowed" for a written field it will not take,
 * naming it by a pointer or only in the detail ("status is not allowed.").
 */
const NOT_ALLOWED = /^([a-z][\w-]*) is not allowed\.?$/;

const serviceErrorOf = (error: ErrorObject): ServiceError => {
  const notAllowed = error.title === 'Param not allowed';
  const pointed = error.source?.pointer?.split('/').filter(Boolean).at(-1);
  const field = (pointed === 'data' ? undefined : pointed) ?? (notAllowed ? NOT_ALLOWED.exec((error.detail ?? '').trim())?.[1] : undefined);
  return {
    ...(error.code !== undefined ? { code: String(error.code) } : {}),
    ...(error.title !== undefined ? { title: error.title } : {}),
    ...(error.detail !== undefined ? { detail: error.detail } : {}),
    ...(field ? { field } : {}),
    ...(error.source?.parameter ? { parameter: error.source.parameter } : {}),
    ...(notAllowed ? { notAllowed } : {}),
  };
};

export interface WriteDocument {
  data: {
    type: string;
    id?: string;
    attributes: Record<string, unknown>;
    relationships?: Record<string, { data: ResourceIdentifier | ResourceIdentifier[] }>;
  };
}

const linkage = (related: WriteValues['relationships'][string]): ResourceIdentifier | ResourceIdentifier[] => {
  const identifiers = related.ids.map((id) => ({ type: related.type, id }));
  return related.many ? identifiers : (identifiers[0] ?? []);
};

const writeDocument = ({ type, id, attributes, relationships }: WriteValues): WriteDocument => {
  // The attributes are the write's own, made for this body: no copy is needed.
  const members = attributes as Record<string, unknown>;
  const data: WriteDocument['data'] = id ? { type, id, attributes: members } : { type, attributes: members };
  for (const name in relationships) {
    const related = relationships[name];
    if (related) (data.relationships ??= {})[name] = { data: linkage(related) };
  }
  return { data };
};

export const jsonApiFormat: WireFormat = {
  mediaType: MEDIA_TYPE,
  paging: 'page-number',
  sortParam: 'sort',
  pageParams: (cursor, size) => ({ 'page[number]': String(pageNumberOf(cursor)), 'page[size]': String(size) }),
  readParams: (spec: ResourceSpec, withRelated: boolean): Params =>
    withRelated && spec.include?.length ? { include: spec.include.join(',') } : {},
  readList: (body, spec, cursor): ListPage | undefined => {
    const document = asDocument<Resource[]>(body, true);
    if (!document) return undefined;
    const next = nextCursor(document as unknown as Record<string, unknown>, pageNumberOf(cursor));
    return { records: toRecords(document, spec), ...(next ? { next } : {}) };
  },
  readOne: (body, spec) => {
    const document = asDocument<Resource>(body, false);
    return document ? toRecord(document.data, document.included, spec.relationships) : undefined;
  },
  writeBody: (values) => writeDocument(values),
  errorsOf: (body) => errorsOf(body).map(serviceErrorOf),
  flattenAnswer: (body) => {
    if (!isObject(body) || !('data' in body)) return undefined;
    const resources = (value: unknown): Resource[] => (Array.isArray(value) ? value : [value]).filter(isResource);
    const included = resources(body['included'] ?? []);
    return { data: toRecords({ data: resources(body['data']), included }), included: toRecords({ data: included }) };
  },
};

/** A JSON:API write body from flat input, or the problems that keep it from being sent. */
export const toDocument = (
  spec: ResourceSpec,
  input: FlatInput,
  options: WriteOptions = {},
): { ok: true; document: WriteDocument } | { ok: false; problems: string[] } => {
  const result = toWriteValues(spec, input, options);
  return result.ok ? { ok: true, document: writeDocument(result.values) } : result;
};
