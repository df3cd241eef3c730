/**
 * Connecting and renewing against a server having a bad moment: a passing outage of /v1/me is
 * retried like any read, a lasting one gets a message a person can act on, and a real 403 is a
 * permission message whatever the token's lifetime.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import zapier, { type Bundle, type ZObject } from 'zapier-platform-core';
import App from '../../src/index.js';
import { retryTiming } from 'connector-toolkit/retry-policy.js';
import { connectedAuthData, SLUG } from '../support/bundle.js';
import { errorBodyOf, rejectionOf } from '../../packages/toolkit/test/support/errors.js';
import { json, useLoopback } from './loopback.js';

const appTester = zapier.createAppTester(App);
type Run = (z: ZObject, bundle: Bundle) => Promise<unknown>;
const connection = App.authentication as unknown as { test: Run; sessionConfig: { perform: Run } };
const server = useLoopback();
const saved = { ...retryTiming };

beforeAll(() => {
  Object.assign(retryTiming, { minTimeout: 1, maxRetryTime: 100 });
});
afterAll(() => {
  Object.assign(retryTiming, saved);
});
beforeEach(() => {
  process.env['SCOPESTACK_API_URL'] = server.url;
  process.env['SCOPESTACK_AUTH_URL'] = server.url;
});

const ME = {
  data: { id: '7', type: 'mes', attributes: { name: 'Zapier', email: 'z@example.com', 'account-slug': SLUG, 'account-id': '42' } },
};

/** The token endpoint answers; /v1/me fails `failures` times with `status`, then answers. */
const meFailing = (status: number, failures: number) => {
  let failed = 0;
  server.answer((request, response) => {
    if (request.path === '/oauth/token') json(response, 200, { access_token: 'fresh-token', token_type: 'Bearer', expires_in: 7200 });
    else if (failed < failures) {
      failed += 1;
      json(response, status, { errors: [{ title: 'Service Unavailable', status: String(status) }] });
    } else json(response, 200, ME);
  });
};
const meCalls = () => server.received.filter((request) => request.path === '/v1/me').length;
const exchange = () =>
  appTester(connection.sessionConfig.perform, { authData: { client_id: 'id', client_secret: 'secret-value' }, inputData: {} });

describe('/v1/me having a bad moment', () => {
  it.each([502, 503, 504])('is retried after a %i while connecting, and the connection succeeds', async (status) => {
    meFailing(status, 1);
    await expect(exchange()).resolves.toMatchObject({ access_token: 'fresh-token', account_slug: SLUG });
    expect(meCalls()).toBe(2);
  });

  it('says what happened, in words, when the outage lasts', async () => {
    meFailing(503, 10);
    const error = await rejectionOf(exchange());
    expect(errorBodyOf(error).message).toBe(
      'ScopeStack signed the credential in, but could not say which account it belongs to (HTTP 503 on /v1/me). Try again in a few minutes.',
    );
    expect(meCalls()).toBe(3);
  });

  it('is retried in the connection test too', async () => {
    meFailing(503, 1);
    await expect(appTester(connection.test, { authData: connectedAuthData(), inputData: {} })).resolves.toMatchObject({
      account_slug: SLUG,
    });
    expect(meCalls()).toBe(2);
  });
});

describe('a real 403', () => {
  it.each([10, 60, 300])(
    'is a permission message for a token of %i seconds issued 5 s ago (as after a renewal), not another renewal',
    async (lifetime) => {
      server.answer((_request, response) => {
        json(response, 403, { errors: [{ title: 'Forbidden', detail: 'You are not allowed to create vendors.', status: '403' }] });
      });
      const bundle = {
        authData: connectedAuthData({ lifetime, age: 5 }),
        inputData: { name: 'Acme' },
        meta: { page: 0 },
      };
      const error = await rejectionOf(appTester((App.creates.create_vendor.operation as unknown as { perform: Run }).perform, bundle));
      expect(error.name).toBe('AppError');
      expect(errorBodyOf(error)).toMatchObject({ code: 'PermissionError' });
    },
  );
});
