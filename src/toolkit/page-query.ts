/**
 * Filters and a sort applied to a page of resources by the toolkit, the way the server would
 * have applied them, for query parameters the server refused. Pure.
 */
import type { Resource } from './json-api.js';
import type { ResourceSpec } from './resource-spec.js';
import { scalarText } from './text.js';

type Params = Readonly<Record<string, string>>;

/** A filter's value on a resource: its attribute, or the ID of a to-one relationship (`filter[project]`). */
const valueOf = (resource: Resource, name: string): string => {
  if (name === 'id') return String(resource.id);
  const linked = resource.relationships?.[name]?.data;
  if (linked && !Array.isArray(linked)) return String(linked.id);
  return scalarText(resource.attributes?.[name]);
};

/** `filter[name]` keeps resources whose value equals one of the comma-separated values, or contains it for a partial filter. */
const keepsFor = (spec: ResourceSpec, param: string, value: string): ((resource: Resource) => boolean) => {
  const name = /^filter\[(.+)\]$/.exec(param)?.[1] ?? '';
  const partial = spec.filters?.some((filter) => filter.param === param && filter.match === 'contains') ?? false;
  const wanted = value.split(',').map((item) => item.trim().toLowerCase());
  return (resource) => {
    const actual = valueOf(resource, name).toLowerCase();
    return wanted.some((item) => (partial ? actual.includes(item) : actual === item));
  };
};

const compare = (a: string, b: string): number => {
  const [x, y] = [Number(a), Number(b)];
  return a !== '' && b !== '' && !Number.isNaN(x) && !Number.isNaN(y) ? x - y : a.localeCompare(b, 'en', { sensitivity: 'base' });
};

/** `sort=-default,name`: each key in turn, `-` for descending. */
const bySort =
  (sort: string) =>
  (a: Resource, b: Resource): number => {
    for (const key of sort.split(',')) {
      const name = key.replace(/^-/, '');
      const order = compare(valueOf(a, name), valueOf(b, name));
      if (order !== 0) return key.startsWith('-') ? -order : order;
    }
    return 0;
  };

export const applyToPage = (resources: readonly Resource[], spec: ResourceSpec, params: Params): Resource[] => {
  let kept = [...resources];
  for (const [param, value] of Object.entries(params)) {
    if (param.startsWith('filter[')) kept = kept.filter(keepsFor(spec, param, value));
  }
  const sort = params['sort'];
  return sort ? kept.sort(bySort(sort)) : kept;
};
