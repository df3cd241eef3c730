/** How every ScopeStack resource is reached: under the connection's account, owned by it. */
import type { Bundle } from 'zapier-platform-core';
import type { Requester } from '../toolkit/resource-spec.js';
import { accountUrl, SERVICE_NAME } from './hosts.js';

const accountSlugOf = (bundle: Bundle): string => {
  const slug = bundle.authData['account_slug'];
  // Every connection made by this integration stores the slug; an older one must reconnect.
  if (!slug) throw new Error(`This ${SERVICE_NAME} connection has no account. Reconnect it so the account can be looked up.`);
  return slug;
};

export const scopestackRequester: Requester = {
  service: SERVICE_NAME,
  collectionsUrl: (bundle) => accountUrl(accountSlugOf(bundle)),
  ownerRelationship: (bundle) => {
    const id = bundle.authData['account_id'];
    return id ? { name: 'account', type: 'accounts', id: String(id) } : undefined;
  },
};
