/** Builds JSON:API write bodies from flat Zapier input, following a resource spec. */
import { coerceValue, isGiven } from './coerce.js';
import type { Reading } from './dates.js';
import { keyFor } from './field-names.js';
import { attributeLabel, lineItemKey, relationshipLabel } from './fields.js';
import type { FlatInput, ResourceIdentifier } from './json-api.js';
import { checkId } from './record-id.js';
import type { Requester, ResourceSpec } from './resource-spec.js';
import { quoteValue, scalarText } from './text.js';

export interface WriteDocument {
  data: {
    type: string;
    id?: string;
    attributes: Record<string, unknown>;
    relationships?: Record<string, { data: ResourceIdentifier | ResourceIdentifier[] }>;
  };
}

type Owner = NonNullable<ReturnType<NonNullable<Requester['ownerRelationship']>>>;

export interface WriteOptions {
  /** Set for updates: the record's id goes into `data.id`. */
  id?: string;
  /** A to-one relationship every create carries (the owning account). */
  owner?: Owner;
  /** What relative dates are relative to; now in UTC when not given. */
  reading?: Reading;
}

export type DocumentResult = { ok: true; document: WriteDocument } | { ok: false; problems: string[] };

/** Line item rows keyed `parent__item` (as Zapier sends them) back to the API's `{ item }` objects. */
const fromLineItems = (value: unknown, parentKey: string, items: readonly string[]): unknown =>
  Array.isArray(value)
    ? value.map((row: unknown) => {
        if (typeof row !== 'object' || row === null) return row;
        const cells = row as Record<string, unknown>;
        return Object.fromEntries(
          items.flatMap((item) => {
            const cell = cells[lineItemKey(parentKey, item)] ?? cells[item];
            return cell === undefined ? [] : [[item, cell]];
          }),
        );
      })
    : value;

/** Line items, mapped or typed as JSON, must be rows: `5`, `"text"` or a lone object are not. */
const isListOfRows = (value: unknown): boolean =>
  Array.isArray(value) && value.every((row: unknown) => typeof row === 'object' && row !== null && !Array.isArray(row));

const rowExample = (items: readonly string[]): string => `[{${items.map((item) => `"${item}": "…"`).join(', ')}}]`;

const splitIds = (value: unknown): string[] =>
  (Array.isArray(value) ? value : String(value).split(',')).map((id) => String(id).trim()).filter(Boolean);

/**
 * `toDocument(spec, input)` maps each writable attribute and relationship that the input gives
 * (blank values are skipped) and reports every value that does not fit, labelled as the user
 * sees it, instead of sending a request that would fail.
 */
export const toDocument = (spec: ResourceSpec, input: FlatInput, options: WriteOptions = {}): DocumentResult => {
  const problems: string[] = [];
  const attributes: Record<string, unknown> = {};
  for (const attribute of spec.attributes) {
    if (!attribute.writable) continue;
    const value = input[keyFor(attribute.name)];
    if (!isGiven(value)) continue;
    const label = attributeLabel(attribute);
    const coerced = coerceValue(attribute.kind, value, options.reading);
    if (!coerced.ok) {
      problems.push(`${label} ${coerced.problem} (got ${quoteValue(value)}).`);
    } else if (attribute.choices && !Object.hasOwn(attribute.choices, scalarText(coerced.value))) {
      problems.push(`${label} must be one of ${Object.keys(attribute.choices).join(', ')} (got ${quoteValue(value)}).`);
    } else if (attribute.items && !isListOfRows(coerced.value)) {
      problems.push(`${label} must be a list of rows, such as ${rowExample(attribute.items)} (got ${quoteValue(value)}).`);
    } else {
      attributes[attribute.name] = attribute.items ? fromLineItems(coerced.value, keyFor(attribute.name), attribute.items) : coerced.value;
    }
  }

  if (!options.id) Object.assign(attributes, composedAttributes(spec, attributes));

  const relationships: Record<string, { data: ResourceIdentifier | ResourceIdentifier[] }> = {};
  for (const relationship of spec.relationships) {
    if (!relationship.writable) continue;
    const key = keyFor(relationship.name);
    const value = input[relationship.many ? `${key}_ids` : `${key}_id`];
    if (!isGiven(value)) continue;
    const identifiers: ResourceIdentifier[] = [];
    for (const raw of relationship.many ? splitIds(value) : [value]) {
      const check = checkId(spec.requester, relationshipLabel(relationship), raw);
      if (check.ok) identifiers.push({ type: relationship.type, id: check.id });
      else problems.push(check.problem);
    }
    const [first] = identifiers;
    if (relationship.many) relationships[relationship.name] = { data: identifiers };
    else if (first) relationships[relationship.name] = { data: first };
  }

  if (problems.length > 0) return { ok: false, problems };
  const data: WriteDocument['data'] = { type: spec.type, ...(options.id ? { id: options.id } : {}), attributes };
  if (Object.keys(relationships).length > 0) data.relationships = relationships;
  return { ok: true, document: options.owner && !options.id ? withOwner({ data }, options.owner) : { data } };
};

/** The composed attributes (`composedOf`) a create leaves empty, from the parts it gives; none when no part is given. */
const composedAttributes = (spec: ResourceSpec, attributes: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(
    spec.attributes.flatMap((attribute) => {
      const composed = attribute.composedOf;
      if (!composed || attributes[attribute.name] !== undefined) return [];
      const parts = composed.parts.map((part) => scalarText(attributes[part])).filter((part) => part !== '');
      return parts.length > 0 ? [[attribute.name, parts.join(composed.separator)]] : [];
    }),
  );

/** A create body with the owner relationship (the account) added. */
export const withOwner = (document: WriteDocument, owner: Owner | undefined): WriteDocument => {
  if (!owner) return document;
  const { data } = document;
  return { data: { ...data, relationships: { [owner.name]: { data: { type: owner.type, id: owner.id } }, ...data.relationships } } };
};
