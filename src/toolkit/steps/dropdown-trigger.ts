/**
 * A hidden trigger that feeds dynamic dropdowns: records sorted by their display name, one page
 * per call, so Zapier's "load more" walks the whole list.
 */
import { defineTrigger, type Bundle, type Trigger, type ZObject } from 'zapier-platform-core';
import { keyFor } from '../field-names.js';
import type { ResourceSpec } from '../resource-spec.js';
import { recordPage } from './record-page.js';
import type { StepOptions } from './step-options.js';
import { stepText } from './step-text.js';

const labelOf = (spec: ResourceSpec): string =>
  spec.attributes.find((attribute) => attribute.name === spec.display)?.label ?? `${spec.noun} Name`;

export const dropdownTrigger = <K extends string>(spec: ResourceSpec, options: StepOptions<K> & { plural: string }): Trigger<K> => {
  const text = stepText.list(options.plural);
  const display = keyFor(spec.display);
  return defineTrigger({
    key: options.key,
    noun: spec.noun,
    display: { label: options.label ?? text.label, description: options.description ?? text.description, hidden: true },
    operation: {
      type: 'polling',
      perform: (z: ZObject, bundle: Bundle) => recordPage(z, bundle, spec, spec.display),
      canPaginate: true,
      sample: { id: String(spec.sample['id']), [display]: spec.sample[display] },
      outputFields: [
        { key: 'id', label: `${spec.noun} ID` },
        { key: display, label: labelOf(spec) },
      ],
    },
  });
};
