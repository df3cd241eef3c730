/** How every ScopeStack resource is reached: under the connection's account, owned by it. */
import type { Requester } from '../toolkit/resource-spec.js';
import { isGuessedParam } from './evidence.js';
import { accountUrl, apiBaseUrl, SERVICE_NAME } from './hosts.js';

export const scopestackRequester: Requester = {
  service: SERVICE_NAME,
  // ScopeStack's JSON:API ids are database ids: digits only.
  recordId: { pattern: /^\d+$/, description: 'a whole number such as 1001' },
  apiBaseUrl,
  collectionsUrl: (bundle) => {
    const slug = bundle.authData['account_slug'];
    return slug ? accountUrl(slug) : undefined;
  },
  ownerRelationship: (bundle) => {
    const id = bundle.authData['account_id'];
    return id ? { name: 'account', type: 'accounts', id } : undefined;
  },
  isGuessedParam,
};
