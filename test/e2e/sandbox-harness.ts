/**
 * One sandbox per test file on a random loopback port, the integration pointed at it, and a
 * runner that drives the built app (dist/) as Zapier does, its retries without their pauses.
 */
import { afterAll, beforeAll, beforeEach, expect } from '@jest/globals';
import { loadBuiltApp, simulateWaits } from '../../bin/built-app.js';
import { ZapRunner, type AuthData } from '../../bin/zap-runner.js';
import { rejectionOf } from '../../packages/toolkit/test/support/errors.js';
import { shortenBuiltRetryPauses } from '../support/retries.js';
import { SEED, startSandbox, type Sandbox } from '../../sandbox/index.js';

export { SEED };

const serviceCredentials: AuthData = { client_id: SEED.serviceUser.clientId, client_secret: SEED.serviceUser.clientSecret };

export const useSandbox = () => {
  const context = {} as { sandbox: Sandbox; App: object; runner: (credentials?: AuthData) => ZapRunner };
  let restoreRetryPauses = (): void => undefined;
  beforeAll(async () => {
    context.sandbox = await startSandbox({ port: 0 });
    process.env['SCOPESTACK_AUTH_URL'] = context.sandbox.url;
    process.env['SCOPESTACK_API_URL'] = context.sandbox.url;
    context.App = await loadBuiltApp();
    await simulateWaits((seconds) => {
      context.sandbox.clock.advance(seconds);
    });
    restoreRetryPauses = await shortenBuiltRetryPauses();
    context.runner = (credentials = serviceCredentials) => new ZapRunner(context.App, credentials);
  });
  beforeEach(() => {
    context.sandbox.admin.reset();
  });
  afterAll(() => {
    restoreRetryPauses();
    return context.sandbox.close();
  });
  return context;
};

type Harness = ReturnType<typeof useSandbox>;

/** A runner connected with the service account (or the credentials given), the request log emptied after. */
export const connectedTo =
  (context: Harness) =>
  async (credentials?: AuthData): Promise<ZapRunner> => {
    const runner = context.runner(credentials);
    await runner.connect();
    context.sandbox.log.reset();
    return runner;
  };

/** `METHOD /path` of every API request since the log was last reset, the account prefix left out. */
export const loggedBy = (context: Harness) => (): string[] =>
  context.sandbox.log.entries().map((entry) => `${entry.method} ${entry.path.replace(`/${SEED.account.slug}/v1`, '')}`);

/** Turns a Zap on: its first poll fires nothing for the records that exist already, and costs one request. */
export const turnOn = async (runner: ZapRunner, trigger: string, input?: Record<string, unknown>): Promise<void> => {
  const first = await runner.poll(trigger, input);
  expect(first.fired).toEqual([]);
  expect(first.requests).toBe(1);
};

/**
 * Runs an action step (a create, update, create-or-update or delete) on an emptied request log and
 * checks that it sent `expected` (`METHOD /path`, in order) and cost as many requests; returns its result.
 */
export const writesCheckedBy =
  (context: Harness) =>
  async <T>(runner: ZapRunner, key: string, input: Record<string, unknown>, expected: string[]): Promise<T> => {
    context.sandbox.log.reset();
    const { result, requests } = await runner.run<T>('creates', key, input);
    expect(loggedBy(context)()).toEqual(expected);
    expect(requests).toBe(expected.length);
    return result;
  };

/**
 * Runs a create-or-update step twice: the first run must create the record (the lookup, then a
 * POST to `path`), the second find that same record and update it (the lookup, then a PATCH).
 * Returns both results for the test's own checks.
 */
export const upsertsCheckedBy =
  (context: Harness) =>
  async <T extends { id: string }>(
    runner: ZapRunner,
    key: string,
    path: string,
    inputs: { create: Record<string, unknown>; update: Record<string, unknown> },
  ): Promise<{ created: T; updated: T }> => {
    const write = writesCheckedBy(context);
    const created = await write<T>(runner, key, inputs.create, [`GET ${path}`, `POST ${path}`]);
    expect(created).toMatchObject({ upsert_action: 'created' });
    const updated = await write<T>(runner, key, inputs.update, [`GET ${path}`, `PATCH ${path}/${created.id}`]);
    expect(updated).toMatchObject({ upsert_action: 'updated', id: created.id });
    return { created, updated };
  };

/** The parsed `{message, code, status}` of a z.errors.Error, or the plain message. */
export const failureOf = async (promise: Promise<unknown>): Promise<{ name: string; message: string; code?: string }> => {
  const error = await rejectionOf(promise);
  try {
    const parsed = JSON.parse(error.message) as { message: string; code?: string };
    return { name: error.name, ...parsed };
  } catch {
    return { name: error.name, message: error.message };
  }
};
