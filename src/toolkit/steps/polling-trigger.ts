/**
 * A polling trigger over one resource: newest first, one page per poll. Zapier deduplicates on
 * `id`, so a record is seen once however often it appears in the newest page.
 */
import type { Bundle, Trigger, ZObject } from 'zapier-platform-core';
import { listResources } from '../api-client.js';
import { outputFieldsFor } from '../fields.js';
import { toRecords, type FlatRecord } from '../json-api.js';
import { DEFAULT_PAGE_SIZE, pageParams } from '../paging.js';
import type { ResourceSpec } from '../resource-spec.js';
import type { StepOptions } from './step-options.js';
import { stepText } from './step-text.js';

export const recordPage = async (z: ZObject, bundle: Bundle, spec: ResourceSpec, sort: string, extra: Record<string, string> = {}): Promise<FlatRecord[]> => {
  const document = await listResources(z, bundle, spec, {
    sort,
    ...pageParams(bundle.meta?.page ?? 0, spec.pageSize ?? DEFAULT_PAGE_SIZE),
    ...extra,
  });
  return toRecords(document, spec);
};

export const pollingTrigger = <K extends string>(spec: ResourceSpec, options: StepOptions<K>): Trigger<K> => {
  const text = stepText.newRecord(spec);
  const sort = spec.newestFirst ?? '-created-at';
  return {
    key: options.key,
    noun: spec.noun,
    display: { label: options.label ?? text.label, description: options.description ?? text.description, hidden: options.hidden ?? false },
    operation: {
      type: 'polling',
      perform: (z: ZObject, bundle: Bundle) => recordPage(z, bundle, spec, sort),
      canPaginate: true,
      sample: { ...spec.sample },
      outputFields: outputFieldsFor(spec),
    },
  };
};
