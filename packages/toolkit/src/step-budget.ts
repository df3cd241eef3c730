/**
 * One time budget per step invocation. Zapier ends a step after 30 seconds without a word, and a
 * replay may then write twice; so every request, retry pause and wait of one invocation shares a
 * budget that ends well before that, leaving time to say what happened. The budget travels with
 * the invocation's async context (AsyncLocalStorage), so no function needs to pass it along.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { clock } from './clock.js';

/**
 * Mutable so that tests can shorten it. `stepMs`: the whole invocation; `requestMs`: the longest a
 * single request may take; `minRequestMs`: less than this left is too little to send a request.
 */
export const budgetTiming = { stepMs: 25_000, requestMs: 15_000, minRequestMs: 1_000 };

interface Budget {
  readonly endsAt: number;
  /** Writes this invocation sent ("POST /project-documents"): they may have happened. */
  readonly writes: string[];
}

const current = new AsyncLocalStorage<Budget>();

/** Runs one invocation inside its own budget; a nested run keeps the outer one. */
export const withinBudget = <T>(run: () => Promise<T>): Promise<T> =>
  current.getStore() ? run() : current.run({ endsAt: clock.now() + budgetTiming.stepMs, writes: [] }, run);

/** Milliseconds left to this invocation (Infinity outside one). */
export const remainingMs = (): number => {
  const budget = current.getStore();
  return budget ? budget.endsAt - clock.now() : Number.POSITIVE_INFINITY;
};

/** Whether `ms` more of waiting still leaves time for a request after it. */
export const budgetAllows = (ms: number): boolean => remainingMs() - ms >= budgetTiming.minRequestMs;

/** The timeout a request gets: the per-request limit, or what is left of the invocation. */
export const requestTimeout = (): number => Math.max(1, Math.min(budgetTiming.requestMs, remainingMs()));

/** Notes a write that was sent, so that running out of time later can say it may have happened. */
export const noteWrite = (attempt: string): void => {
  current.getStore()?.writes.push(attempt);
};

export const writesSent = (): readonly string[] => current.getStore()?.writes ?? [];
