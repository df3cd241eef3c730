/**
 * The sandbox clock: real time plus an offset, so token `exp` claims look sensible to a client
 * that compares them with its own clock, while tests can jump forward to expire tokens.
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

/** RFC 3339 in UTC with `Z` and 3 fractional digits, one of the forms Scalekit emits. */
export const rfc3339 = (date: Date): string => date.toISOString();
