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
import type { Profile } from './resources/strict-profile.js';
import type { Services } from './services.js';

export { SEED } from './seed/seed-facts.js';

/** startSandbox could not listen: another process (often an earlier sandbox) holds the port. */
export class PortInUseError extends Error {
  constructor(
    readonly port: number,
    options?: ErrorOptions,
  ) {
    super(`Port ${port} is already in use on 127.0.0.1 (another sandbox may still be running).`, options);
    this.name = 'PortInUseError';
  }
}

export interface SandboxOptions {
  /** 0 = a random free port (tests); main.ts defaults to 4010. */
  port?: number;
  /** JSON file to load the state from and save it to after every change; in memory when absent. */
  dataFile?: string;
  /** Delay added to every non-admin request. */
  latencyMs?: number;
  /** `strict` (the default) refuses what ScopeStack's public evidence does not confirm; `permissive` accepts every guess. */
  profile?: Profile;
}

export interface Sandbox {
  /** 'http://127.0.0.1:PORT': serves the OAuth routes and the API routes. */
  url: string;
  clock: Clock;
  faults: Faults;
  log: RequestLog;
  admin: Admin;
  /** The data itself, for tools that grow an account faster than its API could (benchmarks). */
  store: Store;
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const services: Services = {
    store: new Store(buildSeedState, options.dataFile),
    clock: createClock(),
    faults: new FaultBoard(),
    log: new MemoryRequestLog(),
    profile: options.profile ?? 'strict',
  };
  const admin = createAdmin(services);
  const server = createSandboxServer(services, admin, options.latencyMs ?? 0);
  const requestedPort = options.port ?? 0;
  await new Promise<void>((resolve, reject) => {
    const refuse = (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(requestedPort, { cause: error }) : error);
    };
    server.once('error', refuse);
    server.listen(requestedPort, '127.0.0.1', () => {
      server.off('error', refuse);
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
    store: services.store,
    // close() ends idle keep-alive connections; closeAllConnections() then ends those still busy.
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => {
          if (error === undefined) resolve();
          else reject(error);
        });
        server.closeAllConnections();
      }),
  };
}
