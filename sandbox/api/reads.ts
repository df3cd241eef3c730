import { scalarText, type JsonObject } from '../json.js';
import type { StoredRecord } from '../store.js';
import type { ResourceDef } from '../resources/resource-def.js';
import { resourceDef } from '../resources/catalog.js';
import { FilterValueError } from '../resources/filters.js';
import { relationshipTargets } from '../resources/related.js';
import { canWrite } from '../resources/privileges.js';
import { fail, notFound } from '../json-api/errors.js';
import { parseFields, parseInclude, parseListQuery, type ListQuery, type SortKey } from '../json-api/query.js';
import { renderDocument, resourceUrl } from '../json-api/render.js';
import type { ApiContext } from './context.js';

function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  // Nulls sort last ascending (and so first descending), as in PostgreSQL.
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  const numberA = typeof a === 'number' ? a : typeof a === 'string' && /^-?\d+(\.\d+)?$/.test(a) ? Number(a) : NaN;
  const numberB = typeof b === 'number' ? b : typeof b === 'string' && /^-?\d+(\.\d+)?$/.test(b) ? Number(b) : NaN;
  if (!Number.isNaN(numberA) && !Number.isNaN(numberB)) return numberA - numberB;
  return (scalarText(a) ?? '').localeCompare(scalarText(b) ?? '');
}

function sortValue(record: StoredRecord, def: ResourceDef, field: string, context: ApiContext): unknown {
  if (field === 'id') return Number(record.id);
  const attribute = def.attributes.find((candidate) => candidate.name === field);
  return attribute?.compute !== undefined ? attribute.compute(record, context) : record.attributes[field];
}

/** Sorts by the requested keys, then by id ascending (also the default order). */
function sortRecords(records: StoredRecord[], def: ResourceDef, sort: SortKey[], context: ApiContext): StoredRecord[] {
  return [...records].sort((a, b) => {
    for (const key of sort) {
      const order = compareValues(sortValue(a, def, key.field, context), sortValue(b, def, key.field, context));
      if (order !== 0) return key.descending ? -order : order;
    }
    return Number(a.id) - Number(b.id);
  });
}

function applyFilters(records: StoredRecord[], query: ListQuery, context: ApiContext): StoredRecord[] {
  try {
    return records.filter((record) => query.filters.every((filter) => filter.match(record, filter.values, context)));
  } catch (error) {
    if (error instanceof FilterValueError) fail(400, 'Invalid filter value', error.message, '103');
    throw error;
  }
}

/** first/last/prev/next echo every query parameter (filters, sort, include) with the page. */
function pageLinks(listUrl: string, params: URLSearchParams, page: ListQuery['page'], pageCount: number): JsonObject {
  const link = (number: number) => {
    const query = new URLSearchParams([...params].filter(([key]) => key !== 'page[number]' && key !== 'page[size]'));
    query.set('page[number]', String(number));
    query.set('page[size]', String(page.size));
    return `${listUrl}?${query.toString()}`;
  };
  const last = Math.max(pageCount, 1);
  const links: JsonObject = { first: link(1), last: link(last) };
  if (page.number > 1) links['prev'] = link(Math.min(page.number - 1, last));
  if (page.number < pageCount) links['next'] = link(page.number + 1);
  return links;
}

function permissions(context: ApiContext): JsonObject {
  const write = canWrite(context.principal.identity);
  return { view: true, create: write, manage: write };
}

function served(records: StoredRecord[], def: ResourceDef, context: ApiContext): StoredRecord[] {
  for (const record of records) def.hooks?.onRead?.(record, context);
  return records;
}

/** A page of a list, with meta.record-count/page-count/permissions and paging links. */
export function listDocument(
  records: StoredRecord[],
  def: ResourceDef,
  params: URLSearchParams,
  listUrl: string,
  context: ApiContext,
): JsonObject {
  const query = parseListQuery(params, def, context.profile);
  for (const record of records) def.hooks?.beforeList?.(record, context);
  const matching = sortRecords(applyFilters(records, query, context), def, query.sort, context);
  const pageCount = Math.ceil(matching.length / query.page.size);
  const start = (query.page.number - 1) * query.page.size;
  const page = served(matching.slice(start, start + query.page.size), def, context);
  const document = renderDocument(page, def, query.include, context, query.fields);
  document['meta'] = { 'record-count': matching.length, 'page-count': pageCount, permissions: permissions(context) };
  document['links'] = pageLinks(listUrl, params, query.page, pageCount);
  return document;
}

export function findOrFail(def: ResourceDef, id: string, context: ApiContext): StoredRecord {
  const record =
    def.type === 'accounts'
      ? id === String(context.accountId)
        ? context.store.accountById(context.accountId)
        : undefined
      : context.store.find(def.type, context.accountId, id);
  if (record === undefined) notFound(`The record identified by ${id} could not be found.`);
  return record;
}

export function showDocument(def: ResourceDef, id: string, params: URLSearchParams, context: ApiContext): JsonObject {
  const record = findOrFail(def, id, context);
  served([record], def, context);
  return renderDocument(record, def, parseInclude(params, def), context, parseFields(params));
}

function relationshipOrFail(def: ResourceDef, name: string) {
  const relationship = def.relationships.find((candidate) => candidate.name === name);
  const targetDef = relationship === undefined ? undefined : resourceDef(relationship.type);
  if (relationship === undefined) fail(404, 'Record not found', `${name} is not a relationship of ${def.type}.`, '404');
  return { relationship, targetDef };
}

/** GET /{type}/{id}/{relationship}: the related resource (to-one) or a list (to-many). */
export function relatedDocument(def: ResourceDef, id: string, name: string, params: URLSearchParams, context: ApiContext): JsonObject {
  const record = findOrFail(def, id, context);
  const { relationship, targetDef } = relationshipOrFail(def, name);
  if (targetDef === undefined) return { data: relationship.many === undefined ? null : [] };
  const targets = relationshipTargets(record, relationship, context);
  if (relationship.many !== undefined) {
    return listDocument(targets, targetDef, params, `${resourceUrl(context, def.type, id)}/${name}`, context);
  }
  const target = targets[0];
  if (target === undefined) return { data: null };
  served([target], targetDef, context);
  return renderDocument(target, targetDef, parseInclude(params, targetDef), context, parseFields(params));
}

/** GET /{type}/{id}/relationships/{relationship}: linkage only. */
export function relationshipDocument(def: ResourceDef, id: string, name: string, context: ApiContext): JsonObject {
  const record = findOrFail(def, id, context);
  const { relationship } = relationshipOrFail(def, name);
  const self = resourceUrl(context, def.type, id);
  const identifiers = relationshipTargets(record, relationship, context).map((target) => ({ type: target.type, id: target.id }));
  const linkedId = record.links[name];
  const toOne = linkedId === null || linkedId === undefined ? null : { type: relationship.type, id: linkedId };
  return {
    links: { self: `${self}/relationships/${name}`, related: `${self}/${name}` },
    data: relationship.many === undefined ? toOne : identifiers,
  };
}
