/**
 * The Scalekit part of `npm start`: its embedded sandbox, the built Scalekit app and the onboarding
 * workflow, printed like ScopeStack's. Returns what failed, if anything.
 */
import { fileURLToPath } from 'node:url';
import { startScalekitSandbox } from '../connectors/scalekit/sandbox/index.js';
import { messageOf } from './message-of.js';
import { printTable, type Row } from './print-table.js';
import { scalekitWorkflow } from './scalekit-workflow.js';
import { ZapRunner } from './zap-runner.js';

const BUILT_SCALEKIT_APP = fileURLToPath(new URL('../connectors/scalekit/dist/src/index.js', import.meta.url));

export const runScalekit = async (): Promise<string | undefined> => {
  const sandbox = await startScalekitSandbox({ port: 0 });
  console.log(`\nScalekit for Zapier: running the onboarding workflow against the embedded Scalekit sandbox at ${sandbox.url}\n`);
  const App = ((await import(BUILT_SCALEKIT_APP)) as { default: object }).default;
  const runner = new ZapRunner(App, {
    environment_url: sandbox.url,
    client_id: sandbox.seed.clientId,
    client_secret: sandbox.seed.clientSecret,
  });
  const rows: Row[] = [];
  let failure: string | undefined;
  try {
    for await (const row of scalekitWorkflow(runner, sandbox)) rows.push(row);
  } catch (error) {
    failure = `${error instanceof Error ? error.name : 'Error'}: ${messageOf(error)}`;
  } finally {
    await sandbox.close();
  }
  printTable(rows);
  const total = rows.reduce((sum, row) => sum + row.requests, 0);
  console.log(`\n${rows.length} steps, ${total} HTTP requests, ${runner.renewals} token renewal(s).`);
  if (failure) console.error(`\nScalekit step ${rows.length + 1} failed. ${failure}`);
  return failure;
};
