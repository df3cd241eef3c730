import { describe, expect, it } from '@jest/globals';
import { admin, call, errorInfo, requestToken, token, useSandbox, type ErrorJson } from './sandbox-client.js';

const sandbox = useSandbox();

const credentials = () => ({
  grant_type: 'client_credentials',
  client_id: sandbox().seed.clientId,
  client_secret: sandbox().seed.clientSecret,
});
const unauthenticated = (message: string) => ({ code: 16, message, details: [errorInfo('UNAUTHENTICATED')] });
const decodeJwtPart = (part: string | undefined): unknown => JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8'));

describe('POST /oauth/token', () => {
  it('issues a JWT-looking bearer token for the seeded client, in the documented shape', async () => {
    const answer = await requestToken(sandbox(), credentials());
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-cache, no-store, must-revalidate');
    expect(answer.body).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: 86399, scope: 'openid' });
    const parts = String(answer.body['access_token']).split('.');
    expect(parts).toHaveLength(3);
    expect(decodeJwtPart(parts[0])).toEqual({ alg: 'RS256', kid: 'snk_sandbox', typ: 'JWT' });
    expect(decodeJwtPart(parts[1])).toMatchObject({
      client_id: sandbox().seed.clientId,
      iss: sandbox().url,
      jti: expect.stringMatching(/^tkn_/),
    });
  });

  it.each([
    ['a wrong secret', { client_secret: 'wrong' }],
    ['an unknown client id', { client_id: 'skc_00000000000000000' }],
    ['no secret', { client_secret: '' }],
  ])('refuses %s with 401 invalid_client', async (_case, override) => {
    const answer = await requestToken(sandbox(), { ...credentials(), ...override });
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({ error: 'invalid_client', error_description: 'invalid client credentials' });
  });

  it('refuses another grant type with 400 unsupported_grant_type', async () => {
    const answer = await requestToken(sandbox(), { ...credentials(), grant_type: 'password' });
    expect(answer.status).toBe(400);
    expect(answer.body['error']).toBe('unsupported_grant_type');
  });

  it('can state the overflowed expires_in once, as raw JSON text, when switched on', async () => {
    sandbox().tokens.overflowExpiresInOnce();
    const odd = await requestToken(sandbox(), credentials());
    expect(odd.text).toContain('"expires_in":18446744064486179580,');
    // The token itself still works.
    expect((await call(sandbox(), 'GET', '/api/v1/roles', { token: String(odd.body['access_token']) })).status).toBe(200);
    expect((await requestToken(sandbox(), credentials())).body['expires_in']).toBe(86399);
  });

  it('switches through the admin API too', async () => {
    expect((await admin(sandbox(), 'POST', '/tokens', { overflowExpiresInOnce: true, lifetimeSeconds: 30 })).body).toEqual({
      lifetimeSeconds: 30,
      overflowExpiresInOnce: true,
    });
    expect((await requestToken(sandbox(), credentials())).text).toContain('18446744064486179580');
    expect((await requestToken(sandbox(), credentials())).body['expires_in']).toBe(30);
    await admin(sandbox(), 'POST', '/tokens', { lifetimeSeconds: null });
    expect((await requestToken(sandbox(), credentials())).body['expires_in']).toBe(86399);
  });
});

describe('bearer token on /api/v1', () => {
  it('is required: no token answers 401 "Token empty" with the gRPC body', async () => {
    const answer = await call<ErrorJson>(sandbox(), 'GET', '/api/v1/organizations', { token: '' });
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual(unauthenticated('Token empty'));
  });

  it('refuses a token the sandbox never issued', async () => {
    const answer = await call(sandbox(), 'GET', '/api/v1/roles', { token: 'eyJhbGciOi.x.y' });
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual(unauthenticated('Token invalid'));
  });

  it('expires tokens after 86399 seconds of sandbox clock', async () => {
    const bearer = await token(sandbox());
    sandbox().clock.advance(86398);
    expect((await call(sandbox(), 'GET', '/api/v1/roles', { token: bearer })).status).toBe(200);
    sandbox().clock.advance(1);
    const expired = await call(sandbox(), 'GET', '/api/v1/roles', { token: bearer });
    expect(expired.status).toBe(401);
    expect(expired.body).toEqual(unauthenticated('Token expired'));
  });

  it('issues short-lived tokens when asked, so the refresh path can be exercised', async () => {
    sandbox().tokens.setLifetimeSeconds(5);
    const answer = await requestToken(sandbox(), credentials());
    expect(answer.body['expires_in']).toBe(5);
    const bearer = String(answer.body['access_token']);
    sandbox().clock.advance(5);
    expect((await call(sandbox(), 'GET', '/api/v1/roles', { token: bearer })).status).toBe(401);
    expect((await call(sandbox(), 'GET', '/api/v1/roles')).status).toBe(200);
  });

  it('stops honouring every issued token after a revoke', async () => {
    const bearer = await token(sandbox());
    expect((await admin(sandbox(), 'POST', '/tokens/revoke')).status).toBe(204);
    expect((await call(sandbox(), 'GET', '/api/v1/roles', { token: bearer })).status).toBe(401);
  });

  it('is checked before routing: an unknown /api/v1 path without a token is 401, with one 404', async () => {
    expect((await call(sandbox(), 'GET', '/api/v1/nothing-here', { token: '' })).status).toBe(401);
    const missing = await call(sandbox(), 'GET', '/api/v1/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ code: 5, message: 'Not Found', details: [] });
  });
});
