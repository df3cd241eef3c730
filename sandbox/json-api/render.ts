import type { JsonObject, Json } from '../json.js';
import type { StoredRecord } from '../store.js';
import type { ApiContext } from '../api/context.js';
import type { ResourceDef } from '../resources/resource-def.js';
import { resourceDef } from '../resources/catalog.js';
import { relationshipTargets } from '../resources/related.js';
import { renderVariables } from '../resources/variables.js';

export function resourceUrl(context: ApiContext, type: string, id: string): string {
  return `${context.base}/${context.slug}/v1/${type}/${id}`;
}

function identifier(record: StoredRecord): JsonObject {
  return { type: record.type, id: record.id };
}

function attributeValue(record: StoredRecord, def: ResourceDef, name: string, context: ApiContext): Json {
  const attribute = def.attributes.find((candidate) => candidate.name === name);
  if (attribute?.compute !== undefined) return attribute.compute(record, context);
  if (attribute?.kind === 'variables' && attribute.variableContext !== undefined) {
    return renderVariables(record, name, attribute.variableContext, context);
  }
  return record.attributes[name] ?? null;
}

/**
 * One resource object: string id, kebab-case attributes, relationships with self/related links,
 * and `data` linkage for to-one relationships marked 'always' and for every included one.
 */
function renderResource(
  record: StoredRecord,
  def: ResourceDef,
  context: ApiContext,
  included: ReadonlySet<string> = new Set(),
  fields?: ReadonlySet<string>,
): JsonObject {
  const self = resourceUrl(context, record.type, record.id);
  const wanted = (name: string) => fields === undefined || fields.has(name);
  const attributes: JsonObject = {};
  for (const attribute of def.attributes) {
    if (wanted(attribute.name)) attributes[attribute.name] = attributeValue(record, def, attribute.name, context);
  }
  const relationships: JsonObject = {};
  for (const relationship of def.relationships) {
    if (!wanted(relationship.name)) continue;
    const entry: JsonObject = {
      links: { self: `${self}/relationships/${relationship.name}`, related: `${self}/${relationship.name}` },
    };
    const isIncluded = included.has(relationship.name);
    if (relationship.many !== undefined) {
      if (isIncluded) entry['data'] = relationshipTargets(record, relationship, context).map(identifier);
    } else if (relationship.linkage === 'always' || isIncluded) {
      const targetId = record.links[relationship.name];
      entry['data'] = targetId === null || targetId === undefined ? null : { type: relationship.type, id: targetId };
    }
    relationships[relationship.name] = entry;
  }
  const links: JsonObject = { self };
  if (record.type === 'project-approvals') {
    for (const action of ['approve', 'decline', 'rescope', 'cancel']) links[action] = `${self}/${action}`;
  }
  return { id: record.id, type: record.type, links, attributes, relationships };
}

type IncludeTree = Map<string, IncludeTree>;

function includeTree(paths: string[][]): IncludeTree {
  const root: IncludeTree = new Map();
  for (const path of paths) {
    let node = root;
    for (const segment of path) {
      const child = node.get(segment) ?? new Map<string, IncludeTree>();
      node.set(segment, child);
      node = child;
    }
  }
  return root;
}

interface Compound {
  /** Relationship names included per resource key `type:id` (primary and included alike). */
  includedNames: Map<string, Set<string>>;
  included: Map<string, StoredRecord>;
}

const keyOf = (record: StoredRecord) => `${record.type}:${record.id}`;

function walk(records: StoredRecord[], def: ResourceDef, tree: IncludeTree, compound: Compound, context: ApiContext): void {
  for (const [name, subtree] of tree) {
    const relationship = def.relationships.find((candidate) => candidate.name === name);
    const targetDef = relationship === undefined ? undefined : resourceDef(relationship.type);
    if (relationship === undefined || targetDef === undefined) continue;
    const targets: StoredRecord[] = [];
    for (const record of records) {
      const names = compound.includedNames.get(keyOf(record)) ?? new Set<string>();
      names.add(name);
      compound.includedNames.set(keyOf(record), names);
      for (const target of relationshipTargets(record, relationship, context)) {
        if (!compound.included.has(keyOf(target))) compound.included.set(keyOf(target), target);
        targets.push(target);
      }
    }
    walk(targets, targetDef, subtree, compound, context);
  }
}

/** A top-level document: `data` (one or many), and `included` deduplicated by type and id. */
export function renderDocument(
  primary: StoredRecord | StoredRecord[],
  def: ResourceDef,
  include: string[][],
  context: ApiContext,
  fields = new Map<string, Set<string>>(),
): JsonObject {
  const records = Array.isArray(primary) ? primary : [primary];
  const compound: Compound = { includedNames: new Map(), included: new Map() };
  walk(records, def, includeTree(include), compound, context);
  const render = (record: StoredRecord, recordDef: ResourceDef) =>
    renderResource(record, recordDef, context, compound.includedNames.get(keyOf(record)), fields.get(record.type));
  const data = records.map((record) => render(record, def));
  const document: JsonObject = { data: Array.isArray(primary) ? data : (data[0] ?? null) };
  const primaryKeys = new Set(records.map(keyOf));
  const included: Json[] = [];
  for (const [key, record] of compound.included) {
    const recordDef = resourceDef(record.type);
    if (!primaryKeys.has(key) && recordDef !== undefined) included.push(render(record, recordDef));
  }
  if (include.length > 0) document['included'] = included;
  return document;
}
