/**
 * The one place a write's input is checked and keyed for the API: required fields,
 * every value by its kind, IDs, and custom fields against their definitions. Every problem is
 * reported at once, and nothing is written while there is one.
 */
import type { Bundle, PlainInputField, ZObject } from 'zapier-platform-core';
import { appError, ErrorCode } from '../app-errors.js';
import { isGiven } from '../coerce.js';
import { customValues, fetchDefinitions, setsCustomFields } from '../custom-fields.js';
import { readingNow } from '../dates.js';
import { keyFor } from '../field-names.js';
import type { FlatInput } from '../flat-record.js';
import { findRecord } from '../api-client.js';
import type { ResourceSpec } from '../resource-spec.js';
import { scalarText } from '../text.js';
import type { WriteValues } from '../wire-format.js';
import { toWriteValues, type WriteOptions } from '../write-values.js';

export const invalidInput = (z: ZObject, spec: ResourceSpec, problems: readonly string[]): Error =>
  appError(z, {
    code: ErrorCode.Validation,
    message: `Nothing was sent to ${spec.requester.service}: ${problems.join(' ')}`,
  });

const missingFields = (fields: readonly PlainInputField[], input: FlatInput): string[] =>
  fields.filter((field) => field.required && !isGiven(input[field.key])).map((field) => `${field.label ?? field.key} is required.`);

/** The owner relationship a create carries (the account), unless the resource belongs to another record. */
export const ownerOf = (spec: ResourceSpec, bundle: Bundle): { owner?: NonNullable<WriteOptions['owner']> } => {
  const owner = spec.ownedByAccount === false ? undefined : spec.requester.ownerRelationship?.(bundle);
  return owner ? { owner } : {};
};

/** What a write sends and requires in one of its shapes (a catalog service, or a custom one). */
export interface Variant {
  /** Attributes always sent in this shape (`task-source: service`). */
  readonly fixed?: Readonly<Record<string, unknown>>;
  /** Input keys this shape requires. */
  readonly required?: readonly string[];
  /** Related records this shape uses, checked before the write (a SOW's template). */
  readonly checks?: readonly RelatedCheck[];
}

/**
 * Writes that take one of several shapes, decided by one input: its value picks a case, any
 * other given value picks `given`, and a missing one `otherwise`.
 */
export interface Variants {
  readonly by: string;
  readonly cases?: Readonly<Record<string, Variant>>;
  readonly given?: Variant;
  readonly otherwise: Variant;
}

export const chooseVariant = (variants: Variants, input: FlatInput): Variant => {
  const value = input[variants.by];
  if (!isGiven(value)) return variants.otherwise;
  return variants.cases?.[scalarText(value).trim()] ?? variants.given ?? variants.otherwise;
};

/** A related record a write names that must exist in the account and be active (a document template). */
interface RelatedCheck {
  /** Input key holding the related record's ID. */
  readonly key: string;
  readonly spec: ResourceSpec;
  /** Boolean attribute that is false on a record that cannot be used. */
  readonly active?: string;
}

const relatedProblems = async (z: ZObject, bundle: Bundle, spec: ResourceSpec, input: FlatInput, checks: readonly RelatedCheck[]) => {
  const problems: string[] = [];
  for (const check of checks) {
    const value = input[check.key];
    if (!isGiven(value)) continue;
    const id = scalarText(value).trim();
    const label = check.spec.noun;
    const found = await findRecord(z, bundle, check.spec, id);
    if (!found) problems.push(`${label} ${id} does not exist in this ${spec.requester.service} account: pick one from the dropdown.`);
    else if (check.active && found[keyFor(check.active)] === false) {
      const name = scalarText(found[keyFor(check.spec.display)]) || id;
      problems.push(`${label} "${name}" is inactive: pick an active one, or activate it in ${spec.requester.service}.`);
    }
  }
  return problems;
};

/**
 * Checks the write and keys it for the API, or throws with every problem. Custom field definitions are read (one GET)
 * only when a custom field is filled in, so a value that does not fit is refused before the write.
 */
export const writeBody = async (
  z: ZObject,
  bundle: Bundle,
  spec: ResourceSpec,
  input: FlatInput,
  options: WriteOptions & { fields: readonly PlainInputField[]; variant?: Variant },
): Promise<WriteValues> => {
  const required = new Set(options.variant?.required);
  const fields = options.fields.map((field) => (required.has(field.key) ? { ...field, required: true } : field));
  const problems = missingFields(fields, input);
  const reading = readingNow(bundle.meta.timezone);
  const result = toWriteValues(spec, input, { ...options, reading });
  if (!result.ok) problems.push(...result.problems);
  // Custom values are checked even when other fields failed, so that every problem is told at once.
  const customFields = spec.customFields;
  const custom =
    customFields && setsCustomFields(input) ? customValues(await fetchDefinitions(z, bundle, customFields), input, reading) : undefined;
  if (custom && !custom.ok) problems.push(...custom.problems);
  if (problems.length > 0 || !result.ok || (custom && !custom.ok)) throw invalidInput(z, spec, problems);
  let { values } = result;
  if (options.variant?.fixed) values = { ...values, attributes: { ...values.attributes, ...options.variant.fixed } };
  if (customFields && custom) values = { ...values, attributes: { ...values.attributes, [customFields.attribute]: custom.values } };
  const related = await relatedProblems(z, bundle, spec, input, options.variant?.checks ?? []);
  if (related.length > 0) throw invalidInput(z, spec, related);
  return values;
};
