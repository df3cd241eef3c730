/**
 * A hidden trigger that feeds dynamic dropdowns: records sorted by their display name, one page
 * per call, so Zapier's "load more" walks the whole list.
 */
import type { Bundle, Trigger, ZObject } from 'zapier-platform-core';
import { keyFor } from '../field-names.js';
import type { ResourceSpec } from '../resource-spec.js';
import { recordPage } from './polling-trigger.js';
import { stepText } from './step-text.js';

export const dropdownTrigger = <K extends string>(spec: ResourceSpec, key: K, plural: string): Trigger<K> => {
  const text = stepText.list(spec, plural);
  return {
    key,
    noun: spec.noun,
    display: { ...text, hidden: true },
    operation: {
      type: 'polling',
      perform: (z: ZObject, bundle: Bundle) => recordPage(z, bundle, spec, spec.display),
      canPaginate: true,
      sample: { id: String(spec.sample['id']), [keyFor(spec.display)]: spec.sample[keyFor(spec.display)] },
    },
  };
};
