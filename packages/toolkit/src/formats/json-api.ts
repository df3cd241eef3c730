/** JSON:API documents and their mapping to flat Zapier records and back. */
import { keyFor } from '../field-names.js';
import type { FlatRecord } from '../flat-record.js';
import type { RelationshipSpec, ResourceSpec } from '../resource-spec.js';

export interface ResourceIdentifier {
  type: string;
  id: string | number;
}

interface Relationship {
  data?: ResourceIdentifier | ResourceIdentifier[] | null;
  links?: Record<string, unknown>;
}

export interface Resource {
  /** A string per JSON:API; some servers send numbers, which are read as their text. */
  id: string | number;
  type: string;
  attributes?: Record<string, unknown>;
  relationships?: Record<string, Relationship>;
  links?: Record<string, unknown>;
  meta?: Record<string, unknown>;
}

export interface ErrorObject {
  status?: string;
  /** A string per JSON:API; some servers send numbers. */
  code?: string | number;
  title?: string;
  detail?: string;
  source?: { pointer?: string; parameter?: string };
}

export interface Document<D = Resource | Resource[]> {
  data: D;
  included?: Resource[];
  meta?: Record<string, unknown>;
  links?: Record<string, string | null | undefined>;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const isResource = (value: unknown): value is Resource =>
  isObject(value) && typeof value.type === 'string' && (typeof value.id === 'string' || typeof value.id === 'number');

/** Checks the shape of a parsed body; undefined when it is not a JSON:API document. */
export const asDocument = <D extends Resource | Resource[]>(
  body: unknown,
  many: D extends unknown[] ? true : false,
): Document<D> | undefined => {
  if (!isObject(body)) return undefined;
  const data = body.data;
  const ok = many ? Array.isArray(data) && data.every(isResource) : isResource(data);
  return ok ? (body as unknown as Document<D>) : undefined;
};

/** The JSON:API `errors` array of a parsed body, or an empty list. */
export const errorsOf = (body: unknown): ErrorObject[] =>
  isObject(body) && Array.isArray(body.errors) ? body.errors.filter(isObject) : [];

/** Included records by type, then by ID as text: looked up once per relationship of every record. */
type IncludedIndex = ReadonlyMap<string, ReadonlyMap<string, Resource>>;

const NOTHING_INCLUDED: IncludedIndex = new Map();

const indexIncluded = (included: readonly Resource[]): IncludedIndex => {
  const byType = new Map<string, Map<string, Resource>>();
  for (const resource of included) {
    let byId = byType.get(resource.type);
    if (!byId) byType.set(resource.type, (byId = new Map<string, Resource>()));
    byId.set(String(resource.id), resource);
  }
  return byType;
};

const lookUp = (byKey: IncludedIndex, linkage: ResourceIdentifier): Resource | undefined =>
  byKey.get(linkage.type)?.get(String(linkage.id));

/** Relationship specs by name, for one page. */
type RelationshipIndex = ReadonlyMap<string, RelationshipSpec>;

const indexRelationships = (relationships: readonly RelationshipSpec[]): RelationshipIndex =>
  new Map(relationships.map((relationship) => [relationship.name, relationship]));

const displayName = (resource: Resource, spec: RelationshipSpec | undefined): unknown => {
  const attributes = resource.attributes ?? {};
  return attributes[spec?.display ?? 'name'] ?? attributes['name'];
};

/** First come, first kept: no relationship overwrites an attribute or another relationship. */
const put = (record: FlatRecord, key: string, value: unknown): void => {
  if (!Object.hasOwn(record, key)) record[key] = value;
};

const NO_RELATIONSHIPS: RelationshipIndex = new Map();

const flatten = (resource: Resource, byKey: IncludedIndex, relationships: RelationshipIndex): FlatRecord => {
  const record: FlatRecord = { id: String(resource.id) };
  const attributes = resource.attributes;
  if (attributes) for (const name in attributes) if (Object.hasOwn(attributes, name)) record[keyFor(name)] = attributes[name];
  // An attribute (a CRM's own `account-id`, a project's `client-name`) wins over a relationship
  // that flattens to the same key.
  const links = resource.relationships;
  if (!links) return record;
  for (const name in links) {
    if (!Object.hasOwn(links, name)) continue;
    const key = keyFor(name);
    const data = links[name]?.data;
    if (Array.isArray(data)) {
      put(
        record,
        `${key}_ids`,
        data.map((linkage) => String(linkage.id)),
      );
      const related: FlatRecord[] = [];
      for (const linkage of data) {
        const found = lookUp(byKey, linkage);
        if (found) related.push(flatten(found, NOTHING_INCLUDED, NO_RELATIONSHIPS));
      }
      if (related.length > 0) put(record, key, related);
    } else if (data) {
      put(record, `${key}_id`, String(data.id));
      const related = lookUp(byKey, data);
      if (related) put(record, `${key}_name`, displayName(related, relationships.get(name)) ?? null);
    } else if (data === null) {
      // Linkage present and empty: there is no related record. (Absent linkage means "not told".)
      put(record, `${key}_id`, null);
    }
  }
  return record;
};

/**
 * Flattens one resource: attributes under their snake_case keys (nested values kept as they
 * are), to-one relationships as `<name>_id` and, when the related record was included,
 * `<name>_name`; to-many as `<name>_ids` and the included records as a list under `<name>`.
 * `relationships` says how to name related records; relationships it does not list are
 * flattened by the same rule with `name` as their display attribute.
 */
export const toRecord = (
  resource: Resource,
  included: readonly Resource[] = [],
  relationships: readonly RelationshipSpec[] = [],
): FlatRecord => flatten(resource, indexIncluded(included), indexRelationships(relationships));

/** Flattens every resource of a list document, resolving names from its `included`. */
export const toRecords = (document: Document<Resource[]>, spec?: Pick<ResourceSpec, 'relationships'>): FlatRecord[] => {
  // One index per page: included records are shared by every resource of the page.
  const byKey = indexIncluded(document.included ?? []);
  const relationships = indexRelationships(spec?.relationships ?? []);
  return document.data.map((resource) => flatten(resource, byKey, relationships));
};
