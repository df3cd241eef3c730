/**
 * The one place a write's input is checked and turned into a JSON:API body: required fields,
 * every value by its kind, IDs, and custom fields against their definitions. Every problem is
 * reported at once, and nothing is written while there is one.
 */
import type { Bundle, PlainInputField, ZObject } from 'zapier-platform-core';
import { appError, ErrorCode } from '../app-errors.js';
import { isGiven } from '../coerce.js';
import { customValues, fetchDefinitions, setsCustomFields } from '../custom-fields.js';
import type { FlatInput } from '../json-api.js';
import type { ResourceSpec } from '../resource-spec.js';
import { toDocument, type WriteDocument, type WriteOptions } from '../to-document.js';

export const invalidInput = (z: ZObject, spec: ResourceSpec, problems: readonly string[]): Error =>
  appError(z, {
    code: ErrorCode.Validation,
    message: `Nothing was sent to ${spec.requester.service}: ${problems.join(' ')}`,
  });

const missingFields = (fields: readonly PlainInputField[], input: FlatInput): string[] =>
  fields.filter((field) => field.required && !isGiven(input[field.key])).map((field) => `${field.label ?? field.key} is required.`);

/**
 * Builds the body, or throws with every problem. Custom field definitions are read (one GET)
 * only when a custom field is filled in, so a value that does not fit is refused before the write.
 */
export const writeBody = async (
  z: ZObject,
  bundle: Bundle,
  spec: ResourceSpec,
  input: FlatInput,
  options: WriteOptions & { fields: readonly PlainInputField[] },
): Promise<WriteDocument> => {
  const problems = missingFields(options.fields, input);
  const result = toDocument(spec, input, options);
  if (!result.ok) problems.push(...result.problems);
  if (problems.length > 0 || !result.ok) throw invalidInput(z, spec, problems);
  const customFields = spec.customFields;
  if (!customFields || !setsCustomFields(input)) return result.document;
  const custom = customValues(await fetchDefinitions(z, bundle, customFields), input);
  if (!custom.ok) throw invalidInput(z, spec, custom.problems);
  const { data } = result.document;
  return { data: { ...data, attributes: { ...data.attributes, [customFields.attribute]: custom.values } } };
};
