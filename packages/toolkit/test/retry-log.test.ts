/** What Zapier's log says about each retry: which request, after how long, and why. */
import { jest } from '@jest/globals';
import type { ZObject } from 'zapier-platform-core';
import { retryTiming, withRetries } from '../src/retry-policy.js';

const fetchError = (code: string): Error =>
  Object.assign(new Error(`request to https://api.example/v1/x failed, reason: ${code}`), { name: 'FetchError', code });
const withStatus = (status: unknown): Error => Object.assign(new Error('answer'), { status });

const runLogged = async (method: string, failures: Error[]) => {
  const log = jest.fn();
  const z = { console: { log } } as unknown as ZObject;
  let calls = 0;
  const result = await withRetries(z, method, `${method} widgets`, () => {
    const failure = failures[calls];
    calls += 1;
    return failure ? Promise.reject(failure) : Promise.resolve('done');
  }).catch((error: unknown) => error);
  return { result, calls, lines: log.mock.calls.map(([line]) => String(line)) };
};

describe('the retry log', () => {
  const saved = { ...retryTiming };
  beforeEach(() => {
    Object.assign(retryTiming, { minTimeout: 20, factor: 2, maxRetryTime: 1000 });
    // Jitter halfway, so the pause is the base pause times 1.5.
    jest.spyOn(Math, 'random').mockReturnValue(0.5);
  });
  afterEach(() => {
    Object.assign(retryTiming, saved);
    jest.restoreAllMocks();
  });

  it('names the request, its jittered pause and the reason for each retry', async () => {
    const { result, calls, lines } = await runLogged('GET', [withStatus(503), fetchError('ECONNRESET')]);
    expect(result).toBe('done');
    expect(calls).toBe(3);
    expect(lines).toEqual(['Retrying GET widgets in 30 ms: HTTP 503.', 'Retrying GET widgets in 60 ms: the connection failed.']);
  });

  it('says when a create is retried because it was never sent', async () => {
    const { result, lines } = await runLogged('POST', [fetchError('ECONNREFUSED')]);
    expect(result).toBe('done');
    expect(lines).toEqual(['Retrying POST widgets in 30 ms: the connection was refused.']);
  });

  it('logs no retry it will not make once the retries are spent', async () => {
    const failures = [withStatus(503), withStatus(503), withStatus(503), withStatus(503)];
    const { result, calls, lines } = await runLogged('GET', failures);
    expect(result).toBe(failures[2]);
    expect(calls).toBe(3);
    expect(lines).toHaveLength(2);
  });

  it.each([
    ['a status that is not a number', withStatus('503')],
    ['a failure with no status at all', new Error('boom')],
  ])('does not retry %s', async (_case, failure) => {
    const { result, calls, lines } = await runLogged('GET', [failure]);
    expect(result).toBe(failure);
    expect(calls).toBe(1);
    expect(lines).toEqual([]);
  });
});
