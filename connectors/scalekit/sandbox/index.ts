/**
 * A local Scalekit environment: one HTTP server on 127.0.0.1 that plays the environment URL
 * (token endpoint and REST API), written from /work/shared/scalekit-api.md and not from the
 * connector, so that a test passes only when two independent implementations agree.
 */
import type { AddressInfo } from 'node:net';
import type { Switches } from './api-context.js';
import { createControls } from './controls.js';
import type { Faults } from './faults.js';
import type { RequestLog } from './request-log.js';
import type { SeedFacts } from './seed.js';
import { createSandboxServer } from './server.js';
import { DEFAULT_LIFETIME_SECONDS } from './tokens.js';

interface ScalekitSandboxOptions {
  /** 0 (the default) picks a free port; main.ts defaults to 4020. */
  port?: number;
  /** Delay added to every non-admin request. */
  latencyMs?: number;
}

export interface ScalekitSandbox {
  /** http://127.0.0.1:PORT: the environment URL (token endpoint and /api/v1). */
  url: string;
  seed: SeedFacts;
  faults: Faults;
  log: RequestLog;
  clock: { now(): Date; advance(seconds: number): void };
  tokens: {
    /** Lifetime of the next tokens (and their expires_in); undefined = back to 86399. */
    setLifetimeSeconds(seconds?: number): void;
    /** The next token answer says expires_in 18446744064486179580 (the token itself lives as usual). */
    overflowExpiresInOnce(): void;
    /** Every token issued so far is refused from now on. */
    revokeAll(): void;
  };
  /** Behaviour switches, changed in place: createStatus (200|201), trailingPageToken. */
  switches: Switches;
  /** Back to the seed; clears faults, log, clock offset, issued tokens and switches. */
  reset(): void;
  close(): Promise<void>;
}

export async function startScalekitSandbox(options: ScalekitSandboxOptions = {}): Promise<ScalekitSandbox> {
  const controls = createControls();
  const server = createSandboxServer(controls, options.latencyMs ?? 0);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const { tokens, env } = controls;
  return {
    url: `http://127.0.0.1:${port}`,
    seed: controls.seed,
    faults: controls.faults,
    log: controls.log,
    clock: {
      now: () => env.clock.now(),
      advance(seconds) {
        env.clock.advance(seconds);
      },
    },
    tokens: {
      setLifetimeSeconds(seconds) {
        tokens.lifetimeSeconds = seconds ?? DEFAULT_LIFETIME_SECONDS;
      },
      overflowExpiresInOnce() {
        tokens.overflowNext = true;
      },
      revokeAll() {
        tokens.revokeAll();
      },
    },
    switches: env.switches,
    reset() {
      controls.reset();
    },
    // close() ends idle keep-alive connections; closeAllConnections() ends those still busy.
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
        server.closeAllConnections();
      }),
  };
}
