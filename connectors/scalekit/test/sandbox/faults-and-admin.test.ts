import { describe, expect, it } from '@jest/globals';
import { admin, call, errorInfo, token, useSandbox, type ErrorJson } from './sandbox-client.js';

const sandbox = useSandbox();

const roles = (bearer: string) => call<ErrorJson>(sandbox(), 'GET', '/api/v1/roles', { token: bearer });

describe('fault switches', () => {
  it('status: answers the HTTP status with a gRPC body, for `times` requests only', async () => {
    const bearer = await token(sandbox());
    sandbox().faults.set({ kind: 'status', status: 503, times: 2, match: { path: '/api/v1/roles' } });
    const failed = await roles(bearer);
    expect(failed.status).toBe(503);
    expect(failed.body).toEqual({ code: 14, message: 'injected failure (sandbox fault)', details: [errorInfo('UNAVAILABLE')] });
    expect((await roles(bearer)).status).toBe(503);
    expect((await roles(bearer)).status).toBe(200);
  });

  it('status: maps other statuses to their gRPC codes and takes a message', async () => {
    const bearer = await token(sandbox());
    sandbox().faults.set({ kind: 'status', status: 500, message: 'boom', times: 1 });
    expect((await roles(bearer)).body).toEqual({ code: 13, message: 'boom', details: [errorInfo('INTERNAL')] });
    sandbox().faults.set({ kind: 'status', status: 418, times: 1 });
    expect((await roles(bearer)).body.code).toBe(2);
  });

  it('rate_limit: 429 with Retry-After and RESOURCE_EXHAUSTED', async () => {
    const bearer = await token(sandbox());
    sandbox().faults.set({ kind: 'rate_limit', retryAfterSeconds: 7, times: 1 });
    const limited = await roles(bearer);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(limited.body).toMatchObject({ code: 8, details: [errorInfo('RESOURCE_EXHAUSTED')] });
  });

  it('html_error: an HTML page instead of JSON (502 by default)', async () => {
    const bearer = await token(sandbox());
    sandbox().faults.set({ kind: 'html_error', times: 1 });
    const page = await roles(bearer);
    expect(page.status).toBe(502);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.text).toContain('<h1>502 Bad Gateway</h1>');
  });

  it('malformed_json: the real answer cut short, which does not parse', async () => {
    const bearer = await token(sandbox());
    sandbox().faults.set({ kind: 'malformed_json', times: 1 });
    const broken = await roles(bearer);
    expect(broken.status).toBe(200);
    expect(() => JSON.parse(broken.text) as unknown).toThrow(SyntaxError);
    expect(broken.text.startsWith('{"roles":[')).toBe(true);
  });

  it('slow: delays the answer by `ms`', async () => {
    const bearer = await token(sandbox());
    sandbox().faults.set({ kind: 'slow', ms: 300, times: 1 });
    const started = Date.now();
    expect((await roles(bearer)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('drop: the connection closes without an answer, and is logged with status 0', async () => {
    const bearer = await token(sandbox());
    sandbox().faults.set({ kind: 'drop', times: 1 });
    await expect(roles(bearer)).rejects.toThrow();
    expect(sandbox().log.entries().at(-1)).toMatchObject({ method: 'GET', path: '/api/v1/roles', status: 0, fault: 'drop' });
    expect((await roles(bearer)).status).toBe(200);
  });

  it('matches on method and path, and applies to the token endpoint too', async () => {
    sandbox().faults.set({ kind: 'status', status: 500, match: { method: 'POST', path: /^\/oauth\/token$/ }, times: 1 });
    await expect(token(sandbox())).rejects.toThrow('no token');
    const bearer = await token(sandbox());
    sandbox().faults.set({ kind: 'status', status: 500, match: { method: 'POST', path: '/api/v1/roles' } });
    expect((await roles(bearer)).status).toBe(200);
    sandbox().faults.clear();
    expect(sandbox().faults.active()).toEqual([]);
  });

  it('is set, listed and cleared through the admin API', async () => {
    expect(
      (await admin(sandbox(), 'POST', '/faults', { kind: 'rate_limit', match: { method: 'GET', pathPattern: 'roles$' }, times: 1 })).status,
    ).toBe(204);
    expect((await admin(sandbox(), 'GET', '/faults')).body).toEqual({
      faults: [{ kind: 'rate_limit', match: { method: 'GET', path: '/roles$/' }, times: 1 }],
    });
    expect((await roles(await token(sandbox()))).status).toBe(429);
    await admin(sandbox(), 'POST', '/faults', { kind: 'status' });
    expect((await admin(sandbox(), 'DELETE', '/faults')).status).toBe(204);
    expect((await admin(sandbox(), 'GET', '/faults')).body).toEqual({ faults: [] });
    const bad = await admin(sandbox(), 'POST', '/faults', { kind: 'explode' });
    expect(bad.status).toBe(400);
    expect(String(bad.body['error'])).toContain('kind must be one of');
  });
});

describe('admin API', () => {
  it('describes itself at GET /__admin', async () => {
    const answer = await admin<{ routes: string[] }>(sandbox(), 'GET', '');
    expect(answer.status).toBe(200);
    for (const route of [
      '/__admin/seed',
      '/__admin/reset',
      '/__admin/faults',
      '/__admin/log',
      '/__admin/clock/advance',
      '/__admin/tokens',
      '/__admin/switches',
    ]) {
      expect(answer.body.routes.some((line) => line.includes(route))).toBe(true);
    }
    expect((await admin(sandbox(), 'GET', '/nothing')).status).toBe(404);
  });

  it('serves the seed facts', async () => {
    const seed = await admin(sandbox(), 'GET', '/seed');
    expect(seed.body).toEqual(JSON.parse(JSON.stringify(sandbox().seed)));
    expect(sandbox().seed.clientId).toMatch(/^skc_\d+$/);
  });

  it('logs API requests (not admin ones) with their query, and clears the log', async () => {
    const bearer = await token(sandbox());
    await call(sandbox(), 'GET', '/api/v1/organizations?page_size=10&external_id=X', { token: bearer });
    expect(sandbox().log.entries()).toEqual([
      { method: 'POST', path: '/oauth/token', query: {}, status: 200 },
      { method: 'GET', path: '/api/v1/organizations', query: { page_size: '10', external_id: 'X' }, status: 200 },
    ]);
    const filtered = await admin(sandbox(), 'GET', '/log?method=get&path=organizations');
    expect(filtered.body['count']).toBe(1);
    expect((await admin(sandbox(), 'DELETE', '/log')).status).toBe(204);
    expect(sandbox().log.entries()).toEqual([]);
  });

  it('advances the clock, which expires tokens', async () => {
    const bearer = await token(sandbox());
    const before = Date.parse(String((await admin(sandbox(), 'GET', '/clock')).body['now']));
    const after = await admin(sandbox(), 'POST', '/clock/advance', { seconds: 90000 });
    expect(Date.parse(String(after.body['now'])) - before).toBeGreaterThanOrEqual(90000 * 1000);
    expect((await roles(bearer)).status).toBe(401);
    expect((await admin(sandbox(), 'POST', '/clock/advance', { seconds: 'soon' })).status).toBe(400);
  });

  it('sets the behaviour switches', async () => {
    expect((await admin(sandbox(), 'POST', '/switches', { createStatus: 201 })).body).toEqual({
      createStatus: 201,
      trailingPageToken: false,
    });
    expect((await call(sandbox(), 'POST', '/api/v1/organizations', { body: { display_name: 'Z' } })).status).toBe(201);
    expect((await admin(sandbox(), 'POST', '/switches', { createStatus: 202 })).status).toBe(400);
  });

  it('resets data, faults, log, clock, tokens and switches', async () => {
    const bearer = await token(sandbox());
    await call(sandbox(), 'DELETE', `/api/v1/organizations/${sandbox().seed.organizations.acme}`, { token: bearer });
    sandbox().faults.set({ kind: 'status' });
    sandbox().clock.advance(1000);
    sandbox().switches.createStatus = 201;
    expect((await admin(sandbox(), 'POST', '/reset')).status).toBe(204);
    expect(sandbox().faults.active()).toEqual([]);
    expect(sandbox().log.entries()).toEqual([]);
    expect(Math.abs(sandbox().clock.now().getTime() - Date.now())).toBeLessThan(1000);
    expect(sandbox().switches.createStatus).toBe(200);
    expect((await roles(bearer)).status).toBe(401);
    expect((await call(sandbox(), 'GET', `/api/v1/organizations/${sandbox().seed.organizations.acme}`)).status).toBe(200);
  });

  it('answers unknown non-API paths with the gateway 404 body', async () => {
    const answer = await call(sandbox(), 'GET', '/elsewhere', { token: '' });
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({ code: 5, message: 'Not Found', details: [] });
  });
});
