/** Names what a request tried to do, in words fit for an error message (no host, no query). */
import { singular } from './field-names.js';

const VERBS: Record<string, string> = { GET: 'read', POST: 'create', PATCH: 'update', PUT: 'update', DELETE: 'delete' };

/** A malformed escape (`%E0%A4%A`) is shown as it is rather than thrown as a URIError. */
const decoded = (segment: string): string => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};

const words = (segment: string): string => decoded(segment).replace(/[-_]/g, ' ');

/** Methods that always address one member (`PATCH /clients/{id}`), whatever the id looks like. */
const MEMBER_METHODS = new Set(['PATCH', 'PUT', 'DELETE']);

/**
 * Collection and id of a REST path: `/acme/v1/clients/12` -> `{ collection: 'clients', id: '12' }`.
 * A GET's last segment is an id when it looks like one; an update's or delete's always is.
 */
export const targetOf = (url: string, method = 'GET'): { collection: string; id?: string } => {
  const segments = new URL(url, 'http://placeholder').pathname.split('/').filter(Boolean);
  const last = segments.at(-1) ?? '';
  const isId = MEMBER_METHODS.has(method.toUpperCase()) || /^\d+$|^[0-9a-f-]{36}$/i.test(last);
  if (isId && segments.length >= 2) return { collection: words(segments.at(-2) ?? ''), id: last };
  return { collection: words(last) };
};

/** `POST .../clients` -> `create clients`; `GET .../clients/12` -> `read client 12`. */
export const describeAttempt = (method: string, url: string): string => {
  const verb = VERBS[method.toUpperCase()] ?? method.toLowerCase();
  const { collection, id } = targetOf(url, method);
  return id ? `${verb} ${singular(collection)} ${id}` : `${verb} ${collection}`;
};
