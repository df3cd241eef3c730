/**
 * Create and update steps: input checked and turned into a JSON:API body before any request,
 * one request sent, the answer flattened. A create is never retried by this code.
 */
import { defineCreate, type Bundle, type Create, type ZObject } from 'zapier-platform-core';
import { createResource, updateResource } from '../api-client.js';
import { appError, ErrorCode } from '../app-errors.js';
import { isGiven } from '../coerce.js';
import { keyFor } from '../field-names.js';
import { writeInputFields, outputFieldsFor } from '../fields.js';
import { toRecord, type Document, type FlatRecord, type Resource } from '../json-api.js';
import { checkId } from '../record-id.js';
import type { ResourceSpec } from '../resource-spec.js';
import { toDocument, type WriteDocument, type WriteOptions } from '../to-document.js';
import type { StepOptions } from './step-options.js';
import { stepText } from './step-text.js';

const invalidInput = (z: ZObject, spec: ResourceSpec, problems: readonly string[]): Error =>
  appError(z, {
    code: ErrorCode.Validation,
    message: `Nothing was sent to ${spec.requester.service}: ${problems.join(' ')}`,
  });

const buildBody = (z: ZObject, spec: ResourceSpec, input: Bundle['inputData'], options: WriteOptions): WriteDocument => {
  const result = toDocument(spec, input, options);
  if (!result.ok) throw invalidInput(z, spec, result.problems);
  return result.document;
};

const recordOf = (spec: ResourceSpec, document: Document<Resource>): FlatRecord =>
  toRecord(document.data, document.included, spec.relationships);

export const createStep = <K extends string>(spec: ResourceSpec, options: StepOptions<K> & { required: readonly string[] }): Create<K> => {
  const inputFields = writeInputFields(spec, options.required);
  const text = stepText.create(spec);

  const perform = async (z: ZObject, bundle: Bundle): Promise<FlatRecord> => {
    const missing = inputFields.filter((field) => field.required && !isGiven(bundle.inputData[field.key]));
    if (missing.length > 0)
      throw invalidInput(
        z,
        spec,
        missing.map((field) => `${field.label} is required.`),
      );
    const owner = spec.requester.ownerRelationship?.(bundle);
    const body = buildBody(z, spec, bundle.inputData, owner ? { owner } : {});
    return recordOf(spec, await createResource(z, bundle, spec, body));
  };

  return defineCreate({
    key: options.key,
    noun: spec.noun,
    display: { label: options.label ?? text.label, description: options.description ?? text.description, hidden: options.hidden ?? false },
    operation: { perform, inputFields, sample: { ...spec.sample }, outputFields: outputFieldsFor(spec) },
  });
};

/** `dropdown` names the hidden trigger listing the records; `search` the step that can find one. */
export const updateStep = <K extends string>(
  spec: ResourceSpec,
  options: StepOptions<K> & { dropdown: string; search?: string },
): Create<K> => {
  const text = stepText.update(spec);
  const idField = {
    key: 'id',
    label: spec.noun,
    type: 'string' as const,
    required: true,
    dynamic: `${options.dropdown}.id.${keyFor(spec.display)}`,
    ...(options.search ? { search: `${options.search}.id` } : {}),
    helpText: `The ${spec.noun.toLowerCase()} to change. Pick one, or map an ID from an earlier step.`,
  };
  const changeFields = writeInputFields(spec);

  const perform = async (z: ZObject, bundle: Bundle): Promise<FlatRecord> => {
    if (!isGiven(bundle.inputData['id'])) throw invalidInput(z, spec, [`${spec.noun} is required.`]);
    const checked = checkId(spec.requester, spec.noun, bundle.inputData['id']);
    if (!checked.ok) throw invalidInput(z, spec, [checked.problem]);
    const id = checked.id;
    if (!changeFields.some((field) => isGiven(bundle.inputData[field.key]))) {
      throw invalidInput(z, spec, [`Fill in at least one field to change on the ${spec.noun.toLowerCase()}.`]);
    }
    const body = buildBody(z, spec, bundle.inputData, { id });
    return recordOf(spec, await updateResource(z, bundle, spec, id, body));
  };

  return defineCreate({
    key: options.key,
    noun: spec.noun,
    display: { label: options.label ?? text.label, description: options.description ?? text.description, hidden: options.hidden ?? false },
    operation: { perform, inputFields: [idField, ...changeFields], sample: { ...spec.sample }, outputFields: outputFieldsFor(spec) },
  });
};
