/** A resource's documents as the flat records its steps return: custom fields and files included. */
import type { ZObject } from 'zapier-platform-core';
import { withCustomFields } from './custom-fields.js';
import { keyFor } from './field-names.js';
import { withFiles } from './files.js';
import { toRecord, toRecords, type Document, type FlatRecord, type Resource } from './json-api.js';
import type { ResourceSpec } from './resource-spec.js';

/** `z` is needed for files (a dehydrated pointer); without it, as in dropdowns, files are left out. */
const finish = (spec: ResourceSpec, record: FlatRecord, z?: ZObject): FlatRecord => {
  const withCustom = spec.customFields ? withCustomFields(record, keyFor(spec.customFields.attribute)) : record;
  return z ? withFiles(z, spec, withCustom) : withCustom;
};

export const recordsOf = (document: Document<Resource[]>, spec: ResourceSpec, z?: ZObject): FlatRecord[] =>
  toRecords(document, spec).map((record) => finish(spec, record, z));

export const recordOf = (document: Document<Resource>, spec: ResourceSpec, z?: ZObject): FlatRecord =>
  finish(spec, toRecord(document.data, document.included, spec.relationships), z);
