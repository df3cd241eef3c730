/**
 * `npm run sandbox`: runs the sandbox alone (PORT, default 4010; SANDBOX_DATA_FILE, SANDBOX_LATENCY_MS,
 * SANDBOX_PROFILE=permissive to accept every guess the strict default refuses).
 * SIGINT or SIGTERM closes the server and exits 0; a later signal, or a close that takes longer
 * than STOP_TIMEOUT_MS, exits at once with 1. Start-up problems are one plain message and exit 1.
 */
import { PortInUseError, SEED, startSandbox } from './index.js';

const DEFAULT_PORT = 4010;
const STOP_TIMEOUT_MS = 3000;
/**
 * A signal this soon after the first is the same stop, not a second one: on Ctrl+C the terminal
 * signals every process of the foreground group, and npm also forwards the signal to its child.
 */
const SAME_STOP_MS = 500;

function exitWith(message: string): never {
  console.error(message);
  process.exit(1);
}

function portFromEnvironment(): number {
  const raw = process.env['PORT'] ?? '';
  if (raw === '') return DEFAULT_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    exitWith(`PORT must be a port number from 0 to 65535 (0 picks a free one), not "${raw}".`);
  }
  return port;
}

function startFailure(error: unknown): string {
  if (error instanceof PortInUseError) {
    const other = error.port < 65535 ? error.port + 1 : DEFAULT_PORT + 1;
    return (
      `Port ${error.port} is already in use (another sandbox may still be running). ` +
      `Stop it, or pick another port with PORT=${other} npm run sandbox.`
    );
  }
  return `Could not start the ScopeStack sandbox: ${error instanceof Error ? error.message : 'unknown error'}`;
}

const port = portFromEnvironment();
const dataFile = process.env['SANDBOX_DATA_FILE'];
const latencyMs = Number(process.env['SANDBOX_LATENCY_MS'] ?? 0);
const profile = process.env['SANDBOX_PROFILE'] === 'permissive' ? 'permissive' : 'strict';

const sandbox = await startSandbox({ port, latencyMs, profile, ...(dataFile === undefined || dataFile === '' ? {} : { dataFile }) }).catch(
  (error: unknown) => exitWith(startFailure(error)),
);

console.log(`ScopeStack sandbox listening on ${sandbox.url}`);
console.log(`  SCOPESTACK_AUTH_URL=${sandbox.url} SCOPESTACK_API_URL=${sandbox.url}`);
console.log(`  account: ${SEED.account.slug} (id ${SEED.account.id})${dataFile ? `, data file ${dataFile}` : ', in memory'}`);
console.log(`  service user "${SEED.serviceUser.name}" (admin):`);
console.log(`    client_id=${SEED.serviceUser.clientId}`);
console.log(`    client_secret=${JSON.stringify(SEED.serviceUser.clientSecret)}  (form-encode it!)`);
console.log(
  `  read-only service user: client_id=${SEED.readOnlyServiceUser.clientId} client_secret=${JSON.stringify(SEED.readOnlyServiceUser.clientSecret)}`,
);
console.log(`  password grant: client_id=${SEED.accountClient.clientId} client_secret=${JSON.stringify(SEED.accountClient.clientSecret)}`);
console.log(`    username=${SEED.passwordUser.username} password=${JSON.stringify(SEED.passwordUser.password)}`);
console.log(`  admin API: GET ${sandbox.url}/__admin`);
console.log('Stop it with Ctrl+C (or SIGTERM).');

let stoppingSince: number | undefined;

function stop(signal: NodeJS.Signals): void {
  if (stoppingSince !== undefined) {
    if (Date.now() - stoppingSince < SAME_STOP_MS) return;
    exitWith(`${signal} again: exiting without waiting for the sandbox to close.`);
  }
  stoppingSince = Date.now();
  setTimeout(() => {
    exitWith(`The sandbox did not close within ${STOP_TIMEOUT_MS / 1000} s; exiting anyway.`);
  }, STOP_TIMEOUT_MS).unref();
  sandbox.close().then(
    () => {
      console.log(`ScopeStack sandbox stopped (${signal}).`);
      process.exit(0);
    },
    (error: unknown) => {
      exitWith(`The sandbox did not close cleanly: ${error instanceof Error ? error.message : 'unknown error'}`);
    },
  );
}

process.on('SIGINT', stop);
process.on('SIGTERM', stop);
