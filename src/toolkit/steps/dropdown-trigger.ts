/**
 * A hidden trigger that feeds dynamic dropdowns: records sorted by their display name, one page
 * per call, so Zapier's "load more" walks the whole list. Each record carries a `label` that a
 * person can tell apart from its twins (a project's name with its client's).
 */
import { defineTrigger, type Bundle, type Trigger, type ZObject } from 'zapier-platform-core';
import { listResources } from '../api-client.js';
import { isGiven } from '../coerce.js';
import { keyFor } from '../field-names.js';
import { DROPDOWN_LABEL_KEY } from '../fields.js';
import type { FlatRecord } from '../json-api.js';
import { DEFAULT_PAGE_SIZE, pageParams } from '../paging.js';
import { checkId } from '../record-id.js';
import { recordsOf } from '../records.js';
import type { ResourceSpec } from '../resource-spec.js';
import { scalarText } from '../text.js';
import type { StepOptions } from './step-options.js';
import { stepText } from './step-text.js';

/** A dropdown that lists only the records of a parent chosen in another field (a project's contacts). */
export interface DropdownParent {
  /** Input key of the parent field (`project_id`). */
  readonly inputKey: string;
  /** Query parameter that narrows the list to the parent (`filter[project]`). */
  readonly param: string;
}

const labelOf = (spec: ResourceSpec, record: FlatRecord): string => {
  const name = scalarText(record[keyFor(spec.display)]) || `${spec.noun} ${record.id}`;
  const detail = spec.dropdownDetail ? scalarText(record[keyFor(spec.dropdownDetail)]) : '';
  return detail ? `${name} (${detail})` : name;
};

export const dropdownTrigger = <K extends string>(
  spec: ResourceSpec,
  options: StepOptions<K> & { plural: string; parent?: DropdownParent },
): Trigger<K> => {
  const text = stepText.list(options.plural);

  const perform = async (z: ZObject, bundle: Bundle): Promise<FlatRecord[]> => {
    const params: Record<string, string> = {
      ...spec.dropdownParams,
      sort: spec.dropdownSort ?? spec.display,
      ...pageParams(bundle.meta.page, spec.pageSize ?? DEFAULT_PAGE_SIZE),
    };
    const parent = options.parent;
    if (parent) {
      // Without its parent the list would mix every parent's records: show none until one is picked.
      const check = checkId(spec.requester, 'parent', bundle.inputData[parent.inputKey]);
      if (!isGiven(bundle.inputData[parent.inputKey]) || !check.ok) return [];
      params[parent.param] = check.id;
    }
    const records = recordsOf(await listResources(z, bundle, spec, params, false), spec);
    return records.map((record) => ({ ...record, [DROPDOWN_LABEL_KEY]: labelOf(spec, record) }));
  };

  const sampleRecord = { ...spec.sample, id: scalarText(spec.sample['id']) };
  return defineTrigger({
    key: options.key,
    noun: spec.noun,
    display: { label: options.label ?? text.label, description: options.description ?? text.description, hidden: true },
    operation: {
      type: 'polling',
      perform,
      canPaginate: true,
      sample: { id: sampleRecord.id, [DROPDOWN_LABEL_KEY]: labelOf(spec, sampleRecord) },
      outputFields: [
        { key: 'id', label: `${spec.noun} ID` },
        { key: DROPDOWN_LABEL_KEY, label: spec.noun },
      ],
    },
  });
};
