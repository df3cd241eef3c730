import type { FaultSpec } from '../../sandbox/faults.js';
import { SEED, startSandbox, type Sandbox } from '../../sandbox/index.js';
import { SLUG, basic, call, clientCredentialsRequest, list, tokenRequest, useAdminSession } from './sandbox-client.js';
import { errorBody } from './errors.js';

let sandbox: Sandbox;
let token: string;
useAdminSession((started, admin) => {
  sandbox = started;
  token = admin;
});

const clients = () => call(sandbox, 'GET', `/${SLUG}/v1/clients`, { token });
const createClient = (name: string) =>
  call(sandbox, 'POST', `/${SLUG}/v1/clients`, { token, body: { data: { type: 'clients', attributes: { name } } } });
/** Switches `fault` on and reads the client list once. */
const clientsWith = (fault: FaultSpec) => {
  sandbox.faults.set(fault);
  return clients();
};
const clientCount = async () => list(await clients()).meta['record-count'];

describe('faults', () => {
  it('rate_limit answers 429 with Retry-After and a JSON:API body, for `times` requests only', async () => {
    const limited = await clientsWith({ kind: 'rate_limit', retryAfterSeconds: 7, times: 1 });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(limited.body).toEqual(errorBody(429, 'Too Many Requests', 'Rate limit exceeded. Retry in 7 seconds.'));
    expect((await clients()).status).toBe(200);
  });

  it('server_error answers the chosen 5xx status with a JSON:API body', async () => {
    const answer = await clientsWith({ kind: 'server_error', status: 503, times: 1 });
    expect(answer.status).toBe(503);
    expect(answer.headers.get('content-type')).toBe('application/vnd.api+json');
    expect(answer.body).toEqual(errorBody(503, 'Internal Server Error', 'Something went wrong on the sandbox server (fault).'));
    expect((await clientsWith({ kind: 'server_error', times: 1 })).status).toBe(500);
  });

  it('html_error answers 502 with an HTML page', async () => {
    const answer = await clientsWith({ kind: 'html_error', times: 1 });
    expect(answer.status).toBe(502);
    expect(answer.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(answer.text).toContain('<h1>502 Bad Gateway</h1>');
    expect(answer.body).toBeUndefined();
  });

  it('drop_before destroys the socket and does nothing', async () => {
    const before = await clientCount();
    sandbox.faults.set({ kind: 'drop_before', match: { method: 'POST' }, times: 1 });
    await expect(createClient('Never Stored')).rejects.toThrow('fetch failed');
    expect(await clientCount()).toBe(before);
    const entry = sandbox.log.entries().find((logged) => logged.method === 'POST' && logged.path.endsWith('/clients'));
    expect(entry).toMatchObject({ method: 'POST', path: `/${SLUG}/v1/clients`, status: 0, fault: 'drop_before' });
  });

  it('drop_after performs the POST and then drops the answer (the record exists)', async () => {
    const before = await clientCount();
    sandbox.faults.set({ kind: 'drop_after', match: { method: 'POST', path: '/clients' }, times: 1 });
    await expect(createClient('Stored Anyway')).rejects.toThrow('fetch failed');
    const after = list(await call(sandbox, 'GET', `/${SLUG}/v1/clients?filter[name]=stored anyway`, { token }));
    expect(after.data.map((client) => client.attributes['name'])).toEqual(['Stored Anyway']);
    expect(await clientCount()).toBe(before + 1);
    expect(sandbox.log.count('POST', '/clients')).toBe(1);
  });

  it('malformed_json answers 200 with a truncated JSON body', async () => {
    const answer = await clientsWith({ kind: 'malformed_json', times: 1 });
    expect(answer.status).toBe(200);
    expect(answer.body).toBeUndefined();
    expect(answer.text.startsWith('{"data":[{"id":"1001"')).toBe(true);
    expect(() => JSON.parse(answer.text) as unknown).toThrow(SyntaxError);
  });

  it('latency delays matching requests only', async () => {
    sandbox.faults.set({ kind: 'latency', ms: 150, match: { path: /\/v1\/me$/ } });
    const started = Date.now();
    expect((await call(sandbox, 'GET', '/v1/me', { token })).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    const quick = Date.now();
    await clients();
    expect(Date.now() - quick).toBeLessThan(140);
  });

  it('matches on method and path, and applies to the token endpoint too', async () => {
    sandbox.faults.set({ kind: 'server_error', match: { method: 'POST', path: '/oauth/token' } });
    expect((await clients()).status).toBe(200);
    const serviceToken = () => clientCredentialsRequest(sandbox, SEED.serviceUser.clientId, SEED.serviceUser.clientSecret);
    expect((await serviceToken()).status).toBe(500);
    expect((await serviceToken()).status).toBe(500);
    sandbox.faults.clear();
    expect((await serviceToken()).status).toBe(200);
  });

  it('the latencyMs option slows every non-admin request', async () => {
    const slow = await startSandbox({ port: 0, latencyMs: 120 });
    try {
      const started = Date.now();
      expect((await fetch(`${slow.url}/v1/me`)).status).toBe(401);
      expect(Date.now() - started).toBeGreaterThanOrEqual(110);
      const admin = Date.now();
      expect((await fetch(`${slow.url}/__admin/clock`)).status).toBe(200);
      expect(Date.now() - admin).toBeLessThan(110);
    } finally {
      await slow.close();
    }
  });

  it('rejects an unknown fault kind', () => {
    expect(() => {
      sandbox.faults.set({ kind: 'meteor' as 'latency' });
    }).toThrow('unknown fault kind: meteor');
  });
});

describe('request log', () => {
  it('records method, path, query, status and auth kind, and never secrets or tokens', async () => {
    sandbox.log.reset();
    await tokenRequest(sandbox, 'grant_type=client_credentials', {
      authorization: basic(SEED.serviceUser.clientId, SEED.serviceUser.clientSecret),
    });
    await call(sandbox, 'GET', `/${SLUG}/v1/clients?filter[name]=north&access_token=abc`, { token });
    await call(sandbox, 'GET', '/v1/me');
    const entries = sandbox.log.entries();
    // `at` is a timestamp; toEqual treats a property set to undefined as absent.
    expect(entries.map((entry) => ({ ...entry, at: undefined }))).toEqual([
      { method: 'POST', path: '/oauth/token', query: {}, status: 200, authorization: 'basic', grantType: 'client_credentials' },
      {
        method: 'GET',
        path: `/${SLUG}/v1/clients`,
        query: { 'filter[name]': 'north', access_token: '[redacted]' },
        status: 200,
        authorization: 'bearer',
      },
      { method: 'GET', path: '/v1/me', query: {}, status: 401, authorization: 'none' },
    ]);
    const serialized = JSON.stringify(entries);
    expect(serialized).not.toContain(SEED.serviceUser.clientSecret);
    expect(serialized).not.toContain(token);
    expect(sandbox.log.count()).toBe(3);
    expect(sandbox.log.count('get')).toBe(2);
    expect(sandbox.log.count('GET', '/clients')).toBe(1);
  });
});
