import { jest } from '@jest/globals';
import nock from 'nock';
import zapier from 'zapier-platform-core';
import authentication from '../../src/authentication.js';
import App from '../../src/index.js';
import { ACCESS_TOKEN, API, AUTH, CLIENT_SECRET, connectedAuthData, SLUG, useTestHosts } from '../support/bundle.js';
import { errorBodyOf, rejectionOf } from '../../packages/toolkit/test/support/errors.js';
import { useNock } from '../../packages/toolkit/test/support/nock.js';
import { ATTEMPTS, useQuickRetries } from '../support/retries.js';
import type { Perform } from '../../packages/toolkit/test/support/steps.js';

const appTester = zapier.createAppTester(App);
const perform = authentication.sessionConfig.perform as unknown as Perform<Record<string, string>>;

const credentials = { client_id: 'service-client-id', client_secret: CLIENT_SECRET };
const me = {
  data: {
    id: '77',
    type: 'mes',
    attributes: { name: 'Zapier Integration', email: 'zapier@example-it.example', 'account-slug': SLUG, 'account-id': 42 },
  },
};
const tokenBody = (expiresIn = 86400) => ({ access_token: 'fresh.jwt.token', token_type: 'Bearer', expires_in: expiresIn });

/** nock hands form bodies over already parsed. */
const formOf = (body: unknown): Record<string, string> =>
  typeof body === 'string' ? Object.fromEntries(new URLSearchParams(body)) : { ...(body as Record<string, string>) };

/** The lines core writes to the log while `run` runs (HTTP requests and z.console.log), as one text. */
const logOf = async (run: () => Promise<unknown>): Promise<string> => {
  const lines: string[] = [];
  const spy = jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
    lines.push(args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' '));
  });
  process.env['LOG_TO_STDOUT'] = 'true';
  process.env['DETAILED_LOG_TO_STDOUT'] = 'true';
  try {
    await run();
  } finally {
    delete process.env['LOG_TO_STDOUT'];
    delete process.env['DETAILED_LOG_TO_STDOUT'];
    spy.mockRestore();
  }
  return lines.join('\n');
};

useNock();
useQuickRetries();
beforeAll(useTestHosts);

describe('authentication: client credentials', () => {
  it('exchanges the id and a secret full of special characters, then stores the account from /v1/me', async () => {
    const token = nock(AUTH, { badheaders: ['authorization'] })
      .post('/oauth/token', (body) => {
        expect(formOf(body)).toEqual({ grant_type: 'client_credentials', ...credentials });
        return true;
      })
      .matchHeader('content-type', 'application/x-www-form-urlencoded')
      .matchHeader('accept', 'application/json')
      .reply(200, tokenBody());
    const account = nock(API)
      .get('/v1/me')
      .matchHeader('authorization', 'Bearer fresh.jwt.token')
      .matchHeader('accept', 'application/vnd.api+json')
      .reply(200, me);

    const before = Math.floor(Date.now() / 1000);
    const authData = await appTester(perform, { authData: credentials });

    expect(token.isDone() && account.isDone()).toBe(true);
    expect(authData).toMatchObject({
      access_token: 'fresh.jwt.token',
      refresh_token: '',
      account_slug: SLUG,
      account_id: '42',
      user_name: 'Zapier Integration',
      user_email: 'zapier@example-it.example',
    });
    expect(Number(authData['token_expires_at']) - Number(authData['token_issued_at'])).toBe(86400);
    expect(Number(authData['token_issued_at'])).toBeGreaterThanOrEqual(before);
  });

  it('sends the client as HTTP Basic when the connection asks for it', async () => {
    const basic = `Basic ${Buffer.from(`service-client-id:${CLIENT_SECRET}`, 'utf8').toString('base64')}`;
    const token = nock(AUTH)
      .post('/oauth/token', (body) => formOf(body)['grant_type'] === 'client_credentials' && !('client_secret' in formOf(body)))
      .matchHeader('authorization', basic)
      .reply(200, tokenBody());
    nock(API).get('/v1/me').reply(200, me);

    await appTester(perform, { authData: { ...credentials, client_auth: 'basic' } });
    expect(token.isDone()).toBe(true);
  });

  it('checks the renewed token on /v1/me and follows the account it names', async () => {
    const scope = nock(AUTH).post('/oauth/token').reply(200, tokenBody());
    nock(API).get('/v1/me').matchHeader('authorization', 'Bearer fresh.jwt.token').reply(200, me);
    const authData = await appTester(perform, { authData: connectedAuthData({ account_slug: 'renamed-before', account_id: '1' }) });
    expect(scope.isDone()).toBe(true);
    expect(authData).toMatchObject({ access_token: 'fresh.jwt.token', account_slug: SLUG, account_id: '42' });
  });

  // 401: a revoked token; 403: a deactivated service user. Both need the user, not a renewal loop.
  it.each([
    ['connecting', 401, credentials, 'AppError'],
    ['renewing during a Zap', 401, connectedAuthData(), 'ExpiredAuthError'],
    ['connecting', 403, credentials, 'AppError'],
    ['renewing during a Zap', 403, connectedAuthData(), 'ExpiredAuthError'],
  ])('asks for a reconnect when /v1/me refuses the new token while %s (HTTP %i)', async (_when, status, authData, name) => {
    nock(AUTH).post('/oauth/token').reply(200, tokenBody());
    nock(API)
      .get('/v1/me')
      .reply(status, { errors: [{ title: 'The access token was revoked.' }] });
    const error = await rejectionOf(appTester(perform, { authData }));
    expect(error.name).toBe(name);
    expect(error.message).toContain(
      `ScopeStack issued a token but refused it on /v1/me (HTTP ${status}). The service user may have been deactivated ` +
        'or removed from the account; check it in ScopeStack under Settings > Users, then reconnect.',
    );
  });

  it('reports a failing /v1/me as the service failing, not as a refused credential', async () => {
    nock(AUTH).post('/oauth/token').reply(200, tokenBody());
    nock(API)
      .get('/v1/me')
      .reply(500, { errors: [{ title: 'Internal Server Error' }] });
    const error = await rejectionOf(appTester(perform, { authData: credentials }));
    expect(error.message).not.toContain('refused it on /v1/me');
    expect(error.message).not.toContain('named no account');
    expect(error.message).toContain('500');
  });

  it.each([
    ['connecting', credentials],
    ['renewing during a Zap', connectedAuthData()],
  ])('leaves a rate-limited /v1/me to Zapier to retry later instead of asking for a reconnect while %s', async (_when, authData) => {
    nock(AUTH).post('/oauth/token').reply(200, tokenBody());
    nock(API).get('/v1/me').reply(429, {}, { 'Retry-After': '30' });
    const error = await rejectionOf(appTester(perform, { authData }));
    expect(error.name).toBe('ThrottledError');
    expect(errorBodyOf(error).delay).toBe(30);
  });

  it.each([
    ['a JSON document without data', JSON.stringify({ meta: {} }), 'application/vnd.api+json'],
    ['an HTML page', '<html>Sign in</html>', 'text/html'],
  ])('refuses a credential whose /v1/me answers %s, naming the missing account', async (_case, body, type) => {
    nock(AUTH).post('/oauth/token').reply(200, tokenBody());
    nock(API).get('/v1/me').reply(200, body, { 'Content-Type': type });
    const error = await rejectionOf(appTester(perform, { authData: credentials }));
    expect(errorBodyOf(error)).toEqual({
      code: 'AuthenticationError',
      status: 401,
      message: 'ScopeStack signed in the credential but named no account for its user. Check that the service user belongs to an account.',
    });
  });

  it.each([
    ['connecting', credentials, 'AppError'],
    ['renewing during a Zap', connectedAuthData(), 'ExpiredAuthError'],
  ])('refuses a credential whose /v1/me names no account while %s', async (_when, authData, name) => {
    nock(AUTH).post('/oauth/token').reply(200, tokenBody());
    nock(API)
      .get('/v1/me')
      .reply(200, { data: { id: '77', type: 'mes', attributes: { name: 'Zapier Integration', 'account-slug': null } } });
    const error = await rejectionOf(appTester(perform, { authData }));
    expect(error.name).toBe(name);
    expect(error.message).toContain(
      'ScopeStack signed in the credential but named no account for its user. Check that the service user belongs to an account.',
    );
  });

  it.each([
    ['an expires_in of 0', 0],
    ['a negative expires_in', -5],
    ['a non-numeric expires_in', 'soon'],
  ])('treats %s as unstated: the token keeps the default hour instead of being renewed on every request', async (_case, expiresIn) => {
    nock(AUTH).post('/oauth/token').reply(200, { access_token: 'opaque-token', expires_in: expiresIn });
    nock(API).get('/v1/me').reply(200, me);
    const authData = await appTester(perform, { authData: credentials });
    expect(Number(authData['token_expires_at']) - Number(authData['token_issued_at'])).toBe(3600);
  });

  it('reads the lifetime from the JWT when the response gives no expires_in', async () => {
    const issued = Math.floor(Date.now() / 1000);
    const payload = Buffer.from(JSON.stringify({ exp: issued + 600 })).toString('base64url');
    nock(AUTH)
      .post('/oauth/token')
      .reply(200, { access_token: `header.${payload}.signature`, token_type: 'Bearer' });
    nock(API).get('/v1/me').reply(200, me);
    const authData = await appTester(perform, { authData: credentials });
    expect(Number(authData['token_expires_at']) - Number(authData['token_issued_at'])).toBeGreaterThanOrEqual(599);
    expect(Number(authData['token_expires_at']) - Number(authData['token_issued_at'])).toBeLessThanOrEqual(600);
  });

  it.each([
    ['expires the second it is issued, rather than renewing before every request', 0],
    ['has already expired, rather than a lifetime of zero or less', -60],
  ])('uses the default hour when the JWT %s', async (_case, secondsLeft) => {
    const now = Date.now();
    const spy = jest.spyOn(Date, 'now').mockReturnValue(now);
    try {
      const payload = Buffer.from(JSON.stringify({ exp: Math.floor(now / 1000) + secondsLeft })).toString('base64url');
      nock(AUTH)
        .post('/oauth/token')
        .reply(200, { access_token: `header.${payload}.signature` });
      nock(API).get('/v1/me').reply(200, me);
      const authData = await appTester(perform, { authData: credentials });
      expect(Number(authData['token_expires_at']) - Number(authData['token_issued_at'])).toBe(3600);
    } finally {
      spy.mockRestore();
    }
  });

  it.each([
    ['connecting', credentials],
    ['renewing during a Zap', connectedAuthData()],
  ])(
    'keeps the connection and names no URL when the sign-in service cannot be reached while %s, after retrying the exchange twice',
    async (_when, authData) => {
      const scope = nock(AUTH).post('/oauth/token').times(ATTEMPTS).replyWithError('connect ECONNREFUSED');
      const error = await rejectionOf(appTester(perform, { authData }));
      expect(scope.isDone()).toBe(true);
      expect(error.name).toBe('AppError');
      expect(errorBodyOf(error)).toEqual({
        code: 'ApiError',
        status: 503,
        message: "Could not reach ScopeStack's sign-in service (connect ECONNREFUSED). Try again in a few minutes.",
      });
    },
  );

  it('turns a 401 from the token endpoint into a clear message on first connect', async () => {
    nock(AUTH).post('/oauth/token').reply(401, { error: 'invalid_client', error_description: 'Client authentication failed' });
    await expect(appTester(perform, { authData: credentials })).rejects.toThrow(
      /ScopeStack rejected the Client ID or Client Secret \(invalid_client\)\. Check that you copied both whole, without spaces, from the credential's dialog/,
    );
  });

  it('expires the connection when a working credential stops working during a Zap', async () => {
    nock(AUTH).post('/oauth/token').reply(401, { error: 'invalid_client' });
    const error = await rejectionOf(appTester(perform, { authData: connectedAuthData() }));
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ExpiredAuthError');
    expect(error.message).toMatch(/Client ID or Client Secret \(invalid_client\)/);
  });

  it.each([
    [400, { error: 'unauthorized_client' }, /Client credentials work only for users whose User Type is Service/],
    [
      400,
      { error: 'invalid_grant', error_description: 'The provided authorization grant is invalid' },
      /refused the sign-in \(invalid_grant\)\. ScopeStack says: The provided authorization grant is invalid\./,
    ],
    [
      400,
      { error: 'invalid_grant', error_description: { en: 'The grant has expired' } },
      /refused the sign-in \(invalid_grant\)\. Reconnect with current Client ID and Client Secret\./,
    ],
    [503, '<html>Down for maintenance</html>', /ScopeStack's sign-in service is unavailable \(HTTP 503\)\. Try again in a few minutes\./],
    [200, 'not json', /answered HTTP 200 without an access token/],
  ])('explains a %i token response %j', async (status, body, message) => {
    // The exchange is retried like a read: twice more on a 503, never on an answer such as a 4xx.
    const scope = nock(AUTH)
      .post('/oauth/token')
      .times(status === 503 ? ATTEMPTS : 1)
      .reply(status, body);
    await expect(appTester(perform, { authData: credentials })).rejects.toThrow(message);
    expect(scope.isDone()).toBe(true);
  });

  it.each([
    ['unauthorized_client', 'ExpiredAuthError'],
    ['invalid_grant', 'ExpiredAuthError'],
    ['invalid_scope', 'AppError'],
    ['unsupported_grant_type', 'AppError'],
  ])('during a Zap, a 400 %s %s: only a credential problem asks the user to reconnect', async (code, name) => {
    nock(AUTH).post('/oauth/token').reply(400, { error: code });
    const error = await rejectionOf(appTester(perform, { authData: connectedAuthData() }));
    expect(error.name).toBe(name);
    expect(error.message).toContain(`(${code})`);
  });

  it.each([
    [501, 1],
    [502, ATTEMPTS],
    [504, ATTEMPTS],
    [505, 1],
  ])('asks the token endpoint again after an HTTP %i only when it is a gateway failure (%i requests)', async (status, requests) => {
    const scope = nock(AUTH).post('/oauth/token').times(requests).reply(status, '<html>Unavailable</html>');
    const error = await rejectionOf(appTester(perform, { authData: credentials }));
    expect(scope.isDone()).toBe(true);
    expect(errorBodyOf(error)).toEqual({
      code: 'ApiError',
      status,
      message: `ScopeStack's sign-in service is unavailable (HTTP ${status}). Try again in a few minutes.`,
    });
  });

  it('leaves a rate-limited token endpoint to Zapier to retry later, asking once', async () => {
    const scope = nock(AUTH).post('/oauth/token').reply(429, {}, { 'Retry-After': '20' });
    const error = await rejectionOf(appTester(perform, { authData: connectedAuthData() }));
    expect(scope.isDone()).toBe(true);
    expect(error.name).toBe('ThrottledError');
    expect(errorBodyOf(error).delay).toBe(20);
  });

  it.each([
    ['an empty access token', 200, { access_token: '', expires_in: 3600 }],
    ['a token beside an error status', 400, { access_token: 'half.issued.token', error: 'invalid_request' }],
    ['a list instead of an object', 200, ['fresh.jwt.token']],
    ['a JSON null', 200, 'null'],
  ])('refuses %s instead of storing it', async (_case, status, body) => {
    nock(AUTH).post('/oauth/token').reply(status, body);
    const me = nock(API).get('/v1/me').reply(200, {});
    const error = await rejectionOf(appTester(perform, { authData: credentials }));
    expect(me.isDone()).toBe(false);
    expect(error.message).toMatch(
      /ScopeStack('s sign-in service answered HTTP \d+ without an access token| did not accept the sign-in request)/,
    );
  });

  it('sends the Client ID without the spaces a paste adds', async () => {
    const scope = nock(AUTH)
      .post('/oauth/token', (form) => formOf(form)['client_id'] === 'service-client-id')
      .reply(200, tokenBody());
    nock(API).get('/v1/me').reply(200, me);
    await appTester(perform, { authData: { ...credentials, client_id: '  service-client-id \n' } });
    expect(scope.isDone()).toBe(true);
  });

  it('signs in when the token endpoint answers 502 once and then issues a token, logging the retry by name', async () => {
    const scope = nock(AUTH).post('/oauth/token').reply(502, '<html>Bad Gateway</html>').post('/oauth/token').reply(200, tokenBody());
    nock(API).get('/v1/me').matchHeader('authorization', 'Bearer fresh.jwt.token').reply(200, me);
    let authData: Record<string, string> = {};
    const logged = await logOf(async () => {
      authData = await appTester(perform, { authData: credentials });
    });
    expect(scope.isDone()).toBe(true);
    expect(authData).toMatchObject({ access_token: 'fresh.jwt.token', account_slug: SLUG });
    expect(logged).toMatch(/Retrying the ScopeStack token request in \d+ ms: HTTP 502\./);
  });

  it.each([
    ['an empty Client Secret', { client_id: 'abc', client_secret: '' }],
    ['no Client ID at all', { client_secret: CLIENT_SECRET }],
  ])('asks for both credentials before sending anything, given %s', async (_case, authData) => {
    await expect(appTester(perform, { authData })).rejects.toThrow(/Enter both the Client ID and the Client Secret/);
  });

  it('signs in with the client credentials, never sending a refresh token left from a password sign-in', async () => {
    const scope = nock(AUTH)
      .post('/oauth/token', (form) => formOf(form)['grant_type'] === 'client_credentials' && formOf(form)['refresh_token'] === undefined)
      .reply(200, tokenBody());
    nock(API).get('/v1/me').reply(200, me);
    const authData = await appTester(perform, { authData: connectedAuthData({ refresh_token: 'left-from-password' }) });
    expect(scope.isDone()).toBe(true);
    expect(authData['refresh_token']).toBe('');
  });
});

describe('authentication: legacy password grant', () => {
  const legacy = { ...credentials, username: 'ops@example-it.example', password: 'p&ss w0rd' };

  it('signs in with the password grant and keeps the refresh token', async () => {
    nock(AUTH)
      .post('/oauth/token', (body) => {
        expect(formOf(body)).toEqual({ grant_type: 'password', username: 'ops@example-it.example', password: 'p&ss w0rd', ...credentials });
        return true;
      })
      .reply(200, { ...tokenBody(7200), refresh_token: 'refresh-1' });
    nock(API).get('/v1/me').reply(200, me);
    const authData = await appTester(perform, { authData: legacy });
    expect(authData).toMatchObject({ access_token: 'fresh.jwt.token', refresh_token: 'refresh-1', account_slug: SLUG });
  });

  it('tries the refresh token first', async () => {
    const refresh = nock(AUTH)
      .post('/oauth/token', (body) => formOf(body)['grant_type'] === 'refresh_token' && formOf(body)['refresh_token'] === 'refresh-1')
      .reply(200, { ...tokenBody(7200), refresh_token: 'refresh-2' });
    nock(API).get('/v1/me').reply(200, me);
    const authData = await appTester(perform, { authData: connectedAuthData({ ...legacy, refresh_token: 'refresh-1' }) });
    expect(refresh.isDone()).toBe(true);
    expect(authData['refresh_token']).toBe('refresh-2');
  });

  it('falls back to the password when the refresh token is rejected', async () => {
    const scope = nock(AUTH)
      .post('/oauth/token', (body) => formOf(body)['grant_type'] === 'refresh_token')
      .reply(400, { error: 'invalid_grant' })
      .post('/oauth/token', (body) => formOf(body)['grant_type'] === 'password')
      .reply(200, { ...tokenBody(7200), refresh_token: 'refresh-3' });
    nock(API).get('/v1/me').reply(200, me);
    const authData = await appTester(perform, { authData: connectedAuthData({ ...legacy, refresh_token: 'used' }) });
    expect(scope.isDone()).toBe(true);
    expect(authData['refresh_token']).toBe('refresh-3');
  });

  it.each([
    ['a rejected client (401)', 401, { error: 'invalid_client' }, 'ExpiredAuthError'],
    ['a refused client type', 400, { error: 'unauthorized_client' }, 'ExpiredAuthError'],
    ['a malformed request', 400, { error: 'invalid_request' }, 'AppError'],
  ])('does not retry with the password after %s: only a spent refresh token (invalid_grant) does', async (_case, status, body, name) => {
    const refresh = nock(AUTH)
      .post('/oauth/token', (form) => formOf(form)['grant_type'] === 'refresh_token')
      .reply(status, body);
    const password = nock(AUTH)
      .post('/oauth/token', (form) => formOf(form)['grant_type'] === 'password')
      .reply(200, tokenBody());
    const error = await rejectionOf(appTester(perform, { authData: connectedAuthData({ ...legacy, refresh_token: 'refresh-1' }) }));
    expect(refresh.isDone()).toBe(true);
    expect(password.isDone()).toBe(false);
    expect(error.name).toBe(name);
  });

  it.each([
    ['a username without a password', { username: 'ops@example-it.example', password: '' }],
    ['a password without a username', { username: '  ', password: 'p&ss w0rd' }],
    ['a username and no password field', { username: 'ops@example-it.example' }],
    ['a password and no username field', { password: 'p&ss w0rd' }],
  ])('uses the client credentials grant for %s', async (_case, fields) => {
    const scope = nock(AUTH)
      .post('/oauth/token', (form) => formOf(form)['grant_type'] === 'client_credentials' && formOf(form)['username'] === undefined)
      .reply(200, tokenBody());
    nock(API).get('/v1/me').reply(200, me);
    await appTester(perform, { authData: { ...credentials, ...fields } });
    expect(scope.isDone()).toBe(true);
  });

  it('sends the username without surrounding spaces', async () => {
    const scope = nock(AUTH)
      .post('/oauth/token', (form) => formOf(form)['grant_type'] === 'password' && formOf(form)['username'] === 'ops@example-it.example')
      .reply(200, tokenBody());
    nock(API).get('/v1/me').reply(200, me);
    await appTester(perform, { authData: { ...legacy, username: ' ops@example-it.example ' } });
    expect(scope.isDone()).toBe(true);
  });

  it.each([
    ['returns none', tokenBody(7200)],
    ['returns an empty one', { ...tokenBody(7200), refresh_token: '' }],
  ])('keeps the refresh token when a refresh %s', async (_case, body) => {
    nock(AUTH).post('/oauth/token').reply(200, body);
    nock(API).get('/v1/me').reply(200, me);
    const authData = await appTester(perform, { authData: connectedAuthData({ ...legacy, refresh_token: 'still-good' }) });
    expect(authData['refresh_token']).toBe('still-good');
  });
});

describe('authentication: test and label', () => {
  it('calls /v1/me with the stored token and labels the connection with user and account', async () => {
    nock(API).get('/v1/me').matchHeader('authorization', `Bearer ${ACCESS_TOKEN}`).reply(200, me);
    const result = await appTester(authentication.test, { authData: connectedAuthData() });
    expect(result).toEqual({
      id: '77',
      name: 'Zapier Integration',
      email: 'zapier@example-it.example',
      account_slug: SLUG,
      account_id: '42',
    });
    await expect(appTester(authentication.connectionLabel, { authData: connectedAuthData(), inputData: result })).resolves.toBe(
      'Zapier Integration (example-it)',
    );
    await expect(appTester(authentication.connectionLabel, { inputData: { ...result, name: '' } })).resolves.toBe(
      'zapier@example-it.example (example-it)',
    );
    await expect(appTester(authentication.connectionLabel, { inputData: { ...result, name: '', email: '' } })).resolves.toBe(
      'Service account (example-it)',
    );
  });

  it.each([
    ['a user without an account', { data: { id: '77', type: 'mes', attributes: { name: 'Zapier Integration' } } }],
    ['a document without data', { meta: {} }],
    ['null data', { data: null }],
  ])('fails the connection test, asking for a reconnect, when /v1/me answers %s', async (_case, body) => {
    nock(API).get('/v1/me').reply(200, body);
    const error = await rejectionOf(appTester(authentication.test, { authData: connectedAuthData() }));
    expect(errorBodyOf(error)).toEqual({
      message: 'ScopeStack answered /v1/me without an account. Reconnect.',
      code: 'AuthenticationError',
      status: 401,
    });
  });
});

describe('secrets in logs', () => {
  it('keeps the client secret and both tokens out of every log line of an exchange', async () => {
    nock(AUTH).post('/oauth/token').reply(200, tokenBody());
    nock(API).get('/v1/me').reply(200, me);
    const logged = await logOf(() => appTester(perform, { authData: credentials }));
    expect(logged).toContain('/oauth/token');
    for (const secret of [
      CLIENT_SECRET,
      encodeURIComponent(CLIENT_SECRET),
      new URLSearchParams({ s: CLIENT_SECRET }).toString().slice(2),
      'fresh.jwt.token',
    ]) {
      expect(logged).not.toContain(secret);
    }
  });
});
