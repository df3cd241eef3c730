/**
 * The sandbox clock. It runs with real time plus an offset, so tokens issued by the sandbox
 * carry `exp` claims that a client comparing against its own clock also finds sensible, while
 * tests can jump forward (`advance`) to expire tokens or finish documents without waiting.
 */
export interface Clock {
  now(): Date;
  advance(seconds: number): void;
  reset(): void;
}

export function createClock(): Clock {
  let offsetMs = 0;
  return {
    now: () => new Date(Date.now() + offsetMs),
    advance(seconds: number) {
      if (!Number.isFinite(seconds)) throw new Error('clock.advance needs a finite number of seconds');
      offsetMs += seconds * 1000;
    },
    reset() {
      offsetMs = 0;
    },
  };
}

/** Seconds since the epoch, the unit of JWT `iat`/`exp`. */
export function epochSeconds(clock: Clock): number {
  return Math.floor(clock.now().getTime() / 1000);
}
