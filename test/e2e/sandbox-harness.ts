/**
 * One sandbox per test file on a random loopback port, the integration pointed at it, and a
 * runner that drives the built app (dist/) as Zapier does.
 */
import { afterAll, beforeAll, beforeEach } from '@jest/globals';
import { loadBuiltApp, simulateWaits } from '../../bin/built-app.js';
import { ZapRunner, type AuthData } from '../../bin/zap-runner.js';
import { rejectionOf } from '../support/errors.js';
import { SEED, startSandbox, type Sandbox } from '../../sandbox/index.js';

export { SEED };

const serviceCredentials: AuthData = { client_id: SEED.serviceUser.clientId, client_secret: SEED.serviceUser.clientSecret };

export const useSandbox = () => {
  const context = {} as { sandbox: Sandbox; App: object; runner: (credentials?: AuthData) => ZapRunner };
  beforeAll(async () => {
    context.sandbox = await startSandbox({ port: 0 });
    process.env['SCOPESTACK_AUTH_URL'] = context.sandbox.url;
    process.env['SCOPESTACK_API_URL'] = context.sandbox.url;
    context.App = await loadBuiltApp();
    await simulateWaits((seconds) => {
      context.sandbox.clock.advance(seconds);
    });
    context.runner = (credentials = serviceCredentials) => new ZapRunner(context.App, credentials);
  });
  beforeEach(() => {
    context.sandbox.admin.reset();
  });
  afterAll(() => context.sandbox.close());
  return context;
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
