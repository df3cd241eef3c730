/**
 * Custom fields an account defines (a resource's `customFields`): their definitions become input
 * and output fields, typed values go out as `[{ name, value }]`, and values that come back are
 * also given flat keys (`custom_region`) that a user can map directly.
 */
import type { Bundle, PlainInputField, ZObject } from 'zapier-platform-core';
import { listRecords } from './api-client.js';
import { coerceValue, isGiven } from './coerce.js';
import type { Reading } from './dates.js';
import { customFieldKey, customInputField, customOutputField, type OutputField } from './fields.js';
import type { FlatInput, FlatRecord } from './flat-record.js';
import { DEFAULT_PAGE_SIZE } from './paging.js';
import type { CustomFieldDefinition, CustomFieldsSpec, ResourceSpec } from './resource-spec.js';
import { quoteValue, scalarText } from './text.js';

/** The active definitions, in one request (one page: an account with more is not expected). */
export const fetchDefinitions = async (z: ZObject, bundle: Bundle, customFields: CustomFieldsSpec): Promise<CustomFieldDefinition[]> => {
  const spec = customFields.definitions;
  const { records } = await listRecords(z, bundle, spec, customFields.params, { size: DEFAULT_PAGE_SIZE });
  return records.flatMap((record) => customFields.toField(record) ?? []);
};

/** Whether the input sets any custom field: only then are the definitions read. */
export const setsCustomFields = (input: FlatInput): boolean =>
  Object.entries(input).some(([key, value]) => key.startsWith('custom_') && isGiven(value));

export type CustomValues = { ok: true; values: { name: string; value: unknown }[] } | { ok: false; problems: string[] };

const outOfBounds = (definition: CustomFieldDefinition, value: unknown): boolean => {
  if (definition.kind !== 'decimal') return false;
  const number = Number(value);
  return (
    (definition.minimum !== undefined && number < definition.minimum) || (definition.maximum !== undefined && number > definition.maximum)
  );
};

const boundsText = ({ minimum, maximum }: CustomFieldDefinition): string =>
  minimum !== undefined && maximum !== undefined
    ? `a number from ${minimum} to ${maximum}`
    : minimum !== undefined
      ? `a number of at least ${minimum}`
      : `a number of at most ${maximum ?? ''}`;

/** Checks each given custom value against its definition, before anything is sent. */
export const customValues = (definitions: readonly CustomFieldDefinition[], input: FlatInput, reading?: Reading): CustomValues => {
  const values: { name: string; value: unknown }[] = [];
  const problems: string[] = [];
  for (const definition of definitions) {
    const raw = input[customFieldKey(definition.name)];
    if (!isGiven(raw)) continue;
    const coerced = coerceValue(definition.kind, raw, reading);
    if (!coerced.ok) {
      problems.push(`${definition.label} ${coerced.problem} (got ${quoteValue(raw)}).`);
    } else if (definition.choices && !Object.hasOwn(definition.choices, scalarText(coerced.value))) {
      problems.push(`${definition.label} must be one of ${Object.values(definition.choices).join(', ')} (got ${quoteValue(raw)}).`);
    } else if (outOfBounds(definition, coerced.value)) {
      problems.push(`${definition.label} must be ${boundsText(definition)} (got ${quoteValue(raw)}).`);
    } else {
      values.push({ name: definition.name, value: coerced.value });
    }
  }
  const known = new Set(definitions.map((definition) => customFieldKey(definition.name)));
  for (const [key, value] of Object.entries(input)) {
    if (key.startsWith('custom_') && isGiven(value) && !known.has(key)) {
      problems.push(`The custom field ${key.slice('custom_'.length)} is no longer active in the account: refresh the step's fields.`);
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, values };
};

/** Adds `custom_<name>` for each `{ name, value }` item of the record's custom-field attribute. */
export const withCustomFields = (record: FlatRecord, attributeKey: string): FlatRecord => {
  const items = record[attributeKey];
  if (!Array.isArray(items)) return record;
  const flat: Record<string, unknown> = {};
  for (const item of items as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const { name, value } = item as { name?: unknown; value?: unknown };
    const text = scalarText(name);
    if (text) flat[customFieldKey(text)] = value ?? null;
  }
  return { ...record, ...flat };
};

type DynamicFields<F> = (z: ZObject, bundle: Bundle) => Promise<F[]>;

/**
 * The custom fields of a resource as dynamic input fields (one request each time Zapier loads
 * the step's fields). `required` false for updates, which change only what is filled in.
 */
export const customInputFields = (spec: ResourceSpec, required: boolean): DynamicFields<PlainInputField>[] => {
  const customFields = spec.customFields;
  if (!customFields) return [];
  return [
    async (z, bundle) =>
      (await fetchDefinitions(z, bundle, customFields)).map((definition) => customInputField(definition, required && definition.required)),
  ];
};

/** The flat `custom_<name>` outputs, labelled by their definitions. */
export const customOutputFields = (spec: ResourceSpec): DynamicFields<OutputField>[] => {
  const customFields = spec.customFields;
  if (!customFields) return [];
  return [async (z, bundle) => (await fetchDefinitions(z, bundle, customFields)).map(customOutputField)];
};
