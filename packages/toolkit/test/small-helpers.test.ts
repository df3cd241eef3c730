/** The small helpers every message and wait leans on: value text, request names, network reasons, error codes, the clock's pause. */
import { jest } from '@jest/globals';
import zapier, { type ZObject } from 'zapier-platform-core';
import { clock } from '../src/clock.js';
import { appError, appErrorStatus, ErrorCode, failedResponseOf, hasErrorCode } from '../src/app-errors.js';
import { describeAttempt, targetOf } from '../src/describe-request.js';
import { afterNetworkFailure, networkReason } from '../src/network-errors.js';
import { isScalar, quoteValue, scalarText } from '../src/text.js';

describe('value text', () => {
  it.each([
    ['a string', 'Northwind', 'Northwind', '"Northwind"'],
    ['a number', 1500.5, '1500.5', '"1500.5"'],
    ['a boolean', false, 'false', '"false"'],
    ['a big integer', 12n, '12', '"12"'],
    ['a list', ['a'], '', 'a list'],
    ['an object', { a: 1 }, '', 'an object'],
    ['null', null, '', 'nothing'],
    ['undefined', undefined, '', 'nothing'],
  ])('reads %s as its own text only when it is a scalar', (_case, value, text, quoted) => {
    expect(scalarText(value)).toBe(text);
    expect(quoteValue(value)).toBe(quoted);
    expect(isScalar(value)).toBe(text !== '' || value === '');
  });

  it('counts a symbol or a function as no scalar', () => {
    expect(isScalar(Symbol('x'))).toBe(false);
    expect(scalarText(() => 'x')).toBe('');
  });
});

describe('request names', () => {
  it.each([
    ['GET', 'https://api.example/acme/v1/clients/12?include=contacts', 'read client 12'],
    ['GET', 'https://api.example/acme/v1/clients', 'read clients'],
    ['GET', 'https://api.example/acme/v1/clients/12a', 'read 12a'],
    [
      'GET',
      'https://api.example/acme/v1/documents/0b5f1a2c-3d4e-4f60-8a9b-0c1d2e3f4a5b',
      'read document 0b5f1a2c-3d4e-4f60-8a9b-0c1d2e3f4a5b',
    ],
    [
      'GET',
      'https://api.example/acme/v1/documents/0b5f1a2c-3d4e-4f60-8a9b-0c1d2e3f4a5b-extra',
      'read 0b5f1a2c 3d4e 4f60 8a9b 0c1d2e3f4a5b extra',
    ],
    [
      'GET',
      'https://api.example/acme/v1/documents/sow-0b5f1a2c-3d4e-4f60-8a9b-0c1d2e3f4a5b',
      'read sow 0b5f1a2c 3d4e 4f60 8a9b 0c1d2e3f4a5b',
    ],
    ['GET', 'https://api.example/acme/v1/reports/q4-2024', 'read q4 2024'],
    ['patch', 'https://api.example/acme/v1/project-contacts/ab', 'update project contact ab'],
    ['DELETE', 'https://api.example//crm-opportunities//3201', 'delete crm opportunity 3201'],
    ['POST', 'https://api.example/acme/v1/clients', 'create clients'],
    ['OPTIONS', 'https://api.example/acme/v1/clients', 'options clients'],
  ])('names %s %s "%s"', (method, url, words) => {
    expect(describeAttempt(method, url)).toBe(words);
  });

  it('takes a lone segment for the collection even when it looks like an ID', () => {
    expect(targetOf('/12')).toEqual({ collection: '12' });
    expect(targetOf('/')).toEqual({ collection: '' });
  });
});

describe('network reasons', () => {
  const fetchError = (message: string, extra: Record<string, unknown> = {}): Error =>
    Object.assign(new Error(message), { name: 'FetchError', ...extra });

  it.each([
    ['the system code', fetchError('request to https://x/ failed, reason: connect ECONNREFUSED', { code: 'ECONNREFUSED' }), 'ECONNREFUSED'],
    [
      'the reason text when the code is empty',
      fetchError('request to https://x/ failed, reason: socket hang up', { code: '' }),
      'socket hang up',
    ],
    [
      'a timeout while waiting for the answer',
      fetchError('network timeout at: https://x/', { type: 'request-timeout' }),
      'no answer in time',
    ],
    [
      'a timeout while reading the body',
      fetchError('Response timeout while trying to fetch https://x/', { type: 'body-timeout' }),
      'no answer in time',
    ],
    ['a generic label when nothing says more', fetchError('something odd happened'), 'network error'],
  ])('names %s', (_case, error, reason) => {
    expect(networkReason(error)).toBe(reason);
  });

  it('points at a local server that is not running, and only then', () => {
    const refused = fetchError('connect ECONNREFUSED', { code: 'ECONNREFUSED' });
    expect(afterNetworkFailure(refused, 'http://127.0.0.1:4010/oauth/token')).toBe(
      ' Nothing is listening at http://127.0.0.1:4010, a local address: start the server it should reach, or point the integration at another host.',
    );
    expect(afterNetworkFailure(refused, 'https://app.example.com/oauth/token')).toBe(' Try again in a few minutes.');
    expect(afterNetworkFailure(refused, 'not a url')).toBe(' Try again in a few minutes.');
    const reset = fetchError('read ECONNRESET', { code: 'ECONNRESET' });
    expect(afterNetworkFailure(reset, 'http://localhost:4010/x')).toBe(' Try again in a few minutes.');
  });
});

describe('error codes', () => {
  const z = { errors: zapier.errors } as unknown as ZObject;
  /** An error core raised, or one written to look like an app error: its text is never read back. */
  const lookalike = (body: unknown): Error => Object.assign(new Error(JSON.stringify(body)), { name: 'AppError' });

  it('reads the code, status and failed response an app error carries as data, and shows Zapier the same in its message', () => {
    const response = { status: 422, method: 'POST', url: 'https://api.example/v1/widgets', errors: [], isHtml: false };
    const error = appError(z, { message: 'No.', code: ErrorCode.Validation, status: 422 }, response);
    expect(hasErrorCode(error, ErrorCode.Validation)).toBe(true);
    expect(hasErrorCode(error, ErrorCode.Api)).toBe(false);
    expect(appErrorStatus(error)).toBe(422);
    expect(failedResponseOf(error)).toBe(response);
    expect(JSON.parse(error.message)).toEqual({ message: 'No.', code: ErrorCode.Validation, status: 422 });
    // Nothing that serialises the error sees the data beside the message.
    expect(Object.keys(error)).not.toContain('failure');
  });

  it.each([
    ['an app error without a status', appError(z, { message: 'No.', code: ErrorCode.Validation })],
    ['an error whose message says it has a code and status', lookalike({ message: 'No.', code: ErrorCode.Api, status: 500 })],
    ['an app error whose message is not JSON', Object.assign(new Error('plain'), { name: 'AppError' })],
    ['something that is not an error', { name: 'AppError', message: JSON.stringify({ code: ErrorCode.Api, status: 500 }) }],
  ])('finds no API code or status in %s', (_case, error) => {
    expect(hasErrorCode(error, ErrorCode.Api)).toBe(false);
    expect(appErrorStatus(error)).toBeUndefined();
  });
});

describe('clock.sleep', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('waits the whole pause it is given, so a job is not read again too early', async () => {
    jest.useFakeTimers();
    let woke = false;
    const sleeping = clock.sleep(1000).then(() => {
      woke = true;
    });
    await jest.advanceTimersByTimeAsync(999);
    expect(woke).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    await sleeping;
    expect(woke).toBe(true);
  });
});
