/** Everything the sandbox's owner can steer, shared by the TypeScript API (index.ts) and the admin HTTP API. */
import type { Env, Switches } from './api-context.js';
import { createClock } from './clock.js';
import { FaultBoard } from './faults.js';
import { MemoryRequestLog } from './request-log.js';
import { buildSeed, type SeedFacts } from './seed.js';
import { TokenIssuer } from './tokens.js';

export interface Controls {
  env: Env;
  seed: SeedFacts;
  faults: FaultBoard;
  log: MemoryRequestLog;
  tokens: TokenIssuer;
  /** Back to the seed; also clears faults, log, clock offset, issued tokens and every switch. */
  reset(): void;
}

const defaultSwitches = (): Switches => ({ createStatus: 200, trailingPageToken: false });

export function createControls(): Controls {
  const { state, facts } = buildSeed();
  const env: Env = { state, clock: createClock(), switches: defaultSwitches() };
  const controls: Controls = {
    env,
    seed: facts,
    faults: new FaultBoard(),
    log: new MemoryRequestLog(),
    tokens: new TokenIssuer(),
    reset() {
      env.state = buildSeed().state;
      env.clock.reset();
      Object.assign(env.switches, defaultSwitches());
      controls.faults.clear();
      controls.log.reset();
      controls.tokens.reset();
    },
  };
  return controls;
}
