import type { FilterFn, RelationshipDef, ResourceDef } from '../resources/resource-def.js';
import { resourceDef } from '../resources/catalog.js';
import { dateBound, related } from '../resources/filters.js';
import { SINGLE_VALUE_FILTERS, UNPROVEN_FILTERS, UNPROVEN_SORTS, type Profile } from '../resources/strict-profile.js';
import { fail } from './errors.js';

const DEFAULT_PAGE_SIZE = 250;
const MAX_PAGE_SIZE = 250;

interface ActiveFilter {
  name: string;
  values: string[];
  match: FilterFn;
}

export interface SortKey {
  field: string;
  descending: boolean;
}

export interface ListQuery {
  filters: ActiveFilter[];
  sort: SortKey[];
  page: { number: number; size: number };
  include: string[][];
  fields: Map<string, Set<string>>;
}

const SORTABLE_KINDS = ['string', 'boolean', 'integer', 'decimal', 'date', 'datetime'];

/**
 * `filter[updated-at][after]` arrives as the key `filter[updated-at][after]`; it and
 * `filter[updated-at.after]` both name the filter `updated-at.after`.
 */
function filterName(key: string): string | undefined {
  const match = /^filter\[(.+)\]$/.exec(key);
  return match?.[1]?.replace('][', '.');
}

/** Filters every resource has: id, each to-one relationship, and `<timestamp>.after/.before`. */
function automaticFilter(def: ResourceDef, name: string): FilterFn | undefined {
  if (name === 'id') return (record, values) => values.includes(record.id);
  const relationship = def.relationships.find((candidate) => candidate.name === name && candidate.many === undefined);
  if (relationship !== undefined) return related(relationship.name);
  const bound = /^(.+)\.(after|before)$/.exec(name);
  const attribute = def.attributes.find((candidate) => candidate.name === bound?.[1] && candidate.kind === 'datetime');
  if (bound !== null && attribute !== undefined) return dateBound(attribute.name, bound[2] === 'after' ? 'after' : 'before');
  return undefined;
}

function parseFilters(params: URLSearchParams, def: ResourceDef, profile: Profile): ActiveFilter[] {
  const filters: ActiveFilter[] = [];
  for (const [key, value] of params) {
    const name = filterName(key);
    if (name === undefined) continue;
    const unproven = profile === 'strict' && (UNPROVEN_FILTERS[def.type] ?? []).includes(name);
    const match = unproven ? undefined : (def.filters[name] ?? automaticFilter(def, name));
    if (match === undefined) fail(400, 'Filter not allowed', `${name} is not allowed.`, '102');
    const singleValue = profile === 'strict' && (SINGLE_VALUE_FILTERS[def.type] ?? []).includes(name);
    if (singleValue && value.includes(',')) fail(400, 'Invalid filter value', `${value} is not a valid value for ${name}.`, '103');
    filters.push({ name, values: value.split(','), match });
  }
  return filters;
}

function parseSort(params: URLSearchParams, def: ResourceDef, profile: Profile): SortKey[] {
  const raw = params.get('sort');
  if (raw === null || raw === '') return [];
  return raw.split(',').map((part) => {
    const descending = part.startsWith('-');
    const field = descending ? part.slice(1) : part;
    const unproven = profile === 'strict' && (UNPROVEN_SORTS[def.type] ?? []).includes(field);
    const sortable =
      field === 'id' ||
      (!unproven && def.attributes.some((attribute) => attribute.name === field && SORTABLE_KINDS.includes(attribute.kind)));
    if (!sortable) fail(400, 'Invalid sort criteria', `${field} is not a valid sort criteria for ${def.type}`, '114');
    return { field, descending };
  });
}

function positiveInteger(params: URLSearchParams, key: string, fallback: number): number {
  const raw = params.get(key);
  if (raw === null) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) fail(400, 'Invalid page value', `${raw} is not a valid value for ${key}.`, '118');
  return Number(raw);
}

/** Validates `include=a,b.c` against the relationship graph. */
export function parseInclude(params: URLSearchParams, def: ResourceDef): string[][] {
  const raw = params.get('include');
  if (raw === null || raw === '') return [];
  return raw.split(',').map((path) => {
    const segments = path.split('.');
    let current: ResourceDef = def;
    for (const segment of segments) {
      const relationship: RelationshipDef | undefined = current.relationships.find((candidate) => candidate.name === segment);
      const target: ResourceDef | undefined = relationship === undefined ? undefined : resourceDef(relationship.type);
      if (target === undefined) {
        fail(400, 'Invalid field', `${segment} is not a valid includable relationship of ${current.type}`, '112');
      }
      current = target;
    }
    return segments;
  });
}

/** Sparse fieldsets: `fields[clients]=name,domain`. */
export function parseFields(params: URLSearchParams): Map<string, Set<string>> {
  const fields = new Map<string, Set<string>>();
  for (const [key, value] of params) {
    const match = /^fields\[(.+)\]$/.exec(key);
    if (match?.[1] !== undefined) fields.set(match[1], new Set(value.split(',')));
  }
  return fields;
}

export function parseListQuery(params: URLSearchParams, def: ResourceDef, profile: Profile): ListQuery {
  return {
    filters: parseFilters(params, def, profile),
    sort: parseSort(params, def, profile),
    page: {
      number: positiveInteger(params, 'page[number]', 1),
      size: Math.min(positiveInteger(params, 'page[size]', DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE),
    },
    include: parseInclude(params, def),
    fields: parseFields(params),
  };
}
