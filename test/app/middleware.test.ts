import nock from 'nock';
import zapier from 'zapier-platform-core';
import createClient from '../../creates/create_client.js';
import authentication from '../../src/authentication.js';
import App from '../../src/index.js';
import { createApiMiddleware } from 'connector-toolkit/api-middleware.js';
import { jsonApiFormat } from 'connector-toolkit/formats/json-api-format.js';
import { fetchFile } from 'connector-toolkit/files.js';
import deleteCrmOpportunity from '../../creates/delete_crm_opportunity.js';
import updateClient from '../../creates/update_client.js';
import findClient from '../../searches/find_client.js';
import newClient from '../../triggers/new_client.js';
import { ACCESS_TOKEN, API, AUTH, bundleWith, connectedAuthData, SLUG, useTestHosts } from '../support/bundle.js';
import { errorBodyOf, rejectionOf } from '../../packages/toolkit/test/support/errors.js';
import { useNock } from '../../packages/toolkit/test/support/nock.js';
import { performOf } from '../../packages/toolkit/test/support/steps.js';

const appTester = zapier.createAppTester(App);
const poll = performOf<unknown[]>(newClient);
const list = (data: unknown[] = []) => ({ data, meta: { 'record-count': data.length, 'page-count': 1 }, links: {} });

useNock();
beforeAll(useTestHosts);

describe('middleware: headers', () => {
  it('sends the bearer token, the JSON:API Accept header and a versioned User-Agent on API calls', async () => {
    const scope = nock(API)
      .get(`/${SLUG}/v1/clients`)
      .query(true)
      .matchHeader('authorization', `Bearer ${ACCESS_TOKEN}`)
      .matchHeader('accept', 'application/vnd.api+json')
      .matchHeader('user-agent', /scopestack-zapier\/\d+\.\d+\.\d+ zapier-platform-core\/19\./)
      .reply(200, list());
    await appTester(poll, bundleWith());
    expect(scope.isDone()).toBe(true);
  });

  const client = { data: { id: '1001', type: 'clients', attributes: { name: 'Northwind' } } };
  const JSON_API = 'application/vnd.api+json';

  // A body-carrying request without the JSON:API content type is refused by the service (415).
  it.each([
    ['GET', 'find_client', () => nock(API).get(`/${SLUG}/v1/clients/1001`).query(true), findClient, { id: '1001' }, false],
    ['POST', 'create_client', () => nock(API).post(`/${SLUG}/v1/clients`).query(true), createClient, { name: 'Northwind' }, true],
    [
      'PATCH',
      'update_client',
      () => nock(API).patch(`/${SLUG}/v1/clients/1001`).query(true),
      updateClient,
      { id: '1001', name: 'N' },
      true,
    ],
    [
      'DELETE',
      'delete_crm_opportunity',
      () => nock(API).delete(`/${SLUG}/v1/crm-opportunities/1001`),
      deleteCrmOpportunity,
      { id: '1001' },
      false,
    ],
  ] as const)(
    '%s (%s) carries the token, asks for JSON:API, and says its body is JSON:API only when it has one',
    async (_method, _key, interceptor, step, input, hasBody) => {
      const reply = hasBody || _method === 'GET' ? [200, client] : [204];
      const scope = interceptor()
        .matchHeader('authorization', `Bearer ${ACCESS_TOKEN}`)
        .matchHeader('accept', JSON_API)
        .matchHeader('content-type', (value: string | null | undefined) => (hasBody ? value === JSON_API : value == null))
        .reply(...(reply as [number, unknown?]));
      await appTester(performOf(step), bundleWith(input));
      expect(scope.isDone()).toBe(true);
    },
  );

  it('sends no bearer token to the token endpoint', async () => {
    const scope = nock(AUTH, { badheaders: ['authorization'] })
      .post('/oauth/token')
      .reply(200, { access_token: 'next', expires_in: 86400 });
    nock(API)
      .get('/v1/me')
      .reply(200, { data: { id: '1', type: 'mes', attributes: { 'account-slug': SLUG, 'account-id': 42 } } });
    await appTester(authentication.sessionConfig.perform as (z: zapier.ZObject, b: zapier.Bundle) => Promise<unknown>, {
      authData: connectedAuthData(),
    });
    expect(scope.isDone()).toBe(true);
  });
});

describe('middleware: token expiry', () => {
  it('asks Zapier to renew a 24-hour token in its last five minutes, before sending anything', async () => {
    const scope = nock(API).get(`/${SLUG}/v1/clients`).query(true).reply(200, list());
    const error = await rejectionOf(appTester(poll, bundleWith({}, connectedAuthData({ lifetime: 86400, age: 86400 - 200 }))));
    expect(error.name).toBe('RefreshAuthError');
    // What the Zap's run log shows while Zapier renews the token.
    expect(error.message).toContain('The ScopeStack access token has expired and is being renewed.');
    expect(scope.isDone()).toBe(false);
  });

  it('uses a 60-second token that was just issued instead of renewing it again', async () => {
    const scope = nock(API).get(`/${SLUG}/v1/clients`).query(true).reply(200, list());
    await appTester(poll, bundleWith({}, connectedAuthData({ lifetime: 60, age: 1 })));
    expect(scope.isDone()).toBe(true);
  });

  it('lets core turn a 401 into RefreshAuthError, which the app words for whoever reads it (zapier-platform invoke)', async () => {
    nock(API)
      .get(`/${SLUG}/v1/clients`)
      .query(true)
      .reply(401, { errors: [{ title: 'Not authorized' }] });
    const error = await rejectionOf(appTester(performOf<unknown[]>(App.triggers.new_client), bundleWith()));
    expect(error.name).toBe('RefreshAuthError');
    expect(error.message).toMatch(
      /^ScopeStack refused the stored access token \(401\); it is being renewed\. \(With zapier-platform invoke: run `invoke auth refresh`\.\)\n/,
    );
  });

  it('asks for a first token, not a renewal, when the connection holds none', async () => {
    const error = await rejectionOf(appTester(poll, bundleWith({}, connectedAuthData({ access_token: '' }))));
    expect(error.name).toBe('RefreshAuthError');
    expect(error.message).toMatch(
      /^This connection holds no ScopeStack access token yet; one is being requested\. \(With zapier-platform invoke: run `invoke auth start` first\.\)\n/,
    );
  });
});

describe('middleware: 403', () => {
  const forbidden = { errors: [{ status: '403', title: 'Forbidden' }] };

  it('renews once when the token is an hour old (some expired tokens get 403)', async () => {
    nock(API).get(`/${SLUG}/v1/clients`).query(true).reply(403, forbidden);
    const error = await rejectionOf(appTester(poll, bundleWith({}, connectedAuthData({ age: 3600 }))));
    expect(error.name).toBe('RefreshAuthError');
    expect(error.message).toContain('ScopeStack refused a token that may have expired; renewing it once.');
  });

  it('reports a permission problem, without renewing the stored token, when the request carried a token of its own', async () => {
    nock(API).get(`/${SLUG}/v1/clients`).matchHeader('authorization', 'Bearer token-under-check').reply(403, forbidden);
    const check = (z: zapier.ZObject) =>
      z.request({ url: `${API}/${SLUG}/v1/clients`, headers: { Authorization: 'Bearer token-under-check' } });
    const error = await rejectionOf(appTester(check, bundleWith({}, connectedAuthData({ age: 3600 }))));
    expect(error.name).toBe('AppError');
    expect(errorBodyOf(error)).toMatchObject({ code: 'PermissionError', status: 403 });
  });

  it('reports a permission problem, without renewing, when the token is fresh', async () => {
    nock(API).post(`/${SLUG}/v1/clients`).query(true).reply(403, forbidden);
    const create = performOf(createClient);
    const error = await rejectionOf(appTester(create, bundleWith({ name: 'Acme' }, connectedAuthData({ age: 5 }))));
    expect(error.name).toBe('AppError');
    expect(errorBodyOf(error)).toEqual({
      code: 'PermissionError',
      status: 403,
      message:
        "ScopeStack does not allow this connection to create clients (403 Forbidden). ScopeStack says: Forbidden. Ask a ScopeStack admin to give the service account's role permission for this, then try again.",
    });
  });
});

describe('middleware: errors', () => {
  it.each([
    [
      404,
      { errors: [{ title: 'Record not found' }] },
      'NotFoundError',
      /could not find the clients of the connected account \(404\)\. ScopeStack says: Record not found\. The account may have been renamed: reconnect/,
    ],
    [
      400,
      { errors: [{ title: 'Invalid filter' }] },
      'ValidationError',
      /^ScopeStack says: Invalid filter\. Correct the field and try again\.$/,
    ],
    [
      500,
      { errors: [{ title: 'Internal Server Error' }] },
      'ApiError',
      /could not read clients \(HTTP 500\)\. ScopeStack says: Internal Server Error\. Try again/,
    ],
  ])('turns a %i into a readable %s', async (status, body, code, message) => {
    // A 400 is asked once more without the guessed sort (-id), and refused again.
    nock(API).get(`/${SLUG}/v1/clients`).query(true).times(2).reply(status, body);
    const error = await rejectionOf(appTester(poll, bundleWith()));
    const parsed = errorBodyOf(error);
    expect(parsed.code).toBe(code);
    expect(parsed.message).toMatch(message);
    expect(parsed.message).not.toContain(ACCESS_TOKEN);
  });

  it('says an HTML page answered with a server error is an error page, without quoting it', async () => {
    nock(API)
      .get(`/${SLUG}/v1/clients`)
      .query(true)
      .reply(500, '<html><body>Internal Server Error</body></html>', { 'Content-Type': 'text/html; charset=utf-8' });
    const error = await rejectionOf(appTester(poll, bundleWith()));
    expect(errorBodyOf(error).message).toBe(
      'ScopeStack had a problem and could not read clients (HTTP 500). ScopeStack answered with an error page instead of data. Try again in a few minutes.',
    );
  });

  it('reports a body that is not JSON instead of returning nothing', async () => {
    nock(API).get(`/${SLUG}/v1/clients`).query(true).reply(200, '{"data": [', { 'Content-Type': 'application/vnd.api+json' });
    const error = await rejectionOf(appTester(poll, bundleWith()));
    expect(errorBodyOf(error).message).toMatch(/with data that could not be read/);
  });

  it('leaves 429 to core, which asks Zapier to retry later', async () => {
    nock(API).get(`/${SLUG}/v1/clients`).query(true).reply(429, {}, { 'Retry-After': '30' });
    const error = await rejectionOf(appTester(poll, bundleWith()));
    expect(error.name).toBe('ThrottledError');
    expect(errorBodyOf(error).delay).toBe(30);
  });
});

describe('middleware: file downloads from the API host', () => {
  const DOWNLOAD = `/${SLUG}/v1/project-documents/66001/download`;
  const download = async (z: zapier.ZObject, bundle: zapier.Bundle) => (await fetchFile(z, bundle)).status;

  it('fails the step when the API refuses a download (HTTP 400), instead of handing on the refusal as the file', async () => {
    const scope = nock(API).get(DOWNLOAD).once().reply(400, 'Bad request', { 'Content-Type': 'text/plain' });
    const error = await rejectionOf(appTester(download, bundleWith({ url: `${API}${DOWNLOAD}` })));
    expect(scope.isDone()).toBe(true);
    expect(errorBodyOf(error)).toMatchObject({ code: 'ValidationError', status: 400 });
  });
});

describe('middleware: another service built on the same toolkit', () => {
  const ACME = 'https://api.acme.test';
  // A base written with trailing slashes, a token endpoint on the API host, and no field labels.
  const { befores, afters } = createApiMiddleware({
    words: {
      service: 'Acme',
      credential: 'an Acme API client',
      credentialsPage: 'Acme (Settings > API Clients)',
      credentialDialog: 'the dialog that shows them',
      permissionFix: 'Ask an Acme admin to allow this API client to do it',
    },
    format: jsonApiFormat,
    apiBaseUrl: () => `${ACME}//`,
    tokenUrl: () => `${ACME}/oauth/token`,
    userAgent: 'acme-zapier/1.0.0',
  });
  const acmeTester = zapier.createAppTester({
    version: '1.0.0',
    platformVersion: zapier.version,
    beforeRequest: befores,
    afterResponse: afters,
  });
  const get = (url: string) => (z: zapier.ZObject) => z.request({ url }).then((response) => response.status);

  it.each([
    ['a path under a base written with trailing slashes', `${ACME}/v1/things`, '/v1/things'],
    ['the base itself', ACME, '/'],
  ])('sends the token to %s', async (_case, url, path) => {
    const scope = nock(ACME).get(path).matchHeader('authorization', `Bearer ${ACCESS_TOKEN}`).once().reply(200, { data: [] });
    expect(await acmeTester(get(url), bundleWith())).toBe(200);
    expect(scope.isDone()).toBe(true);
  });

  it.each([
    ['its token endpoint', '/oauth/token'],
    ['a path below its token endpoint', '/oauth/token/info'],
  ])('never sends the token to %s, though it is on the API host', async (_case, path) => {
    const scope = nock(ACME, { badheaders: ['authorization'] })
      .get(path)
      .once()
      .reply(200, { data: null });
    expect(await acmeTester(get(`${ACME}${path}`), bundleWith())).toBe(200);
    expect(scope.isDone()).toBe(true);
  });

  it('names a rejected field by its pointer when the service gives no field labels', async () => {
    nock(ACME)
      .get('/v1/things')
      .reply(422, { errors: [{ detail: "can't be blank", source: { pointer: '/data/attributes/name' } }] });
    const error = await rejectionOf(acmeTester(get(`${ACME}/v1/things`), bundleWith()));
    expect(errorBodyOf(error).message).toBe("Acme says: Name can't be blank. Correct the field and try again.");
  });
});
