import type { JsonObject } from '../json.js';
import type { Store } from '../store.js';
import { privilegesOf } from '../resources/privileges.js';
import type { Principal } from './context.js';

/** GET /v1/me: the token's user and account, `type: "mes"`, `account-id` as an integer. */
export function meDocument(principal: Principal, store: Store, base: string): JsonObject {
  const user = principal.user.attributes;
  const account = store.accountById(principal.identity.accountId);
  return {
    data: {
      id: principal.user.id,
      type: 'mes',
      links: { self: `${base}/v1/mes` },
      attributes: {
        name: user['name'] ?? null,
        title: user['title'] ?? '',
        email: user['email'] ?? null,
        phone: user['phone'] ?? '',
        'account-id': principal.identity.accountId,
        'account-slug': account?.attributes['slug'] ?? null,
        privileges: privilegesOf(principal.identity),
        uuid: principal.identity.uuid,
        'site-admin': false,
      },
    },
  };
}
