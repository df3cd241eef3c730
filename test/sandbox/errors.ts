/**
 * The JSON:API error objects the sandbox answers with, written out once: a test names the member
 * and the words, and still compares the whole object, so a change to any field of it fails.
 */
import type { Reply } from './sandbox-client.js';

/** The `errors` of an answer. */
export const errorsOf = (answer: Reply) => (answer.body as { errors: Record<string, unknown>[] }).errors;

/** A whole error body with one error whose code is its status, as the sandbox's 401, 403, 429 and 5xx answers carry. */
export const errorBody = (status: number, title: string, detail: string) => ({
  errors: [{ title, detail, code: String(status), status: String(status) }],
});

/** A 422 validation error (code 100): its detail is the member's name, then the title. */
const invalid = (member: 'attributes' | 'relationships', name: string, title: string) => ({
  title,
  detail: `${name} - ${title}`,
  code: '100',
  status: '422',
  source: { pointer: `/data/${member}/${name}` },
});

export const invalidAttribute = (name: string, title: string) => invalid('attributes', name, title);
export const invalidRelationship = (name: string, title: string) => invalid('relationships', name, title);

/** A 400 for an attribute a write may not send (unknown or read-only). */
export const paramNotAllowed = (name: string) => ({
  title: 'Param not allowed',
  detail: `${name} is not allowed.`,
  code: '105',
  status: '400',
  source: { pointer: `/data/attributes/${name}` },
});
