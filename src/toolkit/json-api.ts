/** JSON:API documents and their mapping to flat Zapier records and back. */
import { keyFor } from './field-names.js';
import type { RelationshipSpec, ResourceSpec } from './resource-spec.js';

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
  code?: string;
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

/** A record as Zapier sees it: `id` plus snake_case keys. */
export type FlatRecord = { id: string } & Record<string, unknown>;

/** Input values for a write, keyed like records. */
export type FlatInput = Readonly<Record<string, unknown>>;

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

type IncludedIndex = ReadonlyMap<string, Resource>;

const indexIncluded = (included: readonly Resource[]): IncludedIndex =>
  new Map(included.map((resource) => [`${resource.type}:${resource.id}`, resource]));

const displayName = (resource: Resource, spec: RelationshipSpec | undefined): unknown => {
  const attributes = resource.attributes ?? {};
  return attributes[spec?.display ?? 'name'] ?? attributes['name'];
};

const flatten = (resource: Resource, byKey: IncludedIndex, relationships: readonly RelationshipSpec[]): FlatRecord => {
  const record: FlatRecord = { id: String(resource.id) };
  for (const [name, value] of Object.entries(resource.attributes ?? {})) {
    record[keyFor(name)] = value;
  }
  // First come, first kept: an attribute (a CRM's own `account-id`, a project's `client-name`)
  // wins over a relationship that flattens to the same key, and no relationship overwrites another.
  const put = (key: string, value: unknown) => {
    if (!(key in record)) record[key] = value;
  };
  for (const [name, relationship] of Object.entries(resource.relationships ?? {})) {
    const spec = relationships.find((candidate) => candidate.name === name);
    const key = keyFor(name);
    const data = relationship.data;
    if (Array.isArray(data)) {
      put(
        `${key}_ids`,
        data.map((linkage) => String(linkage.id)),
      );
      const related = data.map((linkage) => byKey.get(`${linkage.type}:${linkage.id}`)).filter((found) => found !== undefined);
      if (related.length > 0)
        put(
          key,
          related.map((found) => flatten(found, new Map(), [])),
        );
    } else if (data) {
      put(`${key}_id`, String(data.id));
      const related = byKey.get(`${data.type}:${data.id}`);
      if (related) put(`${key}_name`, displayName(related, spec) ?? null);
    } else if (data === null) {
      // Linkage present and empty: there is no related record. (Absent linkage means "not told".)
      put(`${key}_id`, null);
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
): FlatRecord => flatten(resource, indexIncluded(included), relationships);

/** Flattens every resource of a list document, resolving names from its `included`. */
export const toRecords = (document: Document<Resource[]>, spec?: Pick<ResourceSpec, 'relationships'>): FlatRecord[] => {
  // One index per page: included records are shared by every resource of the page.
  const byKey = indexIncluded(document.included ?? []);
  return document.data.map((resource) => flatten(resource, byKey, spec?.relationships ?? []));
};
