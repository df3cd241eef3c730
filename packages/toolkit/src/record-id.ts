/** Record IDs as a user enters or maps them, checked before any request. */
import type { Requester } from './resource-spec.js';
import { isScalar, quoteValue, scalarText } from './text.js';

export type IdCheck = { ok: true; id: string } | { ok: false; problem: string };

/**
 * A name mapped where an ID belongs is the usual mistake: it would reach the API as an unknown
 * record and come back as a puzzling 404, so it is refused here with the accepted form.
 */
export const checkId = (requester: Requester, label: string, value: unknown): IdCheck => {
  const id = isScalar(value) ? scalarText(value).trim() : '';
  if (requester.recordId.pattern.test(id)) return { ok: true, id };
  return {
    ok: false,
    problem:
      `${label} must be a ${requester.service} ID, ${requester.recordId.description} (got ${quoteValue(value)}). ` +
      'Pick one from the dropdown, or map the ID (not the name) from an earlier step.',
  };
};
