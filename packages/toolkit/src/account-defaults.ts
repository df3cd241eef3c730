/**
 * The account defaults of a create's relationships left empty (a project's rate table): looked up
 * and sent, as the service's own clients do, rather than trusted to the server.
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import { listRecords } from './api-client.js';
import { isGiven } from './coerce.js';
import { keyFor } from './field-names.js';
import type { FlatInput } from './flat-record.js';
import type { ResourceSpec } from './resource-spec.js';
import type { WriteValues } from './wire-format.js';

/** The write with each empty relationship that has an account default linked to it; one request per default. */
export const withAccountDefaults = async (
  z: ZObject,
  bundle: Bundle,
  spec: ResourceSpec,
  input: FlatInput,
  values: WriteValues,
): Promise<WriteValues> => {
  let linked = values;
  for (const relationship of spec.relationships) {
    const fallback = relationship.accountDefault;
    if (!fallback || isGiven(input[`${keyFor(relationship.name)}_id`])) continue;
    const related = fallback.spec;
    const { sortParam } = related.requester.format;
    const params = { ...related.dropdownParams, ...(related.dropdownSort && sortParam ? { [sortParam]: related.dropdownSort } : {}) };
    const [first] = (await listRecords(z, bundle, related, params, { size: 1, withRelated: false })).records;
    if (first?.[keyFor(fallback.attribute)] !== true) continue;
    linked = {
      ...linked,
      relationships: { ...linked.relationships, [relationship.name]: { type: related.type, ids: [first.id], many: false } },
    };
  }
  return linked;
};
