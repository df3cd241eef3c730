import type { Clock } from './clock.js';
import type { FaultBoard } from './faults.js';
import type { MemoryRequestLog } from './request-log.js';
import type { Profile } from './resources/strict-profile.js';
import type { Store } from './store.js';

/** The sandbox's moving parts, shared by every handler. */
export interface Services {
  store: Store;
  clock: Clock;
  faults: FaultBoard;
  log: MemoryRequestLog;
  profile: Profile;
}
