import type { Json, JsonObject } from '../json.js';
import type { StoredRecord } from '../store.js';
import type { ApiContext } from '../api/context.js';

/**
 * The sandbox's own description of a ScopeStack resource, written from scopestack-api.md.
 * Deliberately independent of the integration's catalog: a test passes only when the two agree.
 */
export type AttributeKind = 'string' | 'boolean' | 'integer' | 'decimal' | 'date' | 'datetime' | 'list' | 'object' | 'variables';

export interface AttributeDef {
  name: string;
  kind: AttributeKind;
  /** Clients may send it on POST/PATCH (default true, false for computed and timestamps). */
  writable: boolean;
  /** Digits after the point for decimals, which are served as strings ("150.0", "10000.00"). */
  scale?: number;
  choices?: readonly string[];
  /** project-variables context whose definitions shape a `variables` attribute. */
  variableContext?: string;
  compute?: (record: StoredRecord, context: ApiContext) => Json;
}

export interface RelationshipDef {
  name: string;
  type: string;
  /** To-many relationships are derived from the target's to-one `inverse` relationship. */
  many?: { inverse: string };
  writable: boolean;
  /** 'always': to-one `data` linkage is rendered; 'included': only when the relationship is included. */
  linkage: 'always' | 'included';
}

export type FilterFn = (record: StoredRecord, values: string[], context: ApiContext) => boolean;

export interface ValidationIssue {
  /** JSON pointer into the request document, e.g. /data/attributes/name. */
  pointer: string;
  title: string;
  /** Attribute or relationship name as the detail names it. */
  field: string;
}

/** A record as a write would leave it, before it is stored. */
export interface Draft {
  attributes: JsonObject;
  links: Record<string, string | null>;
  /** To-many linkage sent in the body (e.g. crm-opportunities.projects), by relationship name. */
  manyLinks: Record<string, string[]>;
}

/** The attribute and relationship names a write body actually sent. */
export interface SentNames {
  attributes: string[];
  relationships: string[];
}

export interface ResourceHooks {
  /**
   * Runs once attributes are coerced and relationships linked, before the required checks: it may
   * fill the draft (values the client did not send) and returns 422 issues. Issues on a field that
   * already has one are dropped.
   */
  prepare?(draft: Draft, sent: SentNames, existing: StoredRecord | undefined, context: ApiContext): ValidationIssue[];
  /** Extra 422 checks once types are coerced; `existing` is undefined on create. */
  validate?(draft: Draft, existing: StoredRecord | undefined, context: ApiContext): ValidationIssue[];
  /** Runs after the record is stored (create and update). */
  afterSave?(record: StoredRecord, previous: StoredRecord | undefined, draft: Draft, context: ApiContext): void;
  /** Runs each time a record is served in a response (drives asynchronous document generation). */
  onRead?(record: StoredRecord, context: ApiContext): void;
  /** Runs for every record of a list before filters and sort apply (time-based changes, not counted as a read). */
  beforeList?(record: StoredRecord, context: ApiContext): void;
  beforeDelete?(record: StoredRecord, context: ApiContext): void;
}

export interface ResourceDef {
  type: string;
  operations: { create: boolean; update: boolean; delete: boolean };
  attributes: AttributeDef[];
  relationships: RelationshipDef[];
  /** Filters beyond the automatic ones (id, every to-one relationship, `<datetime>.after/.before`). */
  filters: Record<string, FilterFn>;
  required: { attributes: string[]; relationships: string[] };
  /** Attribute values for a new record before the client's values are applied. */
  defaults?: (context: ApiContext) => JsonObject;
  /** Relationship values for a new record (e.g. the creator). */
  defaultLinks?: (context: ApiContext) => Record<string, string | null>;
  hooks?: ResourceHooks;
}

type AttributeOptions = Partial<Omit<AttributeDef, 'name' | 'kind'>>;

function attribute(kind: AttributeKind) {
  return (name: string, options: AttributeOptions = {}): AttributeDef => ({ name, kind, writable: true, ...options });
}

export const str = attribute('string');
export const bool = attribute('boolean');
export const int = attribute('integer');
export const date = attribute('date');
export const list = attribute('list');
export const object = attribute('object');
export const money = (name: string, options: AttributeOptions = {}): AttributeDef => attribute('decimal')(name, { scale: 2, ...options });
export const hours = (name: string, options: AttributeOptions = {}): AttributeDef => attribute('decimal')(name, { scale: 1, ...options });
export const stamp = (name: string): AttributeDef => attribute('datetime')(name, { writable: false });
export const choice = (name: string, choices: readonly string[], options: AttributeOptions = {}): AttributeDef =>
  attribute('string')(name, { choices, ...options });
export const variables = (name: string, variableContext: string): AttributeDef => attribute('variables')(name, { variableContext });
export const computed = (
  name: string,
  kind: AttributeKind,
  compute: (record: StoredRecord, context: ApiContext) => Json,
): AttributeDef => ({ name, kind, writable: false, compute });

export const TIMESTAMPS: AttributeDef[] = [stamp('created-at'), stamp('updated-at')];

export const toOne = (name: string, type: string, options: Partial<Omit<RelationshipDef, 'name' | 'type'>> = {}): RelationshipDef => ({
  name,
  type,
  writable: true,
  linkage: 'always',
  ...options,
});

export const toMany = (name: string, type: string, inverse: string, writable = false): RelationshipDef => ({
  name,
  type,
  many: { inverse },
  writable,
  linkage: 'included',
});

export const READ_ONLY = { create: false, update: false, delete: false };
export const CREATE_ONLY = { create: true, update: false, delete: false };
export const CREATE_UPDATE = { create: true, update: true, delete: false };
