/** Fixtures the toolkit tests share: Acme, a made-up service, so that the toolkit is checked apart from ScopeStack. */
import { jsonApiFormat } from '../../../src/toolkit/formats/json-api-format.js';
import type { Requester } from '../../../src/toolkit/resource-spec.js';
import { API, SLUG } from '../../support/bundle.js';

/** Acme's records belong to no account: its creates carry no owner relationship. */
const acme: Requester = {
  service: 'Acme',
  format: jsonApiFormat,
  collectionsUrl: () => `${API}/${SLUG}/v1`,
  apiBaseUrl: () => API,
  recordId: { pattern: /^\d+$/, description: 'a whole number such as 12' },
};

/** What names a resource of Acme whose path is its type; a test adds the attributes it is about. */
export const acmeResource = (type: string, noun: string, display: string) => ({ type, path: type, noun, display, requester: acme });
