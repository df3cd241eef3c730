/** One page of records in a given order: what polling and dropdown triggers return. */
import type { Bundle, ZObject } from 'zapier-platform-core';
import { listResources } from '../api-client.js';
import { toRecords, type FlatRecord } from '../json-api.js';
import { DEFAULT_PAGE_SIZE, pageParams } from '../paging.js';
import type { ResourceSpec } from '../resource-spec.js';

export const recordPage = async (z: ZObject, bundle: Bundle, spec: ResourceSpec, sort: string): Promise<FlatRecord[]> => {
  const document = await listResources(z, bundle, spec, {
    sort,
    ...pageParams(bundle.meta.page, spec.pageSize ?? DEFAULT_PAGE_SIZE),
  });
  return toRecords(document, spec);
};
