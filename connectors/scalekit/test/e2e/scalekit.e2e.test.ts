/**
 * The built Scalekit app (connectors/scalekit/dist) as Zapier runs it, against the Scalekit
 * sandbox over real HTTP: connecting, polling an environment that has grown, errors a person can
 * act on, retries that help and retries that must not happen.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { fileURLToPath } from 'node:url';
import { ZapRunner } from '../../../../bin/zap-runner.js';
import { rejectionOf } from '../../../../packages/toolkit/test/support/errors.js';
import { shortenBuiltRetryPauses } from '../../../../test/support/retries.js';
import { startScalekitSandbox, type ScalekitSandbox } from '../../sandbox/index.js';
import { call, token } from '../sandbox/sandbox-client.js';

const BUILT_APP = fileURLToPath(new URL('../../dist/src/index.js', import.meta.url));
const DAY_SECONDS = 24 * 60 * 60;

interface Organization {
  id: string;
  display_name: string;
}

let sandbox: ScalekitSandbox;
let App: object;
let restoreRetryPauses = (): void => undefined;

beforeAll(async () => {
  sandbox = await startScalekitSandbox({ port: 0 });
  App = ((await import(BUILT_APP)) as { default: object }).default;
  restoreRetryPauses = await shortenBuiltRetryPauses();
});
beforeEach(() => {
  sandbox.reset();
});
afterAll(async () => {
  restoreRetryPauses();
  await sandbox.close();
});

const runnerWith = (secret = sandbox.seed.clientSecret, environment = sandbox.url): ZapRunner =>
  new ZapRunner(App, { environment_url: environment, client_id: sandbox.seed.clientId, client_secret: secret });

/** A runner connected to the sandbox, its request log emptied after. */
const connected = async (): Promise<ZapRunner> => {
  const runner = runnerWith();
  await runner.connect();
  sandbox.log.reset();
  return runner;
};

/** `METHOD /path` of every request the sandbox saw since its log was emptied. */
const logged = (): string[] => sandbox.log.entries().map((entry) => `${entry.method} ${entry.path}`);

const messageOf = async (promise: Promise<unknown>): Promise<string> => {
  const { message } = await rejectionOf(promise);
  try {
    return (JSON.parse(message) as { message: string }).message;
  } catch {
    return message;
  }
};

describe('connecting', () => {
  it('gets a token from the environment typed, tests with one request and labels the connection with its host', async () => {
    const connection = await runnerWith().connect();
    expect(logged()).toEqual(['POST /oauth/token', 'GET /api/v1/organizations']);
    expect(connection.result.label).toContain('127.0.0.1');
  });

  it('names a wrong secret as the credential to check, and refuses an environment URL with a path before any request', async () => {
    expect(await messageOf(runnerWith('not the secret').connect())).toContain('Scalekit rejected the Client ID or Client Secret');
    sandbox.log.reset();
    expect(await messageOf(runnerWith(undefined, `${sandbox.url}/api/v1`).connect())).toContain('Environment URL');
    expect(logged()).toEqual([]);
  });

  it('asks Zapier to renew a token Scalekit no longer takes, and goes on', async () => {
    const runner = await connected();
    sandbox.tokens.revokeAll();
    const found = await runner.run<Organization[]>('searches', 'find_organization', { external_id: 'CRM-NONE' });
    expect(found.renewed).toBe(true);
    expect(logged()).toEqual(['GET /api/v1/organizations', 'POST /oauth/token', 'GET /api/v1/organizations']);
  });
});

describe('New Organization in an environment that has grown', () => {
  /**
   * 250 organizations made two days ago (the sandbox's clock turned back), with the 3 of the seed: 253.
   * They are made straight through the sandbox's API: hundreds of app runs in one process would trip
   * core's memory guard, which ends the process after 250 runs above 450 MB.
   */
  const grow = async (): Promise<void> => {
    const bearer = await token(sandbox);
    sandbox.clock.advance(-2 * DAY_SECONDS);
    for (let index = 0; index < 250; index += 1) {
      const body = { display_name: `Customer ${index}`, external_id: `CUST-${index}` };
      const made = await call(sandbox, 'POST', '/api/v1/organizations', { token: bearer, body });
      if (made.status >= 300) throw new Error(`the sandbox did not create ${body.display_name}: ${made.text}`);
    }
    sandbox.clock.advance(2 * DAY_SECONDS);
    sandbox.log.reset();
  };
  const create = (runner: ZapRunner, name: string) =>
    runner.run<Organization>('creates', 'create_organization', { display_name: name }).then(({ result }) => result);

  it('reads every page when the Zap is turned on, then one page a poll, and fires once for each new organization', async () => {
    const runner = await connected();
    await grow();
    expect(await runner.poll('new_organization')).toEqual({ fired: [], requests: 3 });
    const initech = await create(runner, 'Initech');
    const next = await runner.poll<Organization>('new_organization');
    expect([next.fired.map(({ id }) => id), next.requests]).toEqual([[initech.id], 1]);
    expect(await runner.poll('new_organization')).toEqual({ fired: [], requests: 1 });
  });

  it('still fires for a new organization after organizations on earlier pages were deleted', async () => {
    const runner = await connected();
    await grow();
    await runner.poll('new_organization');
    for (const id of Object.values(sandbox.seed.organizations)) await runner.run('creates', 'delete_organization', { id });
    const hooli = await create(runner, 'Hooli');
    const next = await runner.poll<Organization>('new_organization');
    expect(next.fired.map(({ id }) => id)).toEqual([hooli.id]);
    expect(next.requests).toBe(1);
  });

  it('stops at the short last page even when Scalekit hands out a token with it', async () => {
    const runner = await connected();
    await grow();
    sandbox.switches.trailingPageToken = true;
    expect((await runner.poll('new_organization')).requests).toBe(3);
  });
});

describe('failures', () => {
  it("builds its messages from Scalekit's error body: a refused field by its label, a taken external ID as Scalekit words it", async () => {
    const runner = await connected();
    const tooLong = await messageOf(runner.run('creates', 'create_organization', { display_name: 'x'.repeat(201) }));
    expect(tooLong).toBe('Scalekit says: Name value length must be at most 200 characters. Correct the field and try again.');
    const taken = await messageOf(
      runner.run('creates', 'create_organization', { display_name: 'Twin', external_id: sandbox.seed.organizationExternalIds.acme }),
    );
    expect(taken).toContain('Scalekit says: organization with external id ACME-001 already exists. Use a different value');
    expect(logged()).toEqual(['POST /api/v1/organizations', 'POST /api/v1/organizations']);
  });

  it('retries a read Scalekit could not answer (503), and the step succeeds', async () => {
    const runner = await connected();
    sandbox.faults.set({ kind: 'status', status: 503, times: 1, match: { method: 'GET', path: '/api/v1/organizations' } });
    const found = await runner.run<Organization[]>('searches', 'find_organization', { id: sandbox.seed.organizations.acme });
    expect(found.result).toHaveLength(1);
    expect(logged()).toHaveLength(2);
  });

  it('never sends a create twice when the answer was lost, and says it may have happened', async () => {
    const runner = await connected();
    sandbox.faults.set({ kind: 'status', status: 500, times: 1, match: { method: 'POST', path: '/api/v1/organizations' } });
    const message = await messageOf(runner.run('creates', 'create_organization', { display_name: 'Vandelay' }));
    expect(logged()).toEqual(['POST /api/v1/organizations']);
    expect(message).toContain('Scalekit had a problem and could not create organizations (HTTP 500). Scalekit says: injected failure');
    expect(message).toContain('The record may or may not have been created: check Scalekit before running this step again');
  });
});
