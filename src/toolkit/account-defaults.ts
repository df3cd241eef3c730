/**
 * The account defaults of a create's relationships left empty (a project's rate table): looked up
 * and sent, as the service's own clients do, rather than trusted to the server.
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import { listResources } from './api-client.js';
import { isGiven } from './coerce.js';
import { keyFor } from './field-names.js';
import type { FlatInput } from './json-api.js';
import { pageParams } from './paging.js';
import type { ResourceSpec } from './resource-spec.js';
import type { WriteDocument } from './to-document.js';

/** The body with each empty relationship that has an account default linked to it; one request per default. */
export const withAccountDefaults = async (
  z: ZObject,
  bundle: Bundle,
  spec: ResourceSpec,
  input: FlatInput,
  body: WriteDocument,
): Promise<WriteDocument> => {
  let { data } = body;
  for (const relationship of spec.relationships) {
    const fallback = relationship.accountDefault;
    if (!fallback || isGiven(input[`${keyFor(relationship.name)}_id`])) continue;
    const related = fallback.spec;
    const params = { ...related.dropdownParams, ...(related.dropdownSort ? { sort: related.dropdownSort } : {}), ...pageParams(0, 1) };
    const [first] = (await listResources(z, bundle, related, params, false)).data;
    if (first?.attributes?.[fallback.attribute] !== true) continue;
    data = {
      ...data,
      relationships: { ...data.relationships, [relationship.name]: { data: { type: related.type, id: String(first.id) } } },
    };
  }
  return { data };
};
