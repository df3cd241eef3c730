/**
 * Credentials never follow a redirect. The token exchange takes none (the client secret stays
 * with the sign-in host); the bearer token goes only to the API's exact origin; a write answered
 * with a redirect is never reported as done; a file's redirect chain is bounded. "Elsewhere" is a
 * second loopback server: on the same host name as the API, on another port.
 */
import { beforeEach, describe, expect, it } from '@jest/globals';
import zapier, { type Bundle, type ZObject } from 'zapier-platform-core';
import App from '../../src/index.js';
import { fetchFile } from 'connector-toolkit/files.js';
import { ACCESS_TOKEN, CLIENT_SECRET, connectedAuthData, SLUG } from '../support/bundle.js';
import { errorBodyOf, rejectionOf } from '../../packages/toolkit/test/support/errors.js';
import { performAsProduction } from '../support/production-input.js';
import { json, useLoopback } from './loopback.js';

const appTester = zapier.createAppTester(App);
type Run = (z: ZObject, bundle: Bundle) => Promise<unknown>;
const connection = App.authentication as unknown as { sessionConfig: { perform: Run } };

const api = useLoopback();
const elsewhere = useLoopback();

beforeEach(() => {
  process.env['SCOPESTACK_API_URL'] = api.url;
  process.env['SCOPESTACK_AUTH_URL'] = api.url;
  elsewhere.answer((_request, response) => {
    json(response, 200, { access_token: 'token-from-elsewhere', token_type: 'Bearer', expires_in: 7200, data: [] });
  });
});

const bundle = (inputData: Record<string, unknown>) => ({ authData: connectedAuthData(), inputData, meta: { page: 0 } });
const redirectTo =
  (status: number, path = '/') =>
  (_request: unknown, response: import('node:http').ServerResponse) => {
    response.writeHead(status, { location: `${elsewhere.url}${path}` }).end();
  };

describe('the token exchange', () => {
  it.each([301, 302, 307, 308])('follows no %i: the credentials go to the sign-in host only, and no token is kept', async (status) => {
    api.answer(redirectTo(status, '/oauth/token'));
    const error = await rejectionOf(
      appTester(connection.sessionConfig.perform, {
        authData: { client_id: 'service-client-id', client_secret: CLIENT_SECRET },
        inputData: {},
      }),
    );
    expect(elsewhere.received).toEqual([]);
    expect(api.received.map((request) => `${request.method} ${request.path}`)).toEqual(['POST /oauth/token']);
    expect(error.message).toContain(`redirect (HTTP ${status})`);
    expect(error.message).not.toContain(elsewhere.url);
  });
});

describe('API requests', () => {
  it('never carries the token to another port of the same host', async () => {
    api.answer(redirectTo(302, `/${SLUG}/v1/clients`));
    const error = await rejectionOf(appTester((App.triggers.new_client.operation as unknown as { perform: Run }).perform, bundle({})));
    expect(elsewhere.received).toEqual([]);
    expect(api.received[0]?.headers['authorization']).toBe(`Bearer ${ACCESS_TOKEN}`);
    expect(errorBodyOf(error).message).toBe(
      'ScopeStack answered the request to read clients with a redirect (HTTP 302), which this integration never follows with your credentials. ' +
        'Check that the connection points at the right address.',
    );
  });

  it.each([302, 303, 307])('never reports a create answered with %i as done, and sends it once', async (status) => {
    api.answer(redirectTo(status, `/${SLUG}/v1/vendors/1`));
    const error = await rejectionOf(performAsProduction(appTester, App.creates.create_vendor, bundle({ name: 'Acme Supplies' })));
    expect(api.received.map((request) => request.method)).toEqual(['POST']);
    expect(elsewhere.received).toEqual([]);
    expect(errorBodyOf(error).message).toMatch(
      /with a redirect \(HTTP \d+\).* may or may not have made the change: check there before running the step again\.$/,
    );
  });

  it('sends a POST once when the server redirects it to itself in a loop', async () => {
    api.answer((request, response) => {
      response.writeHead(307, { location: `${api.url}${request.path}` }).end();
    });
    await rejectionOf(performAsProduction(appTester, App.creates.create_vendor, bundle({ name: 'Acme Supplies' })));
    expect(api.received).toHaveLength(1);
  });
});

describe('file downloads', () => {
  it('follow a storage redirect, but not a loop: the chain is bounded', async () => {
    elsewhere.answer((request, response) => {
      response.writeHead(302, { location: `${elsewhere.url}${request.path}x` }).end();
    });
    const download: Run = async (z, given) => (await fetchFile(z, given)).buffer();
    const error = await rejectionOf(appTester(download, bundle({ url: `${elsewhere.url}/file.pdf` })));
    expect(error.message).toMatch(/maximum redirect/);
    expect(elsewhere.received.length).toBeLessThanOrEqual(6);
    // A download carries no token: it is not on the API host.
    expect(elsewhere.received.every((request) => request.headers['authorization'] === undefined)).toBe(true);
  });
});
