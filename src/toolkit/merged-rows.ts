/**
 * Line-item lists an update merges rather than replaces (`mergedBy`): the record's rows stay, a
 * row given with the same key replaces its row, new keys are added at the end.
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import { findResource } from './api-client.js';
import { keyFor } from './field-names.js';
import type { FlatRecord } from './json-api.js';
import type { ResourceSpec } from './resource-spec.js';
import { scalarText } from './text.js';
import type { WriteDocument } from './to-document.js';

type Row = Record<string, unknown>;

const rowsOf = (value: unknown): Row[] =>
  Array.isArray(value) ? value.filter((row): row is Row => typeof row === 'object' && row !== null) : [];

/** The record's rows with the given ones merged in by `key`. Pure. */
const mergeRows = (existing: readonly Row[], given: readonly Row[], key: string): Row[] => {
  const byKey = new Map(given.map((row) => [scalarText(row[key]), row]));
  const kept = existing.map((row) => byKey.get(scalarText(row[key])) ?? row);
  const keys = new Set(existing.map((row) => scalarText(row[key])));
  return [...kept, ...given.filter((row) => !keys.has(scalarText(row[key])))];
};

/**
 * The update body with each merged list merged into the record's current one. The record is read
 * (one request) only when such a list is sent and the caller does not already hold it.
 */
export const withMergedRows = async (
  z: ZObject,
  bundle: Bundle,
  spec: ResourceSpec,
  id: string,
  body: WriteDocument,
  current?: FlatRecord,
): Promise<WriteDocument> => {
  const merged = spec.attributes.filter((attribute) => attribute.mergedBy && Array.isArray(body.data.attributes[attribute.name]));
  if (merged.length === 0) return body;
  const record = current ?? (await findResource(z, bundle, spec, id))?.data.attributes ?? {};
  const attributes = { ...body.data.attributes };
  for (const attribute of merged) {
    const existing = rowsOf(current ? record[keyFor(attribute.name)] : record[attribute.name]);
    attributes[attribute.name] = mergeRows(existing, rowsOf(attributes[attribute.name]), attribute.mergedBy ?? '');
  }
  return { data: { ...body.data, attributes } };
};
