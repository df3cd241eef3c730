/**
 * A local ScopeStack: one HTTP server on 127.0.0.1 that plays the auth host and the API host,
 * written from the public API description (not from the integration), for tests and demos.
 */
import type { AddressInfo } from 'node:net';
import { createClock, type Clock } from './clock.js';
import { FaultBoard, type Faults } from './faults.js';
import { MemoryRequestLog, type RequestLog } from './request-log.js';
import { Store } from './store.js';
import { buildSeedState } from './seed/build-seed.js';
import { createAdmin, type Admin } from './admin/admin.js';
import { createSandboxServer } from './http/server.js';
import type { Services } from './services.js';

export { SEED } from './seed/seed-facts.js';
export type { Admin } from './admin/admin.js';
export { AdminError } from './admin/admin.js';
export type { Clock } from './clock.js';
export type { Faults, FaultSpec, FaultKind, FaultMatch } from './faults.js';
export type { RequestLog, LogEntry, AuthorizationKind } from './request-log.js';
export type { Role, UserType } from './store.js';

export interface SandboxOptions {
  /** 0 = a random free port (tests); main.ts defaults to 4010. */
  port?: number;
  /** JSON file to load the state from and save it to after every change; in memory when absent. */
  dataFile?: string;
  /** Delay added to every non-admin request. */
  latencyMs?: number;
}

export interface Sandbox {
  /** 'http://127.0.0.1:PORT': serves the OAuth routes and the API routes. */
  url: string;
  clock: Clock;
  faults: Faults;
  log: RequestLog;
  admin: Admin;
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const services: Services = {
    store: new Store(buildSeedState, options.dataFile),
    clock: createClock(),
    faults: new FaultBoard(),
    log: new MemoryRequestLog(),
  };
  const admin = createAdmin(services);
  const server = createSandboxServer(services, admin, options.latencyMs ?? 0);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    clock: services.clock,
    faults: services.faults,
    log: services.log,
    admin,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      }),
  };
}
