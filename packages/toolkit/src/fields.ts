/** Zapier input and output field definitions computed from a resource spec. */
import type { PlainInputField } from 'zapier-platform-core';
import { keyFor, labelFor, singular } from './field-names.js';
import { withFormHint } from './input-forms.js';
import type { AttributeKind, AttributeSpec, CustomFieldDefinition, RelationshipSpec, ResourceSpec } from './resource-spec.js';

export interface OutputField {
  key: string;
  label: string;
  type?: 'string' | 'integer' | 'number' | 'boolean' | 'datetime' | 'file';
  list?: boolean;
}

/**
 * Zapier converts a typed input before the app sees it, and loses what it cannot read:
 * `number` keeps only digits and separators (1,500.00 arrives as 1), `datetime` turns what it
 * cannot read into "now", `boolean` makes any other text true. So every field is text, the
 * toolkit reads it (`coerce.ts`) and refuses what it cannot read, and the help says the form.
 */
const INPUT_TYPES: Record<AttributeKind, 'string' | 'text'> = {
  string: 'string',
  text: 'text',
  integer: 'string',
  decimal: 'string',
  boolean: 'string',
  datetime: 'string',
  date: 'string',
  json: 'text',
  list: 'string',
  email: 'string',
};

/** A boolean keeps the editor's Yes/No choice; the values are the words the toolkit reads. */
const YES_NO = { true: 'Yes', false: 'No' } as const;

const OUTPUT_TYPES: Partial<Record<AttributeKind, OutputField['type']>> = {
  integer: 'integer',
  boolean: 'boolean',
  datetime: 'datetime',
  date: 'datetime',
};

/** Every dropdown trigger's records carry this label, so a dynamic field can show it. */
export const DROPDOWN_LABEL_KEY = 'label';

/** Zapier's `dynamic` reference to a dropdown trigger: `list_clients.id.label`. */
export const dropdownRef = (dropdownKey: string): string => `${dropdownKey}.id.${DROPDOWN_LABEL_KEY}`;

/** The key of a custom field's value, as input and as output: `custom_region`. */
export const customFieldKey = (name: string): string => `custom_${name.replace(/[^a-zA-Z0-9_]/g, '_')}`;

/** Zapier wants child keys unique across a step, so a line item's `name` becomes `user_defined_fields__name`. */
export const lineItemKey = (parentKey: string, item: string): string => `${parentKey}__${item}`;

export const attributeLabel = (attribute: AttributeSpec): string => attribute.label ?? labelFor(attribute.name);

export const relationshipLabel = (relationship: RelationshipSpec): string => relationship.label ?? labelFor(relationship.name);

/** Writable attributes and relationships as input fields; `requiredKeys` must be given. */
export const writeInputFields = (spec: ResourceSpec, requiredKeys: readonly string[] = []): PlainInputField[] => {
  const attributes = spec.attributes
    .filter((attribute) => attribute.writable)
    .map((attribute): PlainInputField => {
      const key = keyFor(attribute.name);
      const label = attributeLabel(attribute);
      const required = requiredKeys.includes(key);
      // Zapier's schema forbids type and help beside children: the attribute's help goes on the
      // first column, and every other column says what it holds for the row.
      if (attribute.items) {
        const [first = ''] = attribute.items;
        const children = attribute.items.map((item, index) => ({
          key: lineItemKey(key, item),
          label: `${label}: ${labelFor(item)}`,
          helpText:
            index === 0
              ? (attribute.help ?? `${labelFor(item)} of each ${label.toLowerCase()} row.`)
              : `The ${labelFor(item).toLowerCase()} for the ${labelFor(first).toLowerCase()} in the same row.`,
        }));
        return { key, label, required, children };
      }
      const helpText = withFormHint(attribute.kind, attribute.help);
      const choices = attribute.choices ?? (attribute.kind === 'boolean' ? YES_NO : undefined);
      return {
        key,
        label,
        type: INPUT_TYPES[attribute.kind],
        required,
        ...(attribute.kind === 'list' ? { list: true } : {}),
        ...(helpText ? { helpText } : {}),
        ...(choices ? { choices: { ...choices } } : {}),
        ...(attribute.default ? { default: attribute.default } : {}),
        ...(attribute.dropdown ? { dynamic: dropdownRef(attribute.dropdown) } : {}),
        ...(attribute.externalId ? { meta: { externalId: true } } : {}),
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
        required: requiredKeys.includes(key),
        ...(relationship.many ? { list: true } : {}),
        ...(relationship.dropdown ? { dynamic: dropdownRef(relationship.dropdown) } : {}),
        ...(relationship.search ? { search: `${relationship.search}.id` } : {}),
        ...(relationship.help ? { helpText: relationship.help } : {}),
      };
    });
  // The record this one belongs to (a project's client, a contact's project) is picked first.
  const owners = relationships.filter((field) => field.required);
  return [...owners, ...attributes, ...relationships.filter((field) => !field.required)];
};

/** Every key a record of this resource carries, labelled. */
export const outputFieldsFor = (spec: ResourceSpec): OutputField[] => {
  const noun = spec.noun;
  const fields: OutputField[] = [{ key: 'id', label: `${noun} ID` }];
  for (const attribute of spec.attributes) {
    const type = OUTPUT_TYPES[attribute.kind];
    const key = keyFor(attribute.name);
    if (attribute.kind === 'json' && attribute.keys) {
      fields.push(
        ...attribute.keys.map((child) => ({ key: `${key}__${child}`, label: `${attributeLabel(attribute)}: ${labelFor(child)}` })),
      );
      continue;
    }
    if (attribute.kind === 'json') {
      fields.push(
        ...(attribute.items ?? []).map((item) => ({ key: `${key}[]${item}`, label: `${attributeLabel(attribute)}: ${labelFor(item)}` })),
      );
      continue;
    }
    fields.push({ key, label: attributeLabel(attribute), ...(type ? { type } : {}), ...(attribute.kind === 'list' ? { list: true } : {}) });
  }
  fields.push(...(spec.files ?? []).map((file) => ({ key: file.key, label: file.label, type: 'file' as const })));
  for (const relationship of spec.relationships) {
    const key = keyFor(relationship.name);
    const label = relationshipLabel(relationship);
    if (relationship.many) {
      fields.push({ key: `${key}_ids`, label: `${singular(label)} IDs`, list: true });
      if (spec.include?.includes(relationship.name)) {
        fields.push(
          ...(relationship.items ?? []).map((item) => ({ key: `${key}[]${item}`, label: `${singular(label)}: ${labelFor(item)}` })),
        );
      }
    } else {
      fields.push({ key: `${key}_id`, label: `${label} ID` });
      if (spec.include?.includes(relationship.name)) fields.push({ key: `${key}_name`, label: `${label} Name` });
    }
  }
  return fields;
};

/** A custom field as an input field: text (as every typed field, see INPUT_TYPES), labelled and required as its definition says. */
export const customInputField = (definition: CustomFieldDefinition, required = definition.required): PlainInputField => ({
  key: customFieldKey(definition.name),
  label: definition.label,
  type: INPUT_TYPES[definition.kind],
  required,
  helpText: withFormHint(definition.kind, definition.help ?? `The ${definition.label} custom field set up in your account.`),
  ...(definition.choices ? { choices: { ...definition.choices } } : {}),
});

/** A custom field among the outputs, mappable on its own (`custom_region`). */
export const customOutputField = (definition: CustomFieldDefinition): OutputField => ({
  key: customFieldKey(definition.name),
  label: definition.label,
});
