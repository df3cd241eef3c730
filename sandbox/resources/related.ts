import type { Json } from '../json.js';
import type { StoredRecord } from '../store.js';
import type { ApiContext } from '../api/context.js';

/** The record a to-one relationship points at, within the request's account. */
function relatedRecord(record: StoredRecord, relationship: string, type: string, context: ApiContext): StoredRecord | undefined {
  const id = record.links[relationship];
  if (id === null || id === undefined) return undefined;
  if (type === 'accounts') return context.store.accountById(record.accountId);
  return context.store.find(type, record.accountId, id);
}

/** A related record's display attribute, for computed `*-name` attributes. */
export function relatedAttribute(record: StoredRecord, relationship: string, type: string, attribute: string, context: ApiContext): Json {
  return relatedRecord(record, relationship, type, context)?.attributes[attribute] ?? null;
}

/** Records of `type` whose to-one `inverse` relationship points at `record`. */
export function inverseRecords(record: StoredRecord, type: string, inverse: string, context: ApiContext): StoredRecord[] {
  return context.store.list(type, record.accountId).filter((candidate) => candidate.links[inverse] === record.id);
}

export function decimalString(value: number, scale: number): string {
  return value.toFixed(scale);
}

/** The records on the other side of any relationship, to-one or to-many. */
export function relationshipTargets(
  record: StoredRecord,
  relationship: { name: string; type: string; many?: { inverse: string } },
  context: ApiContext,
): StoredRecord[] {
  if (relationship.many !== undefined) return inverseRecords(record, relationship.type, relationship.many.inverse, context);
  const target = relatedRecord(record, relationship.name, relationship.type, context);
  return target === undefined ? [] : [target];
}
