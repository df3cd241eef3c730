/**
 * A hidden trigger that feeds dynamic dropdowns: records sorted by their display name, one page
 * per call, so Zapier's "load more" walks the whole list. Each record carries a `label` that a
 * person can tell apart from its twins (a project's name with its client's).
 */
import { defineTrigger, type Bundle, type Trigger, type ZObject } from 'zapier-platform-core';
import { listRecords } from '../api-client.js';
import { isGiven } from '../coerce.js';
import { keyFor } from '../field-names.js';
import { DROPDOWN_LABEL_KEY } from '../fields.js';
import type { FlatRecord } from '../flat-record.js';
import { DEFAULT_PAGE_SIZE } from '../paging.js';
import { checkId } from '../record-id.js';
import { finished } from '../records.js';
import type { ResourceSpec } from '../resource-spec.js';
import { scalarText } from '../text.js';
import type { Paging } from '../wire-format.js';
import type { StepOptions } from './step-options.js';
import { stepText } from './step-text.js';

/** A dropdown that lists only the records of a parent chosen in another field (a project's contacts). */
export interface DropdownParent {
  /** Input key of the parent field (`project_id`). */
  readonly inputKey: string;
  /** Query parameter that narrows the list to the parent (`filter[project]`); none when the parent is in the path the input fills. */
  readonly param?: string;
}

const labelOf = (spec: ResourceSpec, record: FlatRecord): string => {
  const name = scalarText(record[keyFor(spec.display)]) || `${spec.noun} ${record.id}`;
  const detail = spec.dropdownDetail ? scalarText(record[keyFor(spec.dropdownDetail)]) : '';
  return detail ? `${name} (${detail})` : name;
};

const NO_MORE = Symbol('no more pages');

/**
 * The page Zapier's "load more" asks for (`bundle.meta.page`, from 0): a page number, or the token
 * the previous page left in Zapier's cursor store; an API that does not page has no page after the first.
 */
const cursorOf = async (z: ZObject, bundle: Bundle, paging: Paging): Promise<string | undefined | typeof NO_MORE> => {
  const page = bundle.meta.page;
  if (paging === 'page-number') return String(page + 1);
  if (page === 0) return undefined;
  if (paging === 'none') return NO_MORE;
  return (await z.cursor.get()) || NO_MORE;
};

export const dropdownTrigger = <K extends string>(
  spec: ResourceSpec,
  options: StepOptions<K> & { plural: string; parent?: DropdownParent },
): Trigger<K> => {
  const text = stepText.list(options.plural);

  const perform = async (z: ZObject, bundle: Bundle): Promise<FlatRecord[]> => {
    const { format } = spec.requester;
    const params: Record<string, string> = {
      ...spec.dropdownParams,
      ...(format.sortParam ? { [format.sortParam]: spec.dropdownSort ?? spec.display } : {}),
    };
    const parent = options.parent;
    if (parent) {
      // Without its parent the list would mix every parent's records: show none until one is picked.
      const check = checkId(spec.requester, 'parent', bundle.inputData[parent.inputKey]);
      if (!isGiven(bundle.inputData[parent.inputKey]) || !check.ok) return [];
      if (parent.param) params[parent.param] = check.id;
    }
    const cursor = await cursorOf(z, bundle, format.paging);
    if (cursor === NO_MORE) return [];
    const page = await listRecords(z, bundle, spec, params, { cursor, size: spec.pageSize ?? DEFAULT_PAGE_SIZE, withRelated: false });
    if (format.paging === 'page-token' && page.next) await z.cursor.set(page.next);
    return page.records.map((found) => {
      const record = finished(spec, found);
      return { ...record, [DROPDOWN_LABEL_KEY]: labelOf(spec, record) };
    });
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
