/**
 * Filters and a sort applied to a page of records by the toolkit, the way the server would
 * have applied them, for query parameters the server refused. Pure.
 */
import { keyFor } from './field-names.js';
import type { FlatRecord } from './flat-record.js';
import type { ResourceSpec } from './resource-spec.js';
import { scalarText } from './text.js';

type Params = Readonly<Record<string, string>>;

/** A filter's value on a record: its attribute, or the ID of a to-one relationship (`filter[project]`). */
const valueOf = (record: FlatRecord, name: string): string => {
  if (name === 'id') return record.id;
  const key = keyFor(name);
  const linked = record[`${key}_id`];
  return scalarText(linked ?? record[key]);
};

/** The API name a filter parameter compares: the spec's filter for it, else the bracketed name (`filter[name]`). */
const filteredName = (spec: ResourceSpec, param: string): string => {
  const filter = spec.filters?.find((candidate) => candidate.param === param);
  return filter?.attribute ?? /\[([^\]]+)\]$/.exec(param)?.[1] ?? param;
};

/** A filter keeps records whose value equals one of the comma-separated values, or contains it for a partial filter. */
const keepsFor = (spec: ResourceSpec, param: string, value: string): ((record: FlatRecord) => boolean) => {
  const name = filteredName(spec, param);
  const partial = spec.filters?.some((filter) => filter.param === param && filter.match === 'contains') ?? false;
  const wanted = value.split(',').map((item) => item.trim().toLowerCase());
  return (record) => {
    const actual = valueOf(record, name).toLowerCase();
    return wanted.some((item) => (partial ? actual.includes(item) : actual === item));
  };
};

const compare = (a: string, b: string): number => {
  const [x, y] = [Number(a), Number(b)];
  return a !== '' && b !== '' && !Number.isNaN(x) && !Number.isNaN(y) ? x - y : a.localeCompare(b, 'en', { sensitivity: 'base' });
};

/** `-default,name`: each key in turn, `-` for descending. */
const bySort =
  (sort: string) =>
  (a: FlatRecord, b: FlatRecord): number => {
    for (const key of sort.split(',')) {
      const name = key.replace(/^-/, '');
      const order = compare(valueOf(a, name), valueOf(b, name));
      if (order !== 0) return key.startsWith('-') ? -order : order;
    }
    return 0;
  };

/** The page as the server would have answered with `params`: `sortParam` names the sort, every other parameter filters. */
export const applyToPage = (
  records: readonly FlatRecord[],
  spec: ResourceSpec,
  params: Params,
  sortParam: string | undefined,
): FlatRecord[] => {
  let kept = [...records];
  for (const [param, value] of Object.entries(params)) {
    if (param !== sortParam) kept = kept.filter(keepsFor(spec, param, value));
  }
  const sort = sortParam ? params[sortParam] : undefined;
  return sort ? kept.sort(bySort(sort)) : kept;
};
