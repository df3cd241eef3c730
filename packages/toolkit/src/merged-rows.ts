/**
 * Line-item lists an update merges rather than replaces (`mergedBy`): the record's rows stay, a
 * row given with the same key replaces its row, new keys are added at the end.
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import { findRecord } from './api-client.js';
import { keyFor } from './field-names.js';
import type { FlatRecord } from './flat-record.js';
import type { ResourceSpec } from './resource-spec.js';
import { scalarText } from './text.js';
import type { WriteValues } from './wire-format.js';

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
 * The update (`values.id` set) with each merged list merged into the record's current one. The
 * record is read (one request) only when such a list is sent and the caller does not already hold it.
 */
export const withMergedRows = async (
  z: ZObject,
  bundle: Bundle,
  spec: ResourceSpec,
  values: WriteValues,
  current?: FlatRecord,
): Promise<WriteValues> => {
  const merged = spec.attributes.filter((attribute) => attribute.mergedBy && Array.isArray(values.attributes[attribute.name]));
  if (merged.length === 0 || !values.id) return values;
  const record = current ?? (await findRecord(z, bundle, spec, values.id)) ?? { id: values.id };
  const attributes = { ...values.attributes };
  for (const attribute of merged) {
    attributes[attribute.name] = mergeRows(
      rowsOf(record[keyFor(attribute.name)]),
      rowsOf(attributes[attribute.name]),
      attribute.mergedBy ?? '',
    );
  }
  return { ...values, attributes };
};
