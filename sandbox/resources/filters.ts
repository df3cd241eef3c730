import type { Json } from '../json.js';
import type { StoredRecord } from '../store.js';
import type { ApiContext } from '../api/context.js';
import type { FilterFn } from './resource-def.js';

/**
 * Filter building blocks. Every filter gets the comma-separated values of `filter[x]=a,b` and
 * matches when any value matches (OR), as the public clients rely on.
 */
type Read = (record: StoredRecord, context: ApiContext) => Json | undefined;

const attr =
  (name: string): Read =>
  (record) =>
    record.attributes[name];

function asText(value: Json | undefined): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Case-insensitive substring match, the behaviour of ScopeStack's name filters. */
export function contains(name: string, read: Read = attr(name)): FilterFn {
  return (record, values, context) => {
    const text = asText(read(record, context)).toLowerCase();
    return values.some((value) => text.includes(value.toLowerCase()));
  };
}

/** Exact match; `ignoreCase` for e-mail addresses. */
export function exact(name: string, options: { ignoreCase?: boolean } = {}): FilterFn {
  const fold = (text: string) => (options.ignoreCase === true ? text.toLowerCase() : text);
  return (record, values) => {
    const text = fold(asText(record.attributes[name]));
    return values.some((value) => fold(value) === text);
  };
}

export function boolean(name: string): FilterFn {
  return (record, values) => {
    const actual = record.attributes[name];
    return values.some((value) => (value.toLowerCase() === 'true') === (actual === true) && /^(true|false)$/i.test(value));
  };
}

/** Matches a to-one relationship's target id (`filter[project]=12`). */
export function related(relationship: string): FilterFn {
  return (record, values) => {
    const target = record.links[relationship];
    return target !== null && target !== undefined && values.includes(target);
  };
}

/** Matches when a list attribute (tag-list) holds any of the values, ignoring case. */
export function listHas(name: string): FilterFn {
  return (record, values) => {
    const items = record.attributes[name];
    if (!Array.isArray(items)) return false;
    const lower = items.map((item) => asText(item).toLowerCase());
    return values.some((value) => lower.includes(value.toLowerCase()));
  };
}

export class FilterValueError extends Error {}

/** Parses a filter date: YYYY-MM-DD means midnight UTC; full ISO-8601 timestamps are exact. */
function parseFilterDate(value: string): number {
  const time = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(time)) throw new FilterValueError(`${value} is not a valid date`);
  return time;
}

/** Strictly after (or before) the given date; records without the timestamp never match. */
export function dateBound(name: string, direction: 'after' | 'before'): FilterFn {
  return (record, values) => {
    const raw = record.attributes[name];
    if (typeof raw !== 'string') return false;
    const time = Date.parse(raw);
    return values.some((value) => {
      const bound = parseFilterDate(value);
      return direction === 'after' ? time > bound : time < bound;
    });
  };
}
