import { SEED, type Sandbox } from '../../sandbox/index.js';
import { SLUG, call, clientCredentialsRequest, clientCredentialsToken, useFreshSandbox } from './sandbox-client.js';

let sandbox: Sandbox;
useFreshSandbox((started) => {
  sandbox = started;
});

async function admin(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${sandbox.url}/__admin${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

describe('admin HTTP API', () => {
  it('creates a service user and credential, rotates and deletes it', async () => {
    const user = await admin('POST', '/service-users', { name: 'Make Bot', email: 'make-bot@acme-it.example', role: 'read_only' });
    expect(user.status).toBe(201);
    const { userId } = user.body as { userId: string };
    const credential = await admin('POST', '/credentials', { userId, name: 'Make' });
    expect(credential.status).toBe(201);
    const { clientId, clientSecret } = credential.body as { clientId: string; clientSecret: string };
    const token = await clientCredentialsToken(sandbox, clientId, clientSecret);
    const me = await call(sandbox, 'GET', '/v1/me', { token });
    expect((me.body as { data: { attributes: Record<string, unknown> } }).data.attributes['name']).toBe('Make Bot');
    const createClient = () =>
      call(sandbox, 'POST', `/${SLUG}/v1/clients`, { token, body: { data: { type: 'clients', attributes: { name: 'X' } } } });
    expect((await createClient()).status).toBe(403);
    expect((await admin('POST', `/users/${userId}/role`, { role: 'admin' })).status).toBe(204);
    expect((await createClient()).status).toBe(201);

    const rotated = await admin('POST', `/credentials/${clientId}/rotate`);
    expect(rotated.status).toBe(200);
    expect((await call(sandbox, 'GET', '/v1/me', { token })).status).toBe(401);
    const newSecret = (rotated.body as { clientSecret: string }).clientSecret;
    await clientCredentialsToken(sandbox, clientId, newSecret);
    expect((await admin('DELETE', `/credentials/${clientId}`)).status).toBe(204);
    expect((await clientCredentialsRequest(sandbox, clientId, newSecret)).status).toBe(401);
    expect((await admin('DELETE', `/credentials/${clientId}`)).status).toBe(404);
  });

  it('changes a user type, refusing credentials for non-service users afterwards', async () => {
    expect((await admin('POST', `/users/${SEED.serviceUser.userId}/user-type`, { userType: 'view_only' })).status).toBe(204);
    const refused = await admin('POST', '/credentials', { userId: SEED.serviceUser.userId, name: 'again' });
    expect(refused).toEqual({ status: 400, body: { error: 'client credentials exist only for service users' } });
    expect((await admin('POST', `/users/${SEED.serviceUser.userId}/user-type`, { userType: 'robot' })).status).toBe(400);
  });

  it('sets and clears faults, reads the log, and moves the clock', async () => {
    expect((await admin('POST', '/faults', { kind: 'rate_limit', match: { pathPattern: '^/v1/me$' }, retryAfterSeconds: 3 })).status).toBe(
      204,
    );
    expect((await fetch(`${sandbox.url}/v1/me`)).status).toBe(429);
    expect((await fetch(`${sandbox.url}/v1/me`)).status).toBe(429);
    const faults = await admin('GET', '/faults');
    expect((faults.body as { faults: { kind: string }[] }).faults.map((fault) => fault.kind)).toEqual(['rate_limit']);
    expect((await admin('DELETE', '/faults')).status).toBe(204);
    expect((await fetch(`${sandbox.url}/v1/me`)).status).toBe(401);
    const log = await admin('GET', '/log?method=GET&path=/v1/me');
    expect((log.body as { count: number }).count).toBe(3);
    expect((await admin('POST', '/faults', { kind: 'explode' })).status).toBe(400);

    const before = Date.parse(((await admin('GET', '/clock')).body as { now: string }).now);
    const after = Date.parse(((await admin('POST', '/clock/advance', { seconds: 3600 })).body as { now: string }).now);
    expect(after - before).toBeGreaterThanOrEqual(3600 * 1000);
    expect(after - before).toBeLessThan(3600 * 1000 + 5000);
  });

  it('resets to the seed, lists its routes, serves the seed facts, and 404s unknown routes', async () => {
    await admin('POST', '/service-users', { name: 'Temp', email: 'temp@acme-it.example', role: 'admin' });
    expect((await admin('POST', '/reset')).status).toBe(204);
    const again = await admin('POST', '/service-users', { name: 'Temp', email: 'temp@acme-it.example', role: 'admin' });
    expect(again.status).toBe(201);
    expect((again.body as { userId: string }).userId).toBe('602');
    expect(((await admin('GET', '')).body as { routes: string[] }).routes.length).toBeGreaterThan(10);
    expect(((await admin('GET', '/seed')).body as typeof SEED).account.slug).toBe(SEED.account.slug);
    expect((await admin('GET', '/nothing')).status).toBe(404);
  });
});
