import { failureOf, SEED, useSandbox } from './sandbox-harness.js';

const context = useSandbox();

describe('e2e: connection', () => {
  it('connects with the special-character secret and labels the connection', async () => {
    const runner = context.runner();
    const { result, requests } = await runner.connect();
    expect(result).toMatchObject({ name: SEED.serviceUser.name, account_slug: SEED.account.slug, account_id: String(SEED.account.id) });
    expect(requests).toBe(3); // token, /v1/me, test
    expect(runner.authData).toMatchObject({ account_slug: SEED.account.slug, refresh_token: '' });
    expect(context.sandbox.log.entries().map((entry) => `${entry.method} ${entry.path} ${entry.status}`)).toEqual([
      'POST /oauth/token 200',
      'GET /v1/me 200',
      'GET /v1/me 200',
    ]);
  });

  it('connects with HTTP Basic client authentication', async () => {
    const runner = context.runner({
      client_id: SEED.serviceUser.clientId,
      client_secret: SEED.serviceUser.clientSecret,
      client_auth: 'basic',
    });
    await runner.connect();
    expect(context.sandbox.log.entries()[0]).toMatchObject({ path: '/oauth/token', authorization: 'basic', status: 200 });
  });

  it('says what is wrong with a bad secret', async () => {
    const failure = await failureOf(context.runner({ client_id: SEED.serviceUser.clientId, client_secret: 'wrong' }).connect());
    expect(failure.code).toBe('AuthenticationError');
    expect(failure.message).toMatch(/^ScopeStack rejected the Client ID or Client Secret \(invalid_client\)\./);
  });

  it('renews an expired 24-hour token once and goes on', async () => {
    const runner = context.runner();
    await runner.connect();
    context.sandbox.clock.advance(25 * 3600);
    const poll = await runner.run<unknown[]>('triggers', 'new_client');
    expect(poll.renewed).toBe(true);
    expect(poll.result.length).toBeGreaterThan(0);
    expect(context.sandbox.log.count('POST', '/oauth/token')).toBe(2);
    expect(context.sandbox.log.count('GET', '/v1/me')).toBe(3); // connect, test, and the renewal's check of the new token
  });

  it('renews before sending when the stored token is about to expire', async () => {
    const runner = context.runner();
    await runner.connect();
    const now = Math.floor(Date.now() / 1000);
    runner.authData = { ...runner.authData, token_issued_at: String(now - 86400 + 60), token_expires_at: String(now + 60) };
    context.sandbox.log.reset();
    const poll = await runner.run('triggers', 'new_client');
    expect(poll.renewed).toBe(true);
    expect(context.sandbox.log.entries().map((entry) => `${entry.method} ${entry.path} ${entry.status}`)).toEqual([
      'POST /oauth/token 200',
      'GET /v1/me 200',
      'GET /acme-it/v1/clients 200',
    ]);
  });

  it('renews once when an expired token gets 403 instead of 401', async () => {
    const runner = context.runner();
    await runner.connect();
    // A token issued ten minutes ago by our clock, expired by the server's.
    const now = Math.floor(Date.now() / 1000);
    runner.authData = { ...runner.authData, token_issued_at: String(now - 600), token_expires_at: String(now + 86400 - 600) };
    context.sandbox.faults.set({ kind: 'expired_token_403' });
    context.sandbox.clock.advance(25 * 3600);
    const poll = await runner.run('triggers', 'new_client');
    expect(poll.renewed).toBe(true);
    expect(context.sandbox.log.entries().filter((entry) => entry.status === 403)).toHaveLength(1);
  });

  it.each([
    ['rotated', (clientId: string) => context.sandbox.admin.rotateSecret(clientId)],
    [
      'deleted',
      (clientId: string) => {
        context.sandbox.admin.deleteCredential(clientId);
      },
    ],
    [
      'of a user who is no longer a Service user',
      () => {
        context.sandbox.admin.changeUserType(SEED.serviceUser.userId, 'licensed');
      },
    ],
  ])('expires the connection, with a clear message, when the credential is %s', async (_what, revoke) => {
    const runner = context.runner();
    await runner.connect();
    revoke(SEED.serviceUser.clientId);
    const failure = await failureOf(runner.run('triggers', 'new_client'));
    expect(failure.name).toBe('ExpiredAuthError');
    expect(failure.message).toMatch(
      /rejected the Client ID or Client Secret \(invalid_client\)\. The secret may have been rotated, or the credential deleted, or its user.s type changed from Service/,
    );
    expect(context.sandbox.log.count('POST', '/oauth/token')).toBe(2); // one renewal attempt, no retry storm
  });

  it('signs in with the legacy password grant and renews with the refresh token', async () => {
    const runner = context.runner({
      client_id: SEED.accountClient.clientId,
      client_secret: SEED.accountClient.clientSecret,
      username: SEED.passwordUser.username,
      password: SEED.passwordUser.password,
    });
    await runner.connect();
    expect(runner.authData['refresh_token']).not.toBe('');
    context.sandbox.clock.advance(3 * 3600);
    const poll = await runner.run('triggers', 'new_client');
    expect(poll.renewed).toBe(true);
    expect(
      context.sandbox.log
        .entries()
        .filter((entry) => entry.path === '/oauth/token')
        .map((entry) => entry.grantType),
    ).toEqual(['password', 'refresh_token']);
  });
});
