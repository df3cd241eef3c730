/**
 * Files a record points at by URL (a generated document), handed to later Zap steps through
 * Zapier's file hydration: the step returns a dehydrated pointer, and the file is fetched only
 * when a later step uses it, through the app's middleware (so the token goes with it only when
 * the URL is on the API host).
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import { keyFor } from './field-names.js';
import type { FlatRecord } from './flat-record.js';
import type { ResourceSpec } from './resource-spec.js';
import { scalarText } from './text.js';

/** The download a hydrator hands to `z.stashFile`: one raw GET of the file's URL. */
export const fetchFile = (z: ZObject, bundle: Bundle<{ url?: string }>) =>
  z.request({ url: scalarText(bundle.inputData.url), method: 'GET', raw: true });

/** The app's file hydrator (register it under `hydrators`): Zapier stores the file and gives later steps its copy. */
// Core types stashFile as returning the URL, while it returns a promise of it: Promise.resolve fits both.
export const fileHydrator = (z: ZObject, bundle: Bundle<{ url?: string }>): Promise<string> =>
  Promise.resolve(z.stashFile(fetchFile(z, bundle)));

/** Adds the resource's files to a record, each as a dehydrated pointer to its URL. */
export const withFiles = (z: ZObject, spec: ResourceSpec, record: FlatRecord): FlatRecord => {
  if (!spec.files) return record;
  const files: Record<string, string | null> = {};
  for (const file of spec.files) {
    const url = scalarText(record[keyFor(file.urlAttribute)]);
    files[file.key] = url ? z.dehydrateFile(fileHydrator, { url }) : null;
  }
  return { ...record, ...files };
};
