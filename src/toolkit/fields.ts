/** Zapier input and output field definitions computed from a resource spec. */
import type { PlainInputField } from 'zapier-platform-core';
import { keyFor, labelFor } from './field-names.js';
import type { AttributeKind, AttributeSpec, RelationshipSpec, ResourceSpec } from './resource-spec.js';

export interface OutputField {
  key: string;
  label: string;
  type?: 'string' | 'integer' | 'number' | 'boolean' | 'datetime';
  list?: boolean;
}

const INPUT_TYPES: Record<AttributeKind, NonNullable<PlainInputField['type']>> = {
  string: 'string',
  text: 'text',
  integer: 'integer',
  decimal: 'number',
  boolean: 'boolean',
  datetime: 'datetime',
  date: 'datetime',
  json: 'text',
};

const OUTPUT_TYPES: Partial<Record<AttributeKind, OutputField['type']>> = {
  integer: 'integer',
  boolean: 'boolean',
  datetime: 'datetime',
  date: 'datetime',
};

const attributeLabel = (attribute: AttributeSpec): string => attribute.label ?? labelFor(attribute.name);

const relationshipLabel = (relationship: RelationshipSpec): string => relationship.label ?? labelFor(relationship.name);

/** Writable attributes and relationships as input fields; `required` names keys that must be given. */
export const writeInputFields = (spec: ResourceSpec, required: readonly string[] = []): PlainInputField[] => {
  const attributes = spec.attributes
    .filter((attribute) => attribute.writable)
    .map((attribute): PlainInputField => {
      const key = keyFor(attribute.name);
      return {
        key,
        label: attributeLabel(attribute),
        type: INPUT_TYPES[attribute.kind],
        required: required.includes(key),
        ...(attribute.help ? { helpText: attribute.help } : {}),
        ...(attribute.choices ? { choices: [...attribute.choices] } : {}),
      };
    });
  const relationships = spec.relationships
    .filter((relationship) => relationship.writable)
    .map((relationship): PlainInputField => {
      const key = `${keyFor(relationship.name)}_${relationship.many ? 'ids' : 'id'}`;
      return {
        key,
        // A dropdown is labelled by the thing it picks ("Client"), not by its id.
        label: relationshipLabel(relationship),
        type: 'string',
        required: required.includes(key),
        ...(relationship.many ? { list: true } : {}),
        ...(relationship.dropdown ? { dynamic: `${relationship.dropdown}.id.${keyFor(relationship.display ?? 'name')}` } : {}),
        ...(relationship.help ? { helpText: relationship.help } : {}),
      };
    });
  return [...attributes, ...relationships];
};

/** Every key a record of this resource carries, labelled. */
export const outputFieldsFor = (spec: ResourceSpec): OutputField[] => {
  const noun = spec.noun;
  const fields: OutputField[] = [{ key: 'id', label: `${noun} ID` }];
  for (const attribute of spec.attributes) {
    const type = OUTPUT_TYPES[attribute.kind];
    if (attribute.kind === 'json') continue; // nested values: Zapier lists their parts itself
    fields.push({ key: keyFor(attribute.name), label: attributeLabel(attribute), ...(type ? { type } : {}) });
  }
  for (const relationship of spec.relationships) {
    const key = keyFor(relationship.name);
    const label = relationshipLabel(relationship);
    if (relationship.many) {
      fields.push({ key: `${key}_ids`, label: `${label} IDs`, list: true });
    } else {
      fields.push({ key: `${key}_id`, label: `${label} ID` });
      if (spec.include?.includes(relationship.name)) fields.push({ key: `${key}_name`, label: `${label} Name` });
    }
  }
  return fields;
};
