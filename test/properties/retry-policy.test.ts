import { jest } from '@jest/globals';
import fc from 'fast-check';
import zapier, { type ZObject } from 'zapier-platform-core';
import { appError, ErrorCode } from 'connector-toolkit/app-errors.js';
import { retryTiming, withRetries } from 'connector-toolkit/retry-policy.js';

/*
 * The policy is driven through `withRetries` itself, on jest's fake clock: p-retry's pauses are
 * timers, its time budget reads `performance.now()`, both faked, so no test ever sleeps. The
 * jitter (`Math.random`) is generated too, so that the slowest schedules are tried.
 */

type Method = 'GET' | 'PATCH' | 'DELETE' | 'POST';

/** One failed attempt: the error thrown, and whether the request's body may have reached the server. */
interface Failure {
  label: string;
  error: () => Error;
  /** False only when the connection was never made: nothing can have been sent. */
  maybeSent: boolean;
  /** 429 and other statuses are answers; a network error has none. */
  status?: number;
}

/** A node-fetch FetchError, as core's `z.request` throws it. */
const fetchError = (code: string | undefined, reason: string): Error =>
  Object.assign(new Error(`request to https://api.example/v1/clients failed, reason: ${reason}`), {
    name: 'FetchError',
    type: 'system',
    ...(code ? { code, errno: code } : {}),
  });

/** An answer thrown for its status: as an error with a `status` property, or as the app's error carrying it as data. */
const statusError = (status: number, asAppError: boolean): Error =>
  asAppError
    ? appError({ errors: zapier.errors } as unknown as ZObject, { message: `HTTP ${status}`, code: ErrorCode.Api, status })
    : Object.assign(new Error(`HTTP ${status}`), { status });

const failure: fc.Arbitrary<Failure> = fc.oneof(
  // Before any byte went out: refused, no DNS, no route.
  fc
    .constantFrom('ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH')
    .map((code): Failure => ({ label: code, error: () => fetchError(code, `connect ${code} 203.0.113.7:443`), maybeSent: false })),
  // After the body may have gone: reset, timed out waiting for the answer, broken pipe, hang up.
  fc
    .constantFrom<[string | undefined, string]>(
      ['ECONNRESET', 'read ECONNRESET'],
      ['ETIMEDOUT', 'read ETIMEDOUT'],
      ['EPIPE', 'write EPIPE'],
      [undefined, 'socket hang up'],
      [undefined, 'network timeout at: https://api.example/v1/clients'],
    )
    .map(([code, reason]): Failure => ({ label: code ?? reason, error: () => fetchError(code, reason), maybeSent: true })),
  // Answers: the server got the request.
  fc.tuple(fc.constantFrom(429, 500, 502, 503, 504), fc.boolean()).map(([status, asAppError]): Failure => ({
    label: `HTTP ${status}`,
    error: () => statusError(status, asAppError),
    maybeSent: true,
    status,
  })),
);

const method = fc.constantFrom<Method>('GET', 'PATCH', 'DELETE', 'POST');

/**
 * The policy as its documentation states it (written here independently of `mayRetry`): any
 * method after a failure before sending; GET and PATCH after an ambiguous failure, 502 or 504;
 * GET, PATCH and DELETE after a 503; nothing after a 429 or a 500.
 */
const documentedRetry = (verb: Method, f: Failure): boolean => {
  if (!f.maybeSent) return true;
  if (f.status === 503) return verb !== 'POST';
  if (f.status === undefined || f.status === 502 || f.status === 504) return verb === 'GET' || verb === 'PATCH';
  return false;
};

interface Run {
  attempts: number;
  outcome: { ok: true; value: string } | { ok: false; error: unknown };
  /** Fake milliseconds spent waiting between attempts (the attempts' own durations taken out). */
  waited: number;
  logs: string[];
}

/**
 * Runs `withRetries` over a script: attempt i takes `durations[i]` ms and then fails with
 * `failures[i]`, or succeeds once the failures run out.
 */
const run = async (verb: Method, failures: readonly Failure[], durations: readonly number[], jitter: number): Promise<Run> => {
  jest.spyOn(Math, 'random').mockReturnValue(jitter);
  const logs: string[] = [];
  const z = { console: { log: (message: string) => logs.push(message) } } as unknown as ZObject;
  let attempts = 0;
  let busy = 0;
  const attempt = async (): Promise<string> => {
    const index = attempts++;
    const duration = durations[index] ?? 0;
    busy += duration;
    if (duration > 0) await new Promise((resolve) => setTimeout(resolve, duration));
    const next = failures[index];
    if (next) throw next.error();
    return `answer ${index}`;
  };
  const start = Date.now();
  const settled = withRetries(z, verb, `${verb} clients`, attempt).then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  await jest.runAllTimersAsync();
  const outcome = await settled;
  return { attempts, outcome, waited: Date.now() - start - busy, logs };
};

const scenario = fc.record({
  verb: method,
  failures: fc.array(failure, { maxLength: 5 }),
  durations: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3000 })), { minLength: 5, maxLength: 5 }),
  jitter: fc.oneof(fc.constantFrom(0, 0.5, 0.999999), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true })),
});

const RUNS = { numRuns: 150 };

describe('retry policy (property)', () => {
  beforeEach(() => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask'] });
  });
  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  it('states the budget its documentation gives: at most 2 retries and 4 s of waiting', () => {
    expect(retryTiming.retries).toBeLessThanOrEqual(2);
    expect(retryTiming.maxRetryTime).toBeLessThanOrEqual(4000);
  });

  it('never makes more attempts than the budget (1 + retries), whatever fails and however', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ verb, failures, durations, jitter }) => {
        const { attempts } = await run(verb, failures, durations, jitter);
        expect(attempts).toBeGreaterThanOrEqual(1);
        expect(attempts).toBeLessThanOrEqual(retryTiming.retries + 1);
      }),
      RUNS,
    );
  });

  it('never repeats a POST after a failure that may have come after its body was sent', async () => {
    await fc.assert(
      fc.asyncProperty(
        scenario.map((s) => ({ ...s, verb: 'POST' as const })),
        async ({ verb, failures, durations, jitter }) => {
          const { attempts } = await run(verb, failures, durations, jitter);
          // Every attempt but the last was followed by another: each of them must have failed unsent.
          for (const earlier of failures.slice(0, attempts - 1)) expect(earlier.maybeSent).toBe(false);
        },
      ),
      RUNS,
    );
  });

  it('keeps the total wait between attempts within the stated budget, jitter and slow attempts included', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ verb, failures, durations, jitter }) => {
        const { waited, logs } = await run(verb, failures, durations, jitter);
        expect(waited).toBeGreaterThanOrEqual(0);
        expect(waited).toBeLessThanOrEqual(retryTiming.maxRetryTime);
        // What the log announces is what is waited for, and is within the budget too.
        const announced = logs.map((line) => Number(/ in (\d+) ms/.exec(line)?.[1] ?? Number.NaN));
        for (const ms of announced) expect(ms).not.toBeNaN();
        expect(announced.reduce((sum, ms) => sum + ms, 0)).toBeLessThanOrEqual(retryTiming.maxRetryTime);
      }),
      RUNS,
    );
  });

  it.each([
    ['GET', 503, 2],
    ['PATCH', 503, 2],
    ['DELETE', 503, 2],
    ['POST', 503, 1],
    ['GET', 502, 2],
    ['PATCH', 504, 2],
    ['DELETE', 504, 1],
    ['POST', 502, 1],
    ['GET', 500, 1],
    ['PATCH', 429, 1],
  ] as const)('a %s answered HTTP %i is sent %i time(s) in all', async (verb, status, attempts) => {
    const answer: Failure = { label: `HTTP ${status}`, error: () => statusError(status, true), maybeSent: true, status };
    const result = await run(verb, [answer], [0, 0, 0, 0, 0], 0.5);
    expect(result.attempts).toBe(attempts);
    expect(result.outcome.ok).toBe(attempts === 2);
  });

  it('retries exactly what the documented table allows, and hands back the last failure or the first answer', async () => {
    await fc.assert(
      fc.asyncProperty(
        // Quick attempts, so that the time budget is not what stops the retries.
        scenario.map((s) => ({ ...s, durations: [0, 0, 0, 0, 0] })),
        async ({ verb, failures, durations, jitter }) => {
          const { attempts, outcome, logs } = await run(verb, failures, durations, jitter);
          let expected = 1;
          while (expected <= retryTiming.retries && expected <= failures.length) {
            const previous = failures[expected - 1];
            if (!previous || !documentedRetry(verb, previous)) break;
            expected++;
          }
          expect(attempts).toBe(expected);
          expect(logs).toHaveLength(attempts - 1);
          if (attempts > failures.length) {
            expect(outcome).toEqual({ ok: true, value: `answer ${attempts - 1}` });
          } else {
            const last = failures[attempts - 1];
            expect(outcome.ok).toBe(false);
            if (!outcome.ok && last) expect((outcome.error as Error).message).toBe(last.error().message);
          }
        },
      ),
      RUNS,
    );
  });
});
