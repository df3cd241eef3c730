/** A resource's documents as the flat records its steps return, custom fields included. */
import { withCustomFields } from './custom-fields.js';
import { keyFor } from './field-names.js';
import { toRecord, toRecords, type Document, type FlatRecord, type Resource } from './json-api.js';
import type { ResourceSpec } from './resource-spec.js';

const finish = (spec: ResourceSpec, record: FlatRecord): FlatRecord =>
  spec.customFields ? withCustomFields(record, keyFor(spec.customFields.attribute)) : record;

export const recordsOf = (document: Document<Resource[]>, spec: ResourceSpec): FlatRecord[] =>
  toRecords(document, spec).map((record) => finish(spec, record));

export const recordOf = (document: Document<Resource>, spec: ResourceSpec): FlatRecord =>
  finish(spec, toRecord(document.data, document.included, spec.relationships));
