/**
 * Token economy: one connection, 1,000 consecutive operations (polls and finds mixed) while its
 * token lives. Counted from the sandbox's request log: token exchanges (the goal is exactly 1,
 * the connect) and `/v1/me` calls after connecting (the goal is 0).
 *
 * Import this module only after NODE_ENV is set: it loads zapier-platform-core.
 */
import { ZapRunner } from '../bin/zap-runner.js';
import { SEED, startSandbox } from '../sandbox/index.js';
import { loadBuiltApp } from '../bin/built-app.js';
import type { Metric } from './report.js';

const OPERATIONS = 1000;

export const measureTokenEconomy = async (): Promise<Metric[]> => {
  const sandbox = await startSandbox({ port: 0 });
  try {
    process.env['SCOPESTACK_AUTH_URL'] = sandbox.url;
    process.env['SCOPESTACK_API_URL'] = sandbox.url;
    const App = await loadBuiltApp();
    const runner = new ZapRunner(App, { client_id: SEED.serviceUser.clientId, client_secret: SEED.serviceUser.clientSecret });
    await runner.connect();
    const meAtConnect = sandbox.log.count('GET', '/v1/me');
    const operations = [
      () => runner.run('triggers', 'new_client'),
      () => runner.run('searches', 'find_client', { name: 'northwind' }),
      () => runner.run('triggers', 'new_project'),
      () => runner.run('searches', 'find_project', { id: SEED.projects.fourthCoffeeWifi }),
    ];
    for (let index = 0; index < OPERATIONS; index += 1) {
      const outcome = await operations[index % operations.length]?.();
      if (outcome?.renewed) throw new Error(`token economy: operation ${index + 1} renewed the token.`);
    }
    const exchanges = sandbox.log.count('POST', '/oauth/token');
    const meAfter = sandbox.log.count('GET', '/v1/me') - meAtConnect;
    const unit = `over connect + ${OPERATIONS} operations, goal`;
    return [
      { name: 'token economy: token exchanges', unit: `${unit} 1`, value: exchanges, better: 'lower', exact: true },
      { name: 'token economy: /v1/me calls after connect', unit: `${unit} 0`, value: meAfter, better: 'lower', exact: true },
    ];
  } finally {
    await sandbox.close();
  }
};
