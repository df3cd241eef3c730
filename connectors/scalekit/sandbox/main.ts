/**
 * Runs the Scalekit sandbox alone: `node --import tsx connectors/scalekit/sandbox/main.ts`
 * (PORT, default 4020; SANDBOX_LATENCY_MS). Ctrl+C or SIGTERM closes it and exits 0.
 */
import { startScalekitSandbox } from './index.js';

const DEFAULT_PORT = 4020;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const rawPort = process.env['PORT'] ?? '';
const port = rawPort === '' ? DEFAULT_PORT : Number(rawPort);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`PORT must be a number from 0 to 65535, not "${rawPort}".`);
const latencyMs = Number(process.env['SANDBOX_LATENCY_MS'] ?? 0);

const sandbox = await startScalekitSandbox({ port, latencyMs }).catch((error: unknown) => {
  const inUse = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
  return fail(inUse ? `Port ${port} is already in use; pick another with PORT=...` : `Could not start: ${String(error)}`);
});

const { seed } = sandbox;
console.log(`Scalekit sandbox listening on ${sandbox.url}`);
console.log(`  SCALEKIT_ENVIRONMENT_URL=${sandbox.url}`);
console.log(`  SCALEKIT_CLIENT_ID=${seed.clientId}`);
console.log(`  SCALEKIT_CLIENT_SECRET=${seed.clientSecret}`);
console.log(`  organizations: ${JSON.stringify(seed.organizations)}`);
console.log(`  admin API: GET ${sandbox.url}/__admin`);
console.log('Stop it with Ctrl+C.');

let stopping = false;
function stop(signal: NodeJS.Signals): void {
  if (stopping) return;
  stopping = true;
  setTimeout(() => fail('The sandbox did not close within 3 s; exiting anyway.'), 3000).unref();
  sandbox.close().then(
    () => {
      console.log(`Scalekit sandbox stopped (${signal}).`);
      process.exit(0);
    },
    (error: unknown) => fail(`The sandbox did not close cleanly: ${String(error)}`),
  );
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
