/**
 * A polling trigger over one resource: newest first, one page per poll. Zapier deduplicates on
 * `id`, so a record is seen once however often it appears in the newest page.
 */
import { defineTrigger, type Bundle, type Trigger, type ZObject } from 'zapier-platform-core';
import { outputFieldsFor } from '../fields.js';
import type { ResourceSpec } from '../resource-spec.js';
import { recordPage } from './record-page.js';
import type { StepOptions } from './step-options.js';
import { stepText } from './step-text.js';

export const pollingTrigger = <K extends string>(spec: ResourceSpec, options: StepOptions<K>): Trigger<K> => {
  const text = stepText.newRecord(spec);
  const sort = spec.newestFirst ?? '-created-at';
  return defineTrigger({
    key: options.key,
    noun: spec.noun,
    display: { label: options.label ?? text.label, description: options.description ?? text.description, hidden: options.hidden ?? false },
    operation: {
      type: 'polling',
      perform: (z: ZObject, bundle: Bundle) => recordPage(z, bundle, spec, sort),
      sample: { ...spec.sample },
      outputFields: outputFieldsFor(spec),
    },
  });
};
