import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEED, startSandbox } from '../../sandbox/index.js';
import { SLUG, adminToken, call, ids } from './sandbox-client.js';

describe('dataFile persistence', () => {
  const directory = mkdtempSync(join(tmpdir(), 'scopestack-sandbox-'));
  const dataFile = join(directory, 'sandbox-data.json');
  afterAll(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  it('keeps records and tokens across a restart, stores no plain secrets, and reset() goes back to the seed', async () => {
    const first = await startSandbox({ port: 0, dataFile });
    const token = await adminToken(first);
    const created = await call(first, 'POST', `/${SLUG}/v1/vendors`, {
      token,
      body: { data: { type: 'vendors', attributes: { name: 'Persisted Parts Co' } } },
    });
    expect(created.status).toBe(201);
    await first.close();
    const saved = readFileSync(dataFile, 'utf8');
    expect(saved).toContain('Persisted Parts Co');
    expect(saved).not.toContain(SEED.serviceUser.clientSecret);
    expect(saved).not.toContain(SEED.passwordUser.password);

    const second = await startSandbox({ port: 0, dataFile });
    try {
      const vendors = await call(second, 'GET', `/${SLUG}/v1/vendors?filter[name]=persisted`, { token });
      expect(vendors.status).toBe(200);
      expect(ids(vendors)).toEqual(['3504']);
      second.admin.reset();
      expect(ids(await call(second, 'GET', `/${SLUG}/v1/vendors?filter[name]=persisted`, { token: await adminToken(second) }))).toEqual([]);
      expect(readFileSync(dataFile, 'utf8')).not.toContain('Persisted Parts Co');
    } finally {
      await second.close();
    }
  });
});
