/** A search step over one resource: by ID, or by each given value in turn (see `find-records.ts`). */
import { defineSearch, type Bundle, type Search, type ZObject } from 'zapier-platform-core';
import { customOutputFields } from '../custom-fields.js';
import { inSentence } from '../field-names.js';
import { outputFieldsFor } from '../fields.js';
import type { FlatRecord } from '../flat-record.js';
import type { FilterSpec, ResourceSpec } from '../resource-spec.js';
import { filterLabel, findInputFields, findRecords, type NarrowSpec } from './find-records.js';
import type { StepOptions } from './step-options.js';
import { stepText } from './step-text.js';

export interface SearchOptions<K extends string> extends StepOptions<K> {
  /** What to find by, tried in this order; default the resource's filters. */
  readonly filters?: readonly FilterSpec[];
  readonly narrow?: readonly NarrowSpec[];
  /** Related records to include, when the search returns more than the resource's default (line items). */
  readonly include?: readonly string[];
}

export const searchStep = <K extends string>(resource: ResourceSpec, options: SearchOptions<K>): Search<K> => {
  const spec = options.include ? { ...resource, include: options.include } : resource;
  const find = { filters: options.filters ?? spec.filters ?? [], ...(options.narrow ? { narrow: options.narrow } : {}) };
  const names = find.filters.map((filter) => inSentence(filterLabel(filter)));
  const by = names.length > 0 ? `${names.join(', ')} or ID` : 'ID';
  const text = stepText.find(spec, by);

  return defineSearch({
    key: options.key,
    noun: spec.noun,
    display: {
      label: options.label ?? text.label,
      description: options.description ?? text.description,
      hidden: options.hidden ?? false,
    },
    operation: {
      perform: (z: ZObject, bundle: Bundle): Promise<FlatRecord[]> => findRecords(z, bundle, spec, find),
      inputFields: findInputFields(spec, find),
      sample: { ...spec.sample },
      outputFields: [...outputFieldsFor(spec), ...customOutputFields(spec)],
    },
  });
};
