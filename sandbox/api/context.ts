import type { Clock } from '../clock.js';
import type { Profile } from '../resources/strict-profile.js';
import type { Identity, Store, StoredRecord } from '../store.js';

/** The user a bearer token resolved to, with the user's public record. */
export interface Principal {
  identity: Identity;
  user: StoredRecord;
  clientId: string;
}

/** Everything a request handler inside one account needs. */
export interface ApiContext {
  store: Store;
  clock: Clock;
  /** 'http://127.0.0.1:PORT' as the client addressed us (from the Host header). */
  base: string;
  accountId: number;
  slug: string;
  principal: Principal;
  /** Whether what the public evidence does not confirm is refused (see resources/strict-profile.ts). */
  profile: Profile;
}

export function nowIso(context: { clock: Clock }): string {
  return context.clock.now().toISOString();
}
