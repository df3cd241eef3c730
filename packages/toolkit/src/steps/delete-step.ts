/** A step that deletes one record, picked from a dropdown or mapped by ID; a record that is not there is said plainly. */
import { defineCreate, type Bundle, type Create, type ZObject } from 'zapier-platform-core';
import { deleteRecord } from '../api-client.js';
import { appError, ErrorCode } from '../app-errors.js';
import { dropdownRef } from '../fields.js';
import { checkId } from '../record-id.js';
import type { ResourceSpec } from '../resource-spec.js';
import { inSentence } from '../field-names.js';
import type { StepOptions } from './step-options.js';
import { invalidInput } from './write-body.js';

export interface DeleteOptions<K extends string> extends StepOptions<K> {
  readonly dropdown: string;
  readonly search?: string;
}

export const deleteStep = <K extends string>(spec: ResourceSpec, options: DeleteOptions<K>): Create<K> => {
  const noun = inSentence(spec.noun);

  const perform = async (z: ZObject, bundle: Bundle): Promise<{ id: string; deleted: boolean }> => {
    const checked = checkId(spec.requester, spec.noun, bundle.inputData['id']);
    if (!checked.ok) throw invalidInput(z, spec, [checked.problem]);
    if (!(await deleteRecord(z, bundle, spec, checked.id))) {
      throw appError(z, {
        code: ErrorCode.NotFound,
        status: 404,
        message: `There is no ${noun} ${checked.id} in this ${spec.requester.service} account (it may have been deleted already): nothing was deleted.`,
      });
    }
    return { id: checked.id, deleted: true };
  };

  return defineCreate({
    key: options.key,
    noun: spec.noun,
    display: {
      label: options.label ?? `Delete ${spec.noun}`,
      description: options.description ?? `Deletes ${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}.`,
      hidden: options.hidden ?? false,
    },
    operation: {
      perform,
      inputFields: [
        {
          key: 'id',
          label: spec.noun,
          type: 'string',
          required: true,
          dynamic: dropdownRef(options.dropdown),
          ...(options.search ? { search: `${options.search}.id` } : {}),
          helpText: `The ${noun} to delete. Pick one, or map its ${spec.requester.service} ID (${spec.requester.recordId.description}). This cannot be undone.`,
        },
      ],
      sample: { id: String(spec.sample['id']), deleted: true },
      outputFields: [
        { key: 'id', label: `${spec.noun} ID` },
        { key: 'deleted', label: 'Deleted', type: 'boolean' },
      ],
    },
  });
};
