/**
 * Which failed requests are tried again, and how often. Only what cannot create anything twice:
 *
 * - a failure before the request reached the server (refused, no DNS): any method;
 * - a failure that may have come after the server got it (reset, timeout, 502, 504): only
 *   methods that are harmless to repeat, GET and PATCH (a partial update sets the same values);
 * - 503 (the server did not take it): GET, PATCH and DELETE. A DELETE is not repeated after an
 *   ambiguous failure, since the repeat's 404 would wrongly say there was nothing to delete;
 * - a POST only when it surely was not sent: it is never repeated after its body may have gone.
 *
 * 429 stays with Zapier (core raises ThrottledError with Retry-After); other 4xx and 500 are
 * answers, not accidents. At most 2 retries, 0.4 s then about 1 s apart with jitter, and never
 * more than 4 s of waiting for one request, so a step with a few requests stays well inside
 * Zapier's 30 seconds. Each retry is written to Zapier's log.
 */
import type { ZObject } from 'zapier-platform-core';
import pRetry from 'p-retry';
import { appErrorStatus } from './app-errors.js';
import { isNetworkError, networkReason } from './network-errors.js';
import { budgetAllows } from './step-budget.js';

/**
 * Mutable so that tests can shorten the pauses; the budget (retries, total wait) is what users rely
 * on. How long one request may take is the step budget's (step-budget.ts).
 */
export const retryTiming = { retries: 2, minTimeout: 400, factor: 2.5, maxRetryTime: 4000 };

/** Errors that prove the request never reached the server. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

type Failure = { kind: 'not-sent' } | { kind: 'maybe-sent' } | { kind: 'status'; status: number } | { kind: 'other' };

const classify = (error: unknown): Failure => {
  if (isNetworkError(error)) return NOT_SENT.has(networkReason(error)) ? { kind: 'not-sent' } : { kind: 'maybe-sent' };
  // An app error and an answer thrown for its status both carry the status as a field.
  const carried = error instanceof Error && 'status' in error && typeof error.status === 'number' ? error.status : undefined;
  const status = appErrorStatus(error) ?? carried;
  return status === undefined ? { kind: 'other' } : { kind: 'status', status };
};

/** Whether repeating this method after this failure is harmless. */
const mayRetry = (method: string, failure: Failure): boolean => {
  const verb = method.toUpperCase();
  switch (failure.kind) {
    case 'not-sent':
      return true;
    case 'maybe-sent':
      return verb === 'GET' || verb === 'PATCH';
    case 'status':
      if (failure.status === 503) return verb === 'GET' || verb === 'PATCH' || verb === 'DELETE';
      return (failure.status === 502 || failure.status === 504) && (verb === 'GET' || verb === 'PATCH');
    case 'other':
      return false;
  }
};

const reasonOf = (failure: Failure): string =>
  failure.kind === 'status'
    ? `HTTP ${failure.status}`
    : failure.kind === 'not-sent'
      ? 'the connection was refused'
      : 'the connection failed';

/** Runs one request, repeating it under the policy above; `what` names it in the log ("GET clients"). */
export const withRetries = <T>(z: ZObject, method: string, what: string, attempt: () => Promise<T>): Promise<T> =>
  pRetry(attempt, {
    retries: retryTiming.retries,
    minTimeout: retryTiming.minTimeout,
    factor: retryTiming.factor,
    maxRetryTime: retryTiming.maxRetryTime,
    randomize: true,
    // p-retry asks only while retries and time are left.
    shouldRetry: ({ error, retryDelay }) => {
      const failure = classify(error);
      // A retry must fit in what is left of the step's time, pause included.
      const retry = mayRetry(method, failure) && budgetAllows(retryDelay);
      if (retry) z.console.log(`Retrying ${what} in ${Math.round(retryDelay)} ms: ${reasonOf(failure)}.`);
      return retry;
    },
  });
