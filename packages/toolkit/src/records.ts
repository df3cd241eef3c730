/** A resource's records as its steps return them: custom fields and files included. */
import type { ZObject } from 'zapier-platform-core';
import { withCustomFields } from './custom-fields.js';
import { keyFor } from './field-names.js';
import { withFiles } from './files.js';
import type { FlatRecord } from './flat-record.js';
import type { ResourceSpec } from './resource-spec.js';

/** `z` is needed for files (a dehydrated pointer); without it, as in dropdowns, files are left out. */
export const finished = (spec: ResourceSpec, record: FlatRecord, z?: ZObject): FlatRecord => {
  const withCustom = spec.customFields ? withCustomFields(record, keyFor(spec.customFields.attribute)) : record;
  return z ? withFiles(z, spec, withCustom) : withCustom;
};
