/**
 * The fault matrix: every fault the sandbox can switch on, plus the credential changes a running
 * Zap can meet, each against a read (the `new_client` trigger, one GET) and a write
 * (`create_client`, one POST), through the built app and a real socket. Each cell asserts the
 * outcome exactly: a transparent recovery (and how many attempts the sandbox saw) or an error a
 * person can act on (its name, code and key words; never a stack trace, URL, token or page), and
 * for the write, how many clients exist afterwards: one, or none when nothing could have been
 * created, never two.
 *
 * What each cell observed is written down before it is asserted, and the observations make the
 * table in docs/faults.md: the test fails when the table there differs,
 * and `UPDATE_FAULT_TABLE=1` writes it instead.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AuthData, ZapRunner } from '../../bin/zap-runner.js';
import type { FaultSpec } from '../../sandbox/faults.js';
import type { LogEntry } from '../../sandbox/request-log.js';
import { connectedTo, SEED, useSandbox } from '../e2e/sandbox-harness.js';

const context = useSandbox();

// ---------------------------------------------------------------------------------------------
// Retry pauses shortened: the policy (which requests, how many times) is what is under test.

type RetryTiming = typeof import('connector-toolkit/retry-policy.js').retryTiming;
const RETRY_POLICY = fileURLToPath(new URL('../../packages/toolkit/dist/retry-policy.js', import.meta.url));
const timing: { live?: RetryTiming; saved?: RetryTiming } = {};

beforeAll(async () => {
  const { retryTiming } = (await import(RETRY_POLICY)) as { retryTiming: RetryTiming };
  timing.live = retryTiming;
  timing.saved = { ...retryTiming };
  Object.assign(retryTiming, { minTimeout: 1, maxRetryTime: 1000 });
});
afterAll(() => {
  if (timing.live && timing.saved) Object.assign(timing.live, timing.saved);
});

// ---------------------------------------------------------------------------------------------
// The table the cells fill in.

const FAULTS_PAGE = fileURLToPath(new URL('../../docs/faults.md', import.meta.url));
const START = '<!-- fault-matrix:start -->';
const END = '<!-- fault-matrix:end -->';

type Side = 'read' | 'write';
interface Cells {
  read?: string;
  write?: string;
  records?: string;
}
const observed = new Map<string, Cells>();
const note = (row: string, column: keyof Cells, text: string) => {
  observed.set(row, { ...observed.get(row), [column]: text });
};

// ---------------------------------------------------------------------------------------------
// Running a step and reading what happened.

const readOnlyCredentials: AuthData = {
  client_id: SEED.readOnlyServiceUser.clientId,
  client_secret: SEED.readOnlyServiceUser.clientSecret,
};

const connected = connectedTo(context);

/** The name of the client each write tries to create; the count afterwards looks for it. */
const clientName = (row: string) => `Fault Matrix ${row}`;

interface Outcome {
  /** The step's result, or the error it failed with. */
  error?: Error;
  renewed: boolean;
  /** What the sandbox saw, in order. */
  log: LogEntry[];
  ms: number;
}

const runStep = async (runner: ZapRunner, side: Side, row: string): Promise<Outcome> => {
  const started = Date.now();
  const step =
    side === 'read'
      ? runner.run<unknown[]>('triggers', 'new_client')
      : runner.run<{ id: string }>('creates', 'create_client', { name: clientName(row) });
  try {
    const { renewed } = await step;
    return { renewed, log: context.sandbox.log.entries(), ms: Date.now() - started };
  } catch (caught: unknown) {
    const error = caught instanceof Error ? caught : new Error(String(caught));
    return { error, renewed: runner.renewals > 0, log: context.sandbox.log.entries(), ms: Date.now() - started };
  }
};

/** `GET 503 → GET 200`, `POST 401 → token 200 → /v1/me 200 → POST 201`, `GET dropped unread`. */
const requestsOf = (log: LogEntry[]): string =>
  log
    .map((entry) => {
      const what = entry.path === '/oauth/token' ? 'token' : entry.path === '/v1/me' ? '/v1/me' : entry.method;
      const shaped: Partial<Record<string, string>> = { drop_after: ', then dropped', malformed_json: ', sent as 200 with half the body' };
      return entry.status === 0 ? `${what} dropped unread` : `${what} ${entry.status}${shaped[entry.fault ?? ''] ?? ''}`;
    })
    .join(' → ');

/** How many attempts at the step's own request the sandbox saw. */
const attemptsAt = (log: LogEntry[], method: string) =>
  log.filter((entry) => entry.method === method && entry.path.endsWith('/clients')).length;

interface ErrorShape {
  name: string;
  code?: string;
  message: string;
  delay?: number;
}

/** Core's errors carry a JSON body in their message; the rest are plain. */
const shapeOf = (error: Error): ErrorShape => {
  try {
    const body = JSON.parse(error.message) as { message?: string; code?: string; delay?: number | null };
    return {
      name: error.name,
      message: body.message ?? '',
      ...(body.code ? { code: body.code } : {}),
      ...(typeof body.delay === 'number' ? { delay: body.delay } : {}),
    };
  } catch {
    return { name: error.name, message: error.message };
  }
};

const firstSentence = (message: string) => /^.*?[.!?](?=\s|$)/.exec(message)?.[0] ?? message;

/** `"The client may or may not have been created"`, when the message warns of it. */
const duplicateWarningOf = (message: string): string | undefined => /The \w+ may or may not have been created/.exec(message)?.[0];

/** The cell text: what a user (and Zapier) gets, and what the sandbox saw of it. */
const describeOutcome = (outcome: Outcome, options: { showWait?: boolean } = {}): string => {
  const requests = `Requests: ${requestsOf(outcome.log)}.`;
  if (!outcome.error) {
    const wait = options.showWait ? ` after ${Math.floor(outcome.ms / 1000)} s, nothing timed out` : '';
    return `**OK**${outcome.renewed ? ', renewed once' : ''}${wait}. ${requests}`;
  }
  const shape = shapeOf(outcome.error);
  const label = [shape.name, shape.code].filter(Boolean).join(' ');
  if (shape.name === 'ThrottledError') return `**${label}**: Zapier runs the step again after ${shape.delay ?? '?'} s. ${requests}`;
  const warning = duplicateWarningOf(shape.message);
  const reconnect = shape.name === 'ExpiredAuthError' ? ' (Zapier asks for a reconnect)' : '';
  return `**${label}**${reconnect}: "${firstSentence(shape.message)}"${warning ? ` + "${warning}…"` : ''} ${requests}`;
};

/** Nothing a user sees may hold a stack trace, a URL, a token, a secret or a page. */
const expectPresentable = (error: Error, secrets: (string | undefined)[]) => {
  expect(error.message).not.toMatch(/\n\s+at |https?:\/\/|127\.0\.0\.1|\/v1\/|Bearer|eyJ|<html|<!DOCTYPE/i);
  for (const secret of secrets) if (secret) expect(error.message).not.toContain(secret);
};

/** Clients named `name` in the account, read over HTTP with a credential of its own (any fault cleared first). */
const clientsNamed = async (name: string): Promise<number> => {
  const { sandbox } = context;
  sandbox.faults.clear();
  const { userId } = sandbox.admin.createServiceUser({ name: 'Fault Matrix Auditor', email: 'auditor@acme-it.example', role: 'read_only' });
  const { clientId, clientSecret } = sandbox.admin.createCredential(userId, 'auditor');
  const tokenResponse = await fetch(`${sandbox.url}/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }),
  });
  const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
  const query = new URLSearchParams({ 'filter[name]': name, 'page[size]': '100' });
  const list = await fetch(`${sandbox.url}/${SEED.account.slug}/v1/clients?${query.toString()}`, {
    headers: { Accept: 'application/vnd.api+json', Authorization: `Bearer ${token}` },
  });
  const { data } = (await list.json()) as { data: { attributes: { name: string } }[] };
  return data.filter((record) => record.attributes.name === name).length;
};

// ---------------------------------------------------------------------------------------------
// The rows.

/** The step fails with this error name (and app error code), its message matching every pattern. */
interface ExpectedError {
  name: string;
  code?: string;
  says: RegExp[];
  /** ThrottledError's delay in seconds. */
  delay?: number;
}

interface Expected {
  /** The step succeeds; `renewed` when it took one renewal of the token. */
  ok?: { renewed: boolean };
  error?: ExpectedError;
  /** Attempts at the step's own request (`GET` or `POST /clients`) the sandbox saw. */
  attempts: number;
  /** Token exchanges during the step. */
  tokenRequests: number;
  /** Clients of the write's name afterwards (writes only). */
  records?: number;
}

interface Row {
  fault: string;
  /** Runs after connecting and before the step. */
  arrange: (runner: ZapRunner) => void;
  credentials?: AuthData;
  /** The cells say how long the step took (the slow-answer row). */
  showWait?: boolean;
  read: Expected;
  write: Expected;
}

const faultOnClients = (fault: FaultSpec) => () => {
  context.sandbox.faults.set({ ...fault, match: { path: '/clients' } });
};

/** What a create says when its outcome is unknown: it may have happened, look before running it again. */
const UNKNOWN_CREATE = /may or may not have been created: check .* before running this step again, so that nothing is created twice/;
const WITH_FIND_STEP = /The client may or may not have been created: check with the Find Client step/;

const renewedOnce = (records?: number): Expected => ({
  ok: { renewed: true },
  attempts: 2,
  tokenRequests: 1,
  ...(records === undefined ? {} : { records }),
});
const recovered = (attempts: number, records?: number): Expected => ({
  ok: { renewed: false },
  attempts,
  tokenRequests: 0,
  ...(records === undefined ? {} : { records }),
});
const failed = (error: ExpectedError, records?: number, tokenRequests = 0): Expected => ({
  error,
  attempts: 1,
  tokenRequests,
  ...(records === undefined ? {} : { records }),
});

/** The app error (code ApiError) that most faults end in. */
const apiError = (...says: RegExp[]): ExpectedError => ({ name: 'AppError', code: 'ApiError', says });

/** A dropped connection: a read is sent again; a create is not, as it may have been handled, and says how to check. */
const connectionDropped = (fault: string, kind: 'drop_before' | 'drop_after', records: number): Row => ({
  fault,
  arrange: faultOnClients({ kind, times: 1 }),
  read: recovered(2),
  write: failed(
    apiError(/^The connection to ScopeStack failed while trying to create clients \(ECONNRESET\)\./, WITH_FIND_STEP, UNKNOWN_CREATE),
    records,
  ),
});

/** A credential that stops working while a Zap runs: one renewal attempt, then the connection is expired. */
const credentialGone = (fault: string, arrange: () => void): Row => {
  const expired: ExpectedError = {
    name: 'ExpiredAuthError',
    says: [
      /^ScopeStack rejected the Client ID or Client Secret \(invalid_client\)\./,
      /rotated, or the credential deleted, or its user's type changed from Service/,
      /reconnect with the new values/,
    ],
  };
  return { fault, arrange, read: failed(expired, undefined, 1), write: failed(expired, 0, 1) };
};

const LATENCY_MS = 3000;

const rows: Row[] = [
  {
    fault: 'Token expired (sandbox clock 25 h on)',
    arrange: () => {
      context.sandbox.clock.advance(25 * 3600);
    },
    read: renewedOnce(),
    write: renewedOnce(1),
  },
  {
    fault: 'Expired token answered with 403 (token 10 min old)',
    arrange: (runner) => {
      // Ten minutes old by the app's clock (past its 5-minute grace, so a 403 may mean expiry), expired by the server's.
      const now = Math.floor(Date.now() / 1000);
      runner.authData = { ...runner.authData, token_issued_at: String(now - 600), token_expires_at: String(now + 86400 - 600) };
      context.sandbox.faults.set({ kind: 'expired_token_403' });
      context.sandbox.clock.advance(25 * 3600);
    },
    read: renewedOnce(),
    write: renewedOnce(1),
  },
  {
    fault: 'Real 403: read-only service user',
    credentials: readOnlyCredentials,
    arrange: () => undefined,
    read: recovered(1),
    write: failed(
      {
        name: 'AppError',
        code: 'PermissionError',
        says: [
          /^ScopeStack does not allow this connection to create clients \(403 Forbidden\)\./,
          /role does not allow POST on clients/,
          /Ask a ScopeStack admin to give the service account's role permission/,
        ],
      },
      0,
    ),
  },
  credentialGone('Secret rotated while a Zap runs', () => {
    context.sandbox.admin.rotateSecret(SEED.serviceUser.clientId);
  }),
  credentialGone('Credential deleted', () => {
    context.sandbox.admin.deleteCredential(SEED.serviceUser.clientId);
  }),
  credentialGone("Service user's type changed to licensed", () => {
    context.sandbox.admin.changeUserType(SEED.serviceUser.userId, 'licensed');
  }),
  {
    fault: '429 with Retry-After: 7',
    arrange: faultOnClients({ kind: 'rate_limit', retryAfterSeconds: 7, times: 1 }),
    read: failed({ name: 'ThrottledError', says: [/^The server returned 429 \(Too Many Requests\)$/], delay: 7 }),
    write: failed({ name: 'ThrottledError', says: [/^The server returned 429 \(Too Many Requests\)$/], delay: 7 }, 0),
  },
  {
    fault: '500',
    arrange: faultOnClients({ kind: 'server_error', status: 500, times: 1 }),
    read: failed(apiError(/^ScopeStack had a problem and could not read clients \(HTTP 500\)\./, /Try again in a few minutes\.$/)),
    write: failed(apiError(/^ScopeStack had a problem and could not create clients \(HTTP 500\)\./, UNKNOWN_CREATE), 0),
  },
  {
    fault: '502 with an HTML page',
    arrange: faultOnClients({ kind: 'html_error', status: 502, times: 1 }),
    read: recovered(2),
    write: failed(
      apiError(
        /^ScopeStack had a problem and could not create clients \(HTTP 502\)\./,
        /ScopeStack answered with an error page instead of data\./,
        UNKNOWN_CREATE,
      ),
      0,
    ),
  },
  {
    fault: '503 once, then success',
    arrange: faultOnClients({ kind: 'server_error', status: 503, times: 1 }),
    read: recovered(2),
    write: failed(apiError(/^ScopeStack had a problem and could not create clients \(HTTP 503\)\./, UNKNOWN_CREATE), 0),
  },
  connectionDropped('Connection dropped before the request is read', 'drop_before', 0),
  connectionDropped('Connection dropped after the request was handled', 'drop_after', 1),
  {
    fault: 'Malformed JSON (200, half the body)',
    arrange: faultOnClients({ kind: 'malformed_json', times: 1 }),
    read: failed(
      apiError(
        /^ScopeStack answered the request to read clients \(HTTP 200\) with data that could not be read\./,
        /Try again in a few minutes\.$/,
      ),
    ),
    write: failed(
      apiError(/^ScopeStack answered the request to create clients \(HTTP 200\) with data that could not be read\./, UNKNOWN_CREATE),
      1,
    ),
  },
  {
    fault: `Answer ${LATENCY_MS / 1000} s late (latency fault, within the 15 s request timeout)`,
    arrange: faultOnClients({ kind: 'latency', ms: LATENCY_MS, times: 1 }),
    showWait: true,
    read: recovered(1),
    write: recovered(1, 1),
  },
];

// ---------------------------------------------------------------------------------------------
// The table.

const COLUMNS = ['Fault', 'Read: `new_client` (GET)', 'Write: `create_client` (POST)', 'Clients afterwards'];

const cell = (text: string | undefined) => (text ?? '(not observed: the row did not run)').replace(/\|/g, '\\|');

const faultTable = (): string =>
  [
    `| ${COLUMNS.join(' | ')} |`,
    `|${COLUMNS.map(() => '---').join('|')}|`,
    ...rows.map((row) => {
      const cells = observed.get(row.fault) ?? {};
      return `| ${[row.fault, cells.read, cells.write, cells.records].map(cell).join(' | ')} |`;
    }),
  ].join('\n');

/** The page's text between the markers, and the page with other text there. */
const readmeSection = (readme: string) => {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`docs/faults.md has no ${START} … ${END} section for the fault table.`);
  return {
    current: readme.slice(start + START.length, end).trim(),
    withTable: (table: string) => `${readme.slice(0, start + START.length)}\n${table}\n${readme.slice(end)}`,
  };
};

// ---------------------------------------------------------------------------------------------

describe('fault matrix: a read (new_client) and a write (create_client) under each fault', () => {
  const cells = rows.flatMap((row) => (['read', 'write'] as const).map((side) => [row.fault, side, row] as const));

  it.each(cells)('%s: %s', async (_fault, side, row) => {
    const runner = await connected(row.credentials);
    const tokenBefore = runner.authData['access_token'];
    row.arrange(runner);
    const outcome = await runStep(runner, side, row.fault);
    const records = side === 'write' ? await clientsNamed(clientName(row.fault)) : undefined;
    // Written down first, so the table shows what happened even when an assertion below fails.
    note(row.fault, side, describeOutcome(outcome, { showWait: row.showWait ?? false }));
    if (records !== undefined) note(row.fault, 'records', String(records));

    const expected = row[side];
    const method = side === 'read' ? 'GET' : 'POST';
    if (expected.ok) {
      expect(outcome.error?.message).toBeUndefined();
      expect(outcome.renewed).toBe(expected.ok.renewed);
    }
    if (expected.error) {
      const { error } = outcome;
      if (!error) throw new Error(`expected ${expected.error.name}, but the step succeeded`);
      const shape = shapeOf(error);
      expect({ name: shape.name, code: shape.code }).toEqual({ name: expected.error.name, code: expected.error.code });
      // Core appends its own context ("What happened: Executing …") to some errors; the app's words come first.
      const said = shape.message.split('\nWhat happened:')[0] ?? '';
      for (const words of expected.error.says) expect(said).toMatch(words);
      if (expected.error.delay !== undefined) expect(shape.delay).toBe(expected.error.delay);
      expectPresentable(error, [tokenBefore, runner.authData['access_token'], runner.authData['client_secret']]);
    }
    expect(attemptsAt(outcome.log, method)).toBe(expected.attempts);
    expect(outcome.log.filter((entry) => entry.path === '/oauth/token')).toHaveLength(expected.tokenRequests);
    if (expected.records !== undefined) expect(records).toBe(expected.records);
    if (row.showWait) expect(outcome.ms).toBeGreaterThanOrEqual(LATENCY_MS - 50);
  });

  it('gives docs/faults.md this table', () => {
    const table = faultTable();
    const readme = readFileSync(FAULTS_PAGE, 'utf8');
    const section = readmeSection(readme);
    if (process.env['UPDATE_FAULT_TABLE'] === '1') {
      if (section.current !== table) writeFileSync(FAULTS_PAGE, section.withTable(table));
      return;
    }
    if (section.current !== table) {
      throw new Error(
        'The fault table in docs/faults.md differs from what the fault matrix observed. ' +
          `Run \`UPDATE_FAULT_TABLE=1 npm test -- test/faults\` to write it.\n\nObserved:\n${table}\n\ndocs/faults.md:\n${section.current}`,
      );
    }
  });
});
