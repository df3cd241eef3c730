import { SEED, type Sandbox } from '../../sandbox/index.js';
import { basic, call, clientCredentialsRequest, clientCredentialsToken, tokenRequest, useFreshSandbox } from './sandbox-client.js';
import { errorBody } from './errors.js';

const DOORKEEPER_INVALID_CLIENT =
  'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.';
const DOORKEEPER_INVALID_GRANT =
  'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.';

let sandbox: Sandbox;
useFreshSandbox((started) => {
  sandbox = started;
});

const service = SEED.serviceUser;

function decodeJwt(token: string): Record<string, unknown> {
  const payload = token.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

async function me(token: string) {
  return call(sandbox, 'GET', '/v1/me', { token });
}

describe('POST /oauth/token client_credentials', () => {
  it('accepts the special-character secret form-encoded in the body and returns a 24 h JWT without refresh token', async () => {
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: service.clientId,
      client_secret: service.clientSecret,
    });
    expect(form.toString()).toContain('client_secret=zap+%26%25%2B%3D%23+secret');
    const answer = await tokenRequest(sandbox, form);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const body = answer.body as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['access_token', 'expires_in', 'token_type']);
    expect(body['token_type']).toBe('Bearer');
    expect(body['expires_in']).toBe(86400);
    const claims = decodeJwt(String(body['access_token']));
    expect(claims['sub']).toBe(service.userId);
    expect(Number(claims['exp']) - Number(claims['iat'])).toBe(86400);
    expect(typeof claims['jti']).toBe('string');
    expect((await me(String(body['access_token']))).status).toBe(200);
  });

  it('accepts percent-escapes for every character, and a space as %20', async () => {
    const secret = encodeURIComponent(service.clientSecret);
    const answer = await tokenRequest(sandbox, `grant_type=client_credentials&client_id=${service.clientId}&client_secret=${secret}`);
    expect(answer.status).toBe(200);
  });

  it('rejects the secret sent without form encoding (the & splits the body)', async () => {
    const answer = await tokenRequest(
      sandbox,
      `grant_type=client_credentials&client_id=${service.clientId}&client_secret=${service.clientSecret}`,
    );
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({ error: 'invalid_client', error_description: DOORKEEPER_INVALID_CLIENT });
  });

  it('accepts HTTP Basic with the raw secret', async () => {
    const answer = await tokenRequest(sandbox, 'grant_type=client_credentials', {
      authorization: basic(service.clientId, service.clientSecret),
    });
    expect(answer.status).toBe(200);
    expect((answer.body as Record<string, unknown>)['expires_in']).toBe(86400);
  });

  it('accepts HTTP Basic with the id and secret form-encoded first (RFC 6749 2.3.1)', async () => {
    const encoded = new URLSearchParams({ s: service.clientSecret }).toString().slice(2);
    expect(encoded).toBe('zap+%26%25%2B%3D%23+secret');
    const answer = await tokenRequest(sandbox, 'grant_type=client_credentials', { authorization: basic(service.clientId, encoded) });
    expect(answer.status).toBe(200);
  });

  it('answers invalid_client 401 with a Basic challenge for a wrong secret sent as Basic', async () => {
    const answer = await tokenRequest(sandbox, 'grant_type=client_credentials', { authorization: basic(service.clientId, 'wrong') });
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toBe('Basic realm="ScopeStack Sandbox"');
    expect(answer.body).toEqual({ error: 'invalid_client', error_description: DOORKEEPER_INVALID_CLIENT });
  });

  it('answers invalid_client 401 for an unknown client id and for no client at all', async () => {
    const unknown = await tokenRequest(sandbox, 'grant_type=client_credentials&client_id=nobody&client_secret=x');
    expect(unknown.status).toBe(401);
    expect((unknown.body as Record<string, unknown>)['error']).toBe('invalid_client');
    const none = await tokenRequest(sandbox, 'grant_type=client_credentials');
    expect(none.status).toBe(401);
  });

  it('refuses an account-level client for client_credentials (unauthorized_client 400)', async () => {
    const answer = await clientCredentialsRequest(sandbox, SEED.accountClient.clientId, SEED.accountClient.clientSecret);
    expect(answer.status).toBe(400);
    expect((answer.body as Record<string, unknown>)['error']).toBe('unauthorized_client');
  });

  it('answers unsupported_grant_type, invalid_request for a missing grant_type, and invalid_request for JSON bodies', async () => {
    const unsupported = await tokenRequest(sandbox, `grant_type=authorization_code&client_id=${service.clientId}`);
    expect(unsupported.status).toBe(400);
    expect((unsupported.body as Record<string, unknown>)['error']).toBe('unsupported_grant_type');
    const missing = await tokenRequest(sandbox, `client_id=${service.clientId}`);
    expect(missing.status).toBe(400);
    expect((missing.body as Record<string, unknown>)['error']).toBe('invalid_request');
    const json = await fetch(`${sandbox.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credentials', client_id: service.clientId, client_secret: service.clientSecret }),
    });
    expect(json.status).toBe(400);
    expect(((await json.json()) as Record<string, unknown>)['error']).toBe('invalid_request');
  });

  it('publishes the authorization server metadata with absolute URLs from the Host header', async () => {
    const answer = await fetch(`${sandbox.url}/.well-known/oauth-authorization-server`);
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as Record<string, unknown>;
    expect(body['issuer']).toBe(sandbox.url);
    expect(body['token_endpoint']).toBe(`${sandbox.url}/oauth/token`);
    expect(body['grant_types_supported']).toEqual(['client_credentials', 'password', 'refresh_token']);
    expect(body['token_endpoint_auth_methods_supported']).toEqual(['client_secret_basic', 'client_secret_post']);
  });
});

describe('POST /oauth/token password and refresh_token', () => {
  const passwordForm = (extra: Record<string, string> = {}) =>
    new URLSearchParams({
      grant_type: 'password',
      client_id: SEED.accountClient.clientId,
      client_secret: SEED.accountClient.clientSecret,
      username: SEED.passwordUser.username,
      password: SEED.passwordUser.password,
      ...extra,
    });

  it('issues a 2 h token with a refresh token that works exactly once', async () => {
    const first = await tokenRequest(sandbox, passwordForm());
    expect(first.status).toBe(200);
    const tokens = first.body as Record<string, string | number>;
    expect(tokens['expires_in']).toBe(7200);
    expect(typeof tokens['refresh_token']).toBe('string');
    const meReply = await me(String(tokens['access_token']));
    expect((meReply.body as { data: { attributes: Record<string, unknown> } }).data.attributes['email']).toBe(SEED.passwordUser.email);

    const refreshForm = new URLSearchParams({
      grant_type: 'refresh_token',
      client_id: SEED.accountClient.clientId,
      client_secret: SEED.accountClient.clientSecret,
      refresh_token: String(tokens['refresh_token']),
    });
    const second = await tokenRequest(sandbox, refreshForm);
    expect(second.status).toBe(200);
    const rotated = second.body as Record<string, string | number>;
    expect(rotated['refresh_token']).not.toBe(tokens['refresh_token']);
    const reused = await tokenRequest(sandbox, refreshForm);
    expect(reused.status).toBe(400);
    expect(reused.body).toEqual({ error: 'invalid_grant', error_description: DOORKEEPER_INVALID_GRANT });
  });

  it('answers invalid_grant for a wrong password and for a redirect_uri (the Postman helper mistake)', async () => {
    const wrong = await tokenRequest(sandbox, passwordForm({ password: 'nope' }));
    expect(wrong.status).toBe(400);
    expect((wrong.body as Record<string, unknown>)['error']).toBe('invalid_grant');
    const redirect = await tokenRequest(sandbox, passwordForm({ redirect_uri: 'https://oauth.pstmn.io/v1/callback' }));
    expect(redirect.status).toBe(400);
    expect(redirect.body).toEqual({ error: 'invalid_grant', error_description: DOORKEEPER_INVALID_GRANT });
  });
});

describe('token revocation and expiry', () => {
  it('rotating a secret stops the old secret and every token issued with it at once', async () => {
    const token = await clientCredentialsToken(sandbox, service.clientId, service.clientSecret);
    const { clientSecret } = sandbox.admin.rotateSecret(service.clientId);
    expect(clientSecret).not.toBe(service.clientSecret);
    const revoked = await me(token);
    expect(revoked.status).toBe(401);
    expect(revoked.body).toEqual(errorBody(401, 'Unauthorized', 'The access token was revoked.'));
    expect((await clientCredentialsRequest(sandbox, service.clientId, service.clientSecret)).status).toBe(401);
    const fresh = await clientCredentialsToken(sandbox, service.clientId, clientSecret);
    expect((await me(fresh)).status).toBe(200);
  });

  it('deleting a credential revokes its tokens and leaves other credentials alone', async () => {
    const token = await clientCredentialsToken(sandbox, service.clientId, service.clientSecret);
    const other = await clientCredentialsToken(sandbox, SEED.readOnlyServiceUser.clientId, SEED.readOnlyServiceUser.clientSecret);
    sandbox.admin.deleteCredential(service.clientId);
    expect((await me(token)).status).toBe(401);
    expect((await me(other)).status).toBe(200);
    expect((await clientCredentialsRequest(sandbox, service.clientId, service.clientSecret)).status).toBe(401);
  });

  it('changing a service user to licensed destroys all its credentials and revokes their tokens', async () => {
    const { userId } = sandbox.admin.createServiceUser({ name: 'Second Bot', email: 'second-bot@acme-it.example', role: 'admin' });
    const one = sandbox.admin.createCredential(userId, 'one');
    const two = sandbox.admin.createCredential(userId, 'two');
    const tokenOne = await clientCredentialsToken(sandbox, one.clientId, one.clientSecret);
    const tokenTwo = await clientCredentialsToken(sandbox, two.clientId, two.clientSecret);
    sandbox.admin.changeUserType(userId, 'licensed');
    expect((await me(tokenOne)).status).toBe(401);
    expect((await me(tokenTwo)).status).toBe(401);
    expect((await clientCredentialsRequest(sandbox, two.clientId, two.clientSecret)).status).toBe(401);
  });

  it('expires client-credentials tokens after 86400 s of the sandbox clock', async () => {
    const token = await clientCredentialsToken(sandbox, service.clientId, service.clientSecret);
    // 86398 rather than 86399: real time also runs, and `iat` is rounded down to the second.
    sandbox.clock.advance(86398);
    expect((await me(token)).status).toBe(200);
    sandbox.clock.advance(2);
    const expired = await me(token);
    expect(expired.status).toBe(401);
    expect(expired.headers.get('www-authenticate')).toContain('error="invalid_token"');
    expect(expired.body).toEqual(errorBody(401, 'Unauthorized', 'The access token expired.'));
  });

  it('answers 403 for an expired token while the expired_token_403 fault is on, and 401 for a bad token regardless', async () => {
    const token = await clientCredentialsToken(sandbox, service.clientId, service.clientSecret);
    sandbox.faults.set({ kind: 'expired_token_403' });
    expect((await me(token)).status).toBe(200);
    expect((await me('not.a.jwt')).status).toBe(401);
    sandbox.clock.advance(86400);
    const expired = await me(token);
    expect(expired.status).toBe(403);
    expect(expired.body).toEqual(errorBody(403, 'Forbidden', 'You are not authorized to access this resource.'));
    sandbox.faults.clear();
    expect((await me(token)).status).toBe(401);
  });

  it('rejects a token whose signature was tampered with', async () => {
    const token = await clientCredentialsToken(sandbox, service.clientId, service.clientSecret);
    const [header, payload] = token.split('.');
    const forged = `${header}.${payload}.${'A'.repeat(43)}`;
    const answer = await me(forged);
    expect(answer.status).toBe(401);
    expect((answer.body as { errors: { detail: string }[] }).errors[0]?.detail).toBe('The access token is invalid.');
  });
});
