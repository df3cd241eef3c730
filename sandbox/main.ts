/** `npm run sandbox`: runs the sandbox alone (PORT, default 4010; SANDBOX_DATA_FILE, SANDBOX_LATENCY_MS). */
import { SEED, startSandbox } from './index.js';

const port = Number(process.env['PORT'] ?? 4010);
const dataFile = process.env['SANDBOX_DATA_FILE'];
const latencyMs = Number(process.env['SANDBOX_LATENCY_MS'] ?? 0);

const sandbox = await startSandbox({ port, latencyMs, ...(dataFile === undefined || dataFile === '' ? {} : { dataFile }) });

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

const stop = () => {
  sandbox.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
