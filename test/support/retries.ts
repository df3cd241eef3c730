/**
 * Retries without their pauses. The app retries a failed read 2 times, 0.4 s then about 1 s
 * apart (packages/toolkit/src/retry-policy.ts); tests keep the budget (how many retries) but not the wait.
 */
import { afterAll, beforeAll } from '@jest/globals';
import { retryTiming } from 'connector-toolkit/retry-policy.js';
import { fileURLToPath } from 'node:url';

type RetryTiming = typeof retryTiming;

/** The requests a step makes for one read that keeps failing: the first and its 2 retries. */
export const ATTEMPTS = retryTiming.retries + 1;

/**
 * Shortens the pauses of `timing` (the source's, or the built app's copy) and returns how to put
 * them back. The total wait stays capped, with room for slow requests, so the number of
 * attempts does not depend on how fast the machine is.
 */
const shortenRetryPauses = (timing: RetryTiming): (() => void) => {
  const saved = { ...timing };
  timing.minTimeout = 1;
  timing.maxRetryTime = 1000;
  return () => {
    Object.assign(timing, saved);
  };
};

/** For a test file that drives the source: pauses of a few milliseconds, restored after the file. */
export const useQuickRetries = (): void => {
  let restore = (): void => undefined;
  beforeAll(() => {
    restore = shortenRetryPauses(retryTiming);
  });
  afterAll(() => {
    restore();
  });
};

/** The built apps' retry policy: the module instance they retry with, loaded by path as they load it. */
const BUILT_RETRY_POLICY = fileURLToPath(new URL('../../packages/toolkit/dist/retry-policy.js', import.meta.url));

/** Keeps the built apps' retry budget (2 retries) but shortens their pauses, so that no test sleeps for a retry. */
export const shortenBuiltRetryPauses = async (): Promise<() => void> => {
  const { retryTiming: built } = (await import(BUILT_RETRY_POLICY)) as { retryTiming: RetryTiming };
  return shortenRetryPauses(built);
};
