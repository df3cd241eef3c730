/**
 * `npm start`: the integration end to end, as Zapier would run it.
 *
 * By default it starts the ScopeStack sandbox in this process and runs a whole workflow against
 * it through the built app. When credentials are given (authData_client_id and
 * authData_client_secret in the environment or in .env, the names `zapier-platform invoke`
 * uses) it runs the read-only part against the ScopeStack that SCOPESTACK_AUTH_URL and
 * SCOPESTACK_API_URL name (the real one by default). It prints each step, its result and the
 * HTTP requests it cost, and exits non-zero when a step fails or misbehaves.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';

const USAGE = `Usage: npm start

Runs the ScopeStack integration end to end through the built app, as Zapier would:
  - against the embedded ScopeStack sandbox (the default), the whole workflow;
  - against your ScopeStack, read only, when authData_client_id and authData_client_secret are set
    (in the environment or in .env); SCOPESTACK_API_URL and SCOPESTACK_AUTH_URL name another host.
Then it tries every guessed read element once (the fidelity probe). It takes no options.`;

try {
  const { values } = parseArgs({ options: { help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
  process.exit(2);
}

// Which settings the shell gave, so that the run can say where each one came from.
const fromShell = new Set(Object.keys(process.env));
if (existsSync('.env')) process.loadEnvFile('.env');
const origin = (name: string): string => (fromShell.has(name) ? 'the environment' : '.env');
// Core runs a memory watchdog that prints to stdout outside of tests; this is a harness, not Zapier.
process.env['NODE_ENV'] ||= 'test';

const { ZapRunner } = await import('./zap-runner.js');
const { printTable } = await import('./print-table.js');
const { sandboxWorkflow, readOnlyWorkflow } = await import('./workflows.js');
const { fidelityProbe, printProbe } = await import('./fidelity-probe.js');
const { messageOf } = await import('./message-of.js');
const { startSandbox, SEED } = await import('../sandbox/index.js');

const given = (name: string): string | undefined => process.env[`authData_${name}`] || undefined;
const external = given('client_id') && given('client_secret');

const credentials = (): Record<string, string> => {
  const names = ['client_id', 'client_secret', 'client_auth', 'username', 'password'];
  return Object.fromEntries(names.flatMap((name) => (given(name) ? [[name, String(given(name))]] : [])));
};

// URLs given without credentials would otherwise be dropped without a word.
const ignoredUrls = external ? [] : ['SCOPESTACK_API_URL', 'SCOPESTACK_AUTH_URL'].filter((name) => process.env[name]);
const sandbox = external ? undefined : await startSandbox({ port: 0 });
if (sandbox) {
  process.env['SCOPESTACK_AUTH_URL'] = sandbox.url;
  process.env['SCOPESTACK_API_URL'] = sandbox.url;
}
const { loadBuiltApp, simulateWaits } = await import('./built-app.js');
const App = await loadBuiltApp();
// The sandbox's time is simulated: a step that waits (for a document) advances it instead of sleeping.
if (sandbox)
  await simulateWaits((seconds) => {
    sandbox.clock.advance(seconds);
  });

const apiUrl = process.env['SCOPESTACK_API_URL'] || 'https://api.scopestack.io';
const authUrl = process.env['SCOPESTACK_AUTH_URL'] || 'https://app.scopestack.io';
/** Where a URL setting came from: the sandbox, the environment or .env, or the default. */
const urlOrigin = (name: string): string => (process.env[name] ? origin(name) : 'the default');
if (sandbox) {
  console.log(`ScopeStack for Zapier: running against the embedded ScopeStack sandbox at ${sandbox.url}`);
  console.log(`  credentials: the sandbox's seeded service account (set authData_client_id and authData_client_secret to use yours)`);
  for (const name of ignoredUrls)
    console.log(`  ${name} from ${origin(name)} is not used: it takes effect with authData_client_id and authData_client_secret`);
  console.log('');
} else {
  console.log(`ScopeStack for Zapier: running read-only against ScopeStack at ${apiUrl}`);
  console.log(
    `  API URL ${apiUrl} from ${urlOrigin('SCOPESTACK_API_URL')}; sign-in URL ${authUrl} from ${urlOrigin('SCOPESTACK_AUTH_URL')}`,
  );
  console.log(
    `  credentials: authData_client_id from ${origin('authData_client_id')}, authData_client_secret from ${origin('authData_client_secret')}` +
      ' (`zapier-platform invoke auth start` writes them to .env; remove them to use the embedded sandbox)\n',
  );
}

/** A refused connection to this machine is a local sandbox that is not running: say how to start it. */
const localHint = (message: string): string => {
  const local = ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(authUrl).hostname);
  if (sandbox || !local || !message.includes('ECONNREFUSED')) return '';
  return (
    `\nThe ScopeStack sandbox at ${authUrl} is not running. Start it with \`npm run sandbox\` in another terminal, ` +
    'or remove authData_client_id and authData_client_secret from .env to run against the embedded sandbox.'
  );
};

const runner = new ZapRunner(
  App,
  sandbox ? { client_id: SEED.serviceUser.clientId, client_secret: SEED.serviceUser.clientSecret } : credentials(),
);

const rows = [];
let failure: string | undefined;
let probe: Awaited<ReturnType<typeof fidelityProbe>> | undefined;
try {
  const workflow = sandbox ? sandboxWorkflow(runner, sandbox) : readOnlyWorkflow(runner);
  for await (const row of workflow) rows.push(row);
  probe = await fidelityProbe(runner);
} catch (error) {
  failure = `${error instanceof Error ? error.name : 'Error'}: ${messageOf(error)}`;
} finally {
  await sandbox?.close();
}
printTable(rows);
const total = rows.reduce((sum, row) => sum + row.requests, 0);
console.log(`\n${rows.length} steps, ${total} HTTP requests, ${runner.renewals} token renewal(s).`);
if (probe) printProbe(probe);
if (failure) console.error(`\nStep ${rows.length + 1} failed. ${failure}${localHint(failure)}`);

// The second connector, on the same toolkit: always against its own embedded sandbox.
const { runScalekit } = await import('./scalekit-run.js');
const scalekitFailure = await runScalekit();
process.exit(failure || scalekitFailure ? 1 : 0);
