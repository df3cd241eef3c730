/**
 * Plain REST JSON as a wire format: a list answer holds its records under the collection's name
 * (`{"widgets": [...], "next_page_token": "…"}`), one record under the singular name (or is the
 * record itself), writes send the fields at the top level, pages go by an opaque token, there is
 * no sort, and errors come as a gRPC-style status (`code`, `message`, `details[]` with an
 * `error_code` and field violations).
 */
import { keyFor, singular } from '../field-names.js';
import type { FlatRecord } from '../flat-record.js';
import type { ResourceSpec } from '../resource-spec.js';
import type { ListPage, ServiceError, WireFormat } from '../wire-format.js';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const hasId = (value: unknown): value is Record<string, unknown> & { id: string | number } =>
  isObject(value) && (typeof value['id'] === 'string' || typeof value['id'] === 'number');

/** Keys as Zapier fields (`display-name` would become `display_name`; snake_case stays), the ID as text. */
const toRecord = (resource: Record<string, unknown> & { id: string | number }): FlatRecord => {
  const record: FlatRecord = { id: String(resource.id) };
  for (const [name, value] of Object.entries(resource)) if (name !== 'id') record[keyFor(name)] = value;
  return record;
};

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

/** Every `details[]` entry's field violations, or none. */
const violationsOf = (details: readonly unknown[]): Record<string, unknown>[] =>
  details.flatMap((detail) => {
    const info = isObject(detail) && isObject(detail['validation_error_info']) ? detail['validation_error_info'] : undefined;
    const violations = info?.['field_violations'];
    return Array.isArray(violations) ? violations.filter(isObject) : [];
  });

const errorsOf = (body: unknown): ServiceError[] => {
  if (!isObject(body)) return [];
  const details = Array.isArray(body['details']) ? body['details'] : [];
  const code = details.map((detail) => (isObject(detail) ? text(detail['error_code']) : undefined)).find(Boolean);
  const violations = violationsOf(details);
  if (violations.length > 0) {
    return violations.map((violation) => {
      const field = text(violation['field']);
      const detail = text(violation['description']) ?? text(body['message']);
      return { ...(code ? { code } : {}), ...(field ? { field } : {}), ...(detail ? { detail } : {}) };
    });
  }
  const message = text(body['message']) ?? text(body['error_description']);
  return message || code ? [{ ...(code ? { code } : {}), ...(message ? { detail: message } : {}) }] : [];
};

export const restJsonFormat: WireFormat = {
  mediaType: 'application/json',
  paging: 'page-token',
  pageParams: (cursor, size) => ({ page_size: String(size), ...(cursor ? { page_token: cursor } : {}) }),
  readParams: () => ({}),
  readList: (body, spec: ResourceSpec): ListPage | undefined => {
    const list = isObject(body) ? body[spec.type] : undefined;
    // An answer without its list is not an empty page: something else answered.
    if (!isObject(body) || !Array.isArray(list) || !list.every(hasId)) return undefined;
    const next = text(body['next_page_token']);
    return { records: list.map(toRecord), ...(next ? { next } : {}) };
  },
  readOne: (body, spec) => {
    const member = isObject(body) ? body[singular(spec.type)] : undefined;
    if (hasId(member)) return toRecord(member);
    return hasId(body) ? toRecord(body) : undefined;
  },
  writeBody: ({ attributes, relationships }) => {
    const body: Record<string, unknown> = { ...attributes };
    for (const [name, related] of Object.entries(relationships)) {
      body[related.many ? `${name}_ids` : `${name}_id`] = related.many ? related.ids : related.ids[0];
    }
    return body;
  },
  errorsOf,
};
