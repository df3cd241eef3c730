/** Checks flat Zapier input against a resource spec and keys it by the API's names, ready for a wire format's body. */
import { coerceValue, isGiven } from './coerce.js';
import type { Reading } from './dates.js';
import { keyFor } from './field-names.js';
import { attributeLabel, lineItemKey, relationshipLabel } from './fields.js';
import type { FlatInput } from './flat-record.js';
import { checkId } from './record-id.js';
import type { AttributeSpec, Requester, ResourceSpec } from './resource-spec.js';
import { quoteValue, scalarText } from './text.js';
import type { RelatedIds, WriteValues } from './wire-format.js';

type Owner = NonNullable<ReturnType<NonNullable<Requester['ownerRelationship']>>>;

export interface WriteOptions {
  /** Set for updates: the record's id. */
  id?: string;
  /** A to-one relationship every create carries (the owning account). */
  owner?: Owner;
  /** What relative dates are relative to; now in UTC when not given. */
  reading?: Reading;
}

export type WriteResult = { ok: true; values: WriteValues } | { ok: false; problems: string[] };

/** The `parent__item` keys of a spec's line items, made once: building them per row costs more than the row. */
const LINE_ITEM_KEYS = new WeakMap<readonly string[], readonly string[]>();

const lineItemKeys = (parentKey: string, items: readonly string[]): readonly string[] => {
  let keys = LINE_ITEM_KEYS.get(items);
  if (!keys) LINE_ITEM_KEYS.set(items, (keys = items.map((item) => lineItemKey(parentKey, item))));
  return keys;
};

/** Line item rows keyed `parent__item` (as Zapier sends them) back to the API's `{ item }` objects. */
const fromLineItems = (value: unknown, parentKey: string, items: readonly string[]): unknown => {
  if (!Array.isArray(value)) return value;
  const keys = lineItemKeys(parentKey, items);
  return value.map((row: unknown) => {
    if (typeof row !== 'object' || row === null) return row;
    const cells = row as Record<string, unknown>;
    const object: Record<string, unknown> = {};
    for (let index = 0; index < items.length; index += 1) {
      const item = items[index] ?? '';
      const cell = cells[keys[index] ?? item] ?? cells[item];
      if (cell !== undefined) object[item] = cell;
    }
    return object;
  });
};

/** Line items, mapped or typed as JSON, must be rows: `5`, `"text"` or a lone object are not. */
const isListOfRows = (value: unknown): boolean =>
  Array.isArray(value) && value.every((row: unknown) => typeof row === 'object' && row !== null && !Array.isArray(row));

const rowExample = (items: readonly string[]): string => `[{${items.map((item) => `"${item}": "…"`).join(', ')}}]`;

const splitIds = (value: unknown): string[] =>
  (Array.isArray(value) ? value : String(value).split(',')).map((id) => String(id).trim()).filter(Boolean);

/** A spec's writable attributes with their field keys, found once per spec: every write walks them. */
const WRITABLE = new WeakMap<ResourceSpec, readonly { attribute: AttributeSpec; key: string }[]>();

const writableAttributes = (spec: ResourceSpec): readonly { attribute: AttributeSpec; key: string }[] => {
  let writable = WRITABLE.get(spec);
  if (!writable) {
    writable = spec.attributes.filter((attribute) => attribute.writable).map((attribute) => ({ attribute, key: keyFor(attribute.name) }));
    WRITABLE.set(spec, writable);
  }
  return writable;
};

/**
 * `toWriteValues(spec, input)` maps each writable attribute and relationship that the input gives
 * (blank values are skipped) and reports every value that does not fit, labelled as the user
 * sees it, instead of sending a request that would fail.
 */
export const toWriteValues = (spec: ResourceSpec, input: FlatInput, options: WriteOptions = {}): WriteResult => {
  const problems: string[] = [];
  const attributes: Record<string, unknown> = {};
  for (const { attribute, key } of writableAttributes(spec)) {
    const value = input[key];
    if (!isGiven(value)) continue;
    const coerced = coerceValue(attribute.kind, value, options.reading);
    if (!coerced.ok) {
      problems.push(`${attributeLabel(attribute)} ${coerced.problem} (got ${quoteValue(value)}).`);
    } else if (attribute.choices && !Object.hasOwn(attribute.choices, scalarText(coerced.value))) {
      problems.push(`${attributeLabel(attribute)} must be one of ${Object.keys(attribute.choices).join(', ')} (got ${quoteValue(value)}).`);
    } else if (attribute.items && !isListOfRows(coerced.value)) {
      problems.push(
        `${attributeLabel(attribute)} must be a list of rows, such as ${rowExample(attribute.items)} (got ${quoteValue(value)}).`,
      );
    } else {
      attributes[attribute.name] = attribute.items ? fromLineItems(coerced.value, keyFor(attribute.name), attribute.items) : coerced.value;
    }
  }

  if (!options.id) addComposedAttributes(spec, attributes);

  const relationships: Record<string, RelatedIds> = {};
  for (const relationship of spec.relationships) {
    if (!relationship.writable) continue;
    const key = keyFor(relationship.name);
    const value = input[relationship.many ? `${key}_ids` : `${key}_id`];
    if (!isGiven(value)) continue;
    const ids: string[] = [];
    for (const raw of relationship.many ? splitIds(value) : [value]) {
      const check = checkId(spec.requester, relationshipLabel(relationship), raw);
      if (check.ok) ids.push(check.id);
      else problems.push(check.problem);
    }
    if (relationship.many || ids.length > 0)
      relationships[relationship.name] = { type: relationship.type, ids, many: relationship.many ?? false };
  }

  if (problems.length > 0) return { ok: false, problems };
  const values: WriteValues = { type: spec.type, ...(options.id ? { id: options.id } : {}), attributes, relationships };
  return { ok: true, values: options.id ? values : withOwner(values, options.owner) };
};

/** Adds the composed attributes (`composedOf`) a create leaves empty, from the parts it gives; none when no part is given. */
const addComposedAttributes = (spec: ResourceSpec, attributes: Record<string, unknown>): void => {
  for (const attribute of spec.attributes) {
    const composed = attribute.composedOf;
    if (!composed || attributes[attribute.name] !== undefined) continue;
    const parts = composed.parts.map((part) => scalarText(attributes[part])).filter((part) => part !== '');
    if (parts.length > 0) attributes[attribute.name] = parts.join(composed.separator);
  }
};

/** A create with the owner relationship (the account) added. */
export const withOwner = (values: WriteValues, owner: Owner | undefined): WriteValues =>
  owner
    ? { ...values, relationships: { [owner.name]: { type: owner.type, ids: [owner.id], many: false }, ...values.relationships } }
    : values;
