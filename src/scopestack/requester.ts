/** How every ScopeStack resource is reached: under the connection's account, owned by it. */
import { jsonApiFormat } from 'connector-toolkit/formats/json-api-format.js';
import type { Requester } from 'connector-toolkit/resource-spec.js';
import { isGuessedParam } from './evidence.js';
import { accountUrl, apiBaseUrl, SERVICE_NAME } from './hosts.js';

export const scopestackRequester: Requester = {
  service: SERVICE_NAME,
  format: jsonApiFormat,
  // ScopeStack's JSON:API ids are database ids: digits only.
  recordId: { pattern: /^\d+$/, description: 'a whole number such as 1001' },
  apiBaseUrl,
  // `/v1/me` and other versioned paths are not under the account.
  rootPaths: { pattern: /^\/v\d+(\/|$)/, example: '/v1/me' },
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
