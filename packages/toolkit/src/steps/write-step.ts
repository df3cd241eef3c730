/**
 * Create, update and create-or-update steps: input checked and keyed for the API before any write, one write sent, the answer flattened. A create is never retried by this code.
 */
import { defineCreate, type Bundle, type Create, type PlainInputField, type ZObject } from 'zapier-platform-core';
import { withAccountDefaults } from '../account-defaults.js';
import { withMergedRows } from '../merged-rows.js';
import { writeRecord } from '../api-client.js';
import { isGiven } from '../coerce.js';
import { customInputFields, customOutputFields } from '../custom-fields.js';
import { dropdownRef, outputFieldsFor, writeInputFields } from '../fields.js';
import type { FlatRecord } from '../flat-record.js';
import { checkId } from '../record-id.js';
import { finished } from '../records.js';
import type { FilterSpec, ResourceSpec } from '../resource-spec.js';
import { scalarText } from '../text.js';
import { withOwner } from '../write-values.js';
import { findRecords, type NarrowSpec } from './find-records.js';
import { inSentence } from '../field-names.js';
import type { StepOptions } from './step-options.js';
import { stepText } from './step-text.js';
import { outcomeField, waitForJob, withOutcome, type WaitSpec } from './wait-for-job.js';
import { chooseVariant, invalidInput, ownerOf, writeBody, type Variants } from './write-body.js';

const display = (options: StepOptions<string>, text: { label: string; description: string }) => ({
  label: options.label ?? text.label,
  description: options.description ?? text.description,
  hidden: options.hidden ?? false,
});

export interface CreateOptions<K extends string> extends StepOptions<K> {
  readonly required: readonly string[];
  /** Shapes the create can take, decided by one input (a catalog or a custom service). */
  readonly variants?: Variants;
  /** For a create that starts a job: wait for it to end, and say what happened. */
  readonly wait?: WaitSpec;
  /** Input keys a find matches this record by: two runs with the same values create one at a time (see `lockOn`). */
  readonly lockOn?: readonly string[];
}

export const createStep = <K extends string>(spec: ResourceSpec, options: CreateOptions<K>): Create<K> => {
  const fields = writeInputFields(spec, options.required);

  const perform = async (z: ZObject, bundle: Bundle): Promise<FlatRecord> => {
    const input = bundle.inputData;
    const values = await writeBody(z, bundle, spec, input, {
      fields,
      ...ownerOf(spec, bundle),
      ...(options.variants ? { variant: chooseVariant(options.variants, input) } : {}),
    });
    const created = finished(spec, await writeRecord(z, bundle, spec, await withAccountDefaults(z, bundle, spec, input, values)), z);
    return options.wait ? waitForJob(z, bundle, spec, created, options.wait) : created;
  };

  const { wait } = options;
  return defineCreate({
    key: options.key,
    noun: spec.noun,
    display: display(options, stepText.create(spec)),
    operation: {
      perform,
      ...(options.lockOn ? { lock: lockOn(spec, options.lockOn) } : {}),
      inputFields: [...fields, ...customInputFields(spec, true)],
      sample: wait ? withOutcome({ ...spec.sample, id: scalarText(spec.sample['id']) }, wait) : { ...spec.sample },
      outputFields: [...(wait ? [outcomeField] : []), ...outputFieldsFor(spec), ...customOutputFields(spec)],
    },
  });
};

/** The record a change belongs to (a contact's project), picked first so the record dropdown lists only its records. */
interface UpdateParent {
  /** Input key, which is also the write's relationship key (`project_id`); it is not changed by the update. */
  readonly key: string;
  readonly label: string;
  readonly dropdown: string;
  readonly search?: string;
}

export interface UpdateOptions<K extends string> extends StepOptions<K> {
  /** The hidden trigger listing the records; `search` the step that can find one. */
  readonly dropdown: string;
  readonly search?: string;
  readonly parent?: UpdateParent;
}

export const updateStep = <K extends string>(spec: ResourceSpec, options: UpdateOptions<K>): Create<K> => {
  const { parent } = options;
  // A parent in the spec's path (`organizations/{organization_id}/…`) is part of the record's address.
  const parentInPath = parent !== undefined && spec.path.includes(`{${parent.key}}`);
  const parentField: PlainInputField[] = parent
    ? [
        {
          key: parent.key,
          label: parent.label,
          type: 'string',
          required: parentInPath,
          altersDynamicFields: true,
          dynamic: dropdownRef(parent.dropdown),
          ...(parent.search ? { search: `${parent.search}.id` } : {}),
          helpText:
            `Pick the ${inSentence(parent.label)} first to list its ${inSentence(spec.noun)} records below. ` +
            (parentInPath
              ? `${spec.requester.service} finds the ${inSentence(spec.noun)} under it, so it is needed even when you map the ${spec.noun} ID.`
              : `Not needed when you map the ${spec.noun} ID.`),
        },
      ]
    : [];
  const idField: PlainInputField = {
    key: 'id',
    label: spec.noun,
    type: 'string',
    required: true,
    dynamic: dropdownRef(options.dropdown),
    ...(options.search ? { search: `${options.search}.id` } : {}),
    helpText: `The ${inSentence(spec.noun)} to change. Pick one, or map its ${spec.requester.service} ID (${spec.requester.recordId.description}) from an earlier step.`,
  };
  const changeFields = writeInputFields(spec).filter((field) => field.key !== parent?.key);
  const changeKeys = new Set(changeFields.map((field) => field.key));

  const perform = async (z: ZObject, bundle: Bundle): Promise<FlatRecord> => {
    const input = bundle.inputData;
    if (!isGiven(input['id'])) throw invalidInput(z, spec, [`${spec.noun} is required.`]);
    const checked = checkId(spec.requester, spec.noun, input['id']);
    if (!checked.ok) throw invalidInput(z, spec, [checked.problem]);
    // Only what the user filled in is sent: a partial update.
    const changes = Object.fromEntries(Object.entries(input).filter(([key]) => changeKeys.has(key) || key.startsWith('custom_')));
    if (!Object.values(changes).some(isGiven)) {
      throw invalidInput(z, spec, [`Fill in at least one field to change on the ${inSentence(spec.noun)}.`]);
    }
    const values = await writeBody(z, bundle, spec, changes, { fields: changeFields, id: checked.id });
    return finished(spec, await writeRecord(z, bundle, spec, await withMergedRows(z, bundle, spec, values)), z);
  };

  return defineCreate({
    key: options.key,
    noun: spec.noun,
    display: display(options, stepText.update(spec)),
    operation: {
      perform,
      inputFields: [...parentField, idField, ...changeFields, ...customInputFields(spec, false)],
      sample: { ...spec.sample },
      outputFields: [...outputFieldsFor(spec), ...customOutputFields(spec)],
    },
  });
};

/**
 * Zapier runs the steps of one connection that share this key one at a time: two Zap runs that
 * find nothing for the same values cannot both create. Keyed on the resource and the values,
 * so a Create or Update and the create of a Find or Create of the same record wait for each other.
 */
const lockOn = (spec: ResourceSpec, keys: readonly string[]): { key: string; scope: ['auth']; timeout: number } => ({
  key: `${spec.type}:${keys.map((key) => `{{bundle.inputData.${key}}}`).join('|')}`,
  scope: ['auth'],
  // Longer than a step can run (30 s), so the lock is held for the whole run.
  timeout: 60,
});

/** The spec's filter with this key; a catalog naming one it lacks fails when the app loads. */
const filterNamed = (spec: ResourceSpec, key: string): FilterSpec => {
  const filter = spec.filters?.find((candidate) => candidate.key === key);
  if (!filter) throw new Error(`${spec.noun} has no filter "${key}" to match a create-or-update by.`);
  return filter;
};

/** What a create-or-update step did, among its outputs. */
const UPSERT_ACTION_KEY = 'upsert_action';

export interface UpsertOptions<K extends string> extends StepOptions<K> {
  readonly required: readonly string[];
  /** The keys of the spec's filters a record is found by (its unique keys), tried in order. */
  readonly match: readonly string[];
  /** Matches must also belong to this related record (a project's client), an input field too. */
  readonly narrow?: readonly NarrowSpec[];
}

/**
 * "Create or Update": finds the record by its unique key, then sends only what was filled in to
 * it (PATCH), or creates it (POST) when none matches. Two requests; the input is checked before
 * either, and the output says which happened.
 */
export const upsertStep = <K extends string>(spec: ResourceSpec, options: UpsertOptions<K>): Create<K> => {
  const fields = writeInputFields(spec, options.required);
  const match = options.match.map((key) => filterNamed(spec, key));
  const by = match.map((filter) => filter.label ?? filter.key).join(' or ');
  const find = { filters: match, ...(options.narrow ? { narrow: options.narrow } : {}) };

  const perform = async (z: ZObject, bundle: Bundle): Promise<FlatRecord> => {
    const input = bundle.inputData;
    // One body for both outcomes; only a create carries the owner, only an update the ID.
    const values = await writeBody(z, bundle, spec, input, { fields });
    // Matching by ID is not a create-or-update: the unique key decides.
    // One lookup: by the first unique key given (a product by SKU when there is one, else by name).
    const first = match.find((filter) => isGiven(input[filter.key]));
    const lookup = first ? { ...find, filters: [first] } : find;
    const [existing] = await findRecords(z, { ...bundle, inputData: { ...input, id: '' } }, spec, lookup);
    if (!existing) {
      const created = await writeRecord(
        z,
        bundle,
        spec,
        await withAccountDefaults(z, bundle, spec, input, withOwner(values, ownerOf(spec, bundle).owner)),
      );
      return { ...finished(spec, created, z), [UPSERT_ACTION_KEY]: 'created' };
    }
    const updated = await writeRecord(z, bundle, spec, await withMergedRows(z, bundle, spec, { ...values, id: existing.id }, existing));
    return { ...finished(spec, updated, z), [UPSERT_ACTION_KEY]: 'updated' };
  };

  return defineCreate({
    key: options.key,
    noun: spec.noun,
    display: display(options, {
      label: `Create or Update ${spec.noun}`,
      description: `Creates a ${inSentence(spec.noun)}, or updates the one with the same ${inSentence(by)}.`,
    }),
    operation: {
      perform,
      lock: lockOn(spec, [...options.match, ...(options.narrow ?? []).map((filter) => filter.key)]),
      inputFields: [...fields, ...customInputFields(spec, true)],
      sample: { ...spec.sample, [UPSERT_ACTION_KEY]: 'created' },
      outputFields: [{ key: UPSERT_ACTION_KEY, label: 'Created or Updated' }, ...outputFieldsFor(spec), ...customOutputFields(spec)],
    },
  });
};
