/**
 * Secret hygiene, end to end: the whole `npm start` workflow against the sandbox, plus a legacy
 * password-grant connection, an HTTP Basic connection and a handful of failing steps, with
 * everything Zapier would log captured. Every secret of the run (client secrets, the password,
 * every access and refresh token issued) is then looked for, in every encoding it could travel
 * in, in: the log lines core streams to Zapier, whatever reached stdout, stderr or the console,
 * every error thrown (message and stack), every step output, the samples of the app definition,
 * the sandbox's request log and the files under test/fixtures/.
 *
 * How the logs are captured. Core's logger (zapier-platform-core/src/tools/create-logger.js)
 * streams every log record of an invocation as NDJSON (`{"message", "data"}` per line) in one
 * POST to `LOGGING_ENDPOINT`, whenever a `LOGGING_TOKEN` is set: on Zapier that is the record of
 * the Zap run (the HTTP log of each z.request, console lines, unhandled errors). Pointing that
 * endpoint at a local HTTP server records exactly the bytes Zapier would receive: after core's
 * own scrubbing and truncation, as serialised on the wire, for requests of every kind (z.request,
 * and http/fetch calls core patches). The alternatives are less faithful: `logBuffer` is created
 * inside the Lambda handler (createAppTester cannot supply one) and only keeps console lines;
 * nock on the endpoint would replace the socket core streams to, and could catch the run's own
 * traffic to the sandbox; a real server reads the stream as core sends it.
 * `LOG_TO_STDOUT` and `DETAILED_LOG_TO_STDOUT` (what `zapier invoke` prints locally) are turned on
 * as well and land in the console capture, so the developer's view is scanned too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Row } from '../../bin/print-table.js';
import { sandboxWorkflow } from '../../bin/workflows.js';
import { ZapRunner, type AuthData, type StashedFile, type StepKind, type StepOutcome } from '../../bin/zap-runner.js';
import { SEED, useSandbox } from './sandbox-harness.js';

const context = useSandbox();

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

// ---------------------------------------------------------------------------------------------
// The log endpoint: what core's logger would send to Zapier.
// ---------------------------------------------------------------------------------------------

interface LogRecord {
  message?: unknown;
  data?: Record<string, unknown>;
}

interface LogCapture {
  endpoint: string;
  token: string;
  /** Each NDJSON line as it arrived, in order. */
  lines: string[];
  records: LogRecord[];
  /** POSTs of core's log stream (one per invocation that logged anything). */
  streams: number;
  /** Anything that is not core's log stream, or a line that is not JSON: each is a test failure. */
  problems: string[];
  close(): Promise<void>;
}

const startLogCapture = async (): Promise<LogCapture> => {
  const token = 'secret-hygiene-log-stream';
  const lines: string[] = [];
  const records: LogRecord[] = [];
  const problems: string[] = [];
  let streams = 0;
  const server = createServer((request, response) => {
    if (request.method !== 'POST' || request.headers['x-token'] !== token) {
      problems.push(`unexpected ${request.method ?? '?'} ${request.url ?? '?'} without the log token`);
    }
    streams += 1;
    const chunks: Buffer[] = [];
    let kept = false;
    // Keep what arrived also when core aborts the stream (it waits 200 ms for an answer).
    const keep = () => {
      if (kept) return;
      kept = true;
      for (const line of Buffer.concat(chunks).toString('utf8').split('\n')) {
        if (line.trim() === '') continue;
        lines.push(line);
        try {
          records.push(JSON.parse(line) as LogRecord);
        } catch {
          problems.push(`a log line that is not JSON: ${line.slice(0, 80)}`);
        }
      }
    };
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      keep();
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
    request.on('close', keep);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}/input`,
    token,
    lines,
    records,
    get streams() {
      return streams;
    },
    problems,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      }),
  };
};

// ---------------------------------------------------------------------------------------------
// What the run shows: console and standard streams, errors, outputs, and the secrets it used.
// ---------------------------------------------------------------------------------------------

/** One piece of text the run showed somewhere, and where. */
interface Shown {
  where: string;
  text: string;
}

/** Every secret of the run, by value, with a name that says where it came from. */
const secrets = new Map<string, string>();
const addSecret = (value: string | undefined, name: string): void => {
  if (value && !secrets.has(value)) secrets.set(value, name);
};

const shown: Shown[] = [];
const errors: { where: string; error: unknown }[] = [];
/** A value as text: strings as they are, anything else as JSON (or its String form when JSON has none). */
const textOf = (value: unknown): string => {
  if (typeof value === 'string') return value;
  const jsonless = value === undefined || typeof value === 'function' || typeof value === 'symbol';
  return jsonless ? String(value) : JSON.stringify(value);
};
const show = (where: string, value: unknown): void => {
  shown.push({ where, text: textOf(value) });
};

const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;

/** Records console calls (not printed: core's LOG_TO_STDOUT is verbose) and stdout/stderr writes (passed through). */
const captureOutput = (): (() => void) => {
  const restores: (() => void)[] = [];
  for (const method of CONSOLE_METHODS) {
    const original = console[method].bind(console);
    console[method] = (...args: unknown[]) => {
      show(`console.${method}`, args.map((arg) => (arg instanceof Error ? String(arg.stack) : textOf(arg))).join(' '));
    };
    restores.push(() => {
      console[method] = original;
    });
  }
  for (const [name, stream] of [
    ['stdout', process.stdout],
    ['stderr', process.stderr],
  ] as const) {
    const original = stream.write.bind(stream);
    stream.write = (chunk: unknown, ...rest: unknown[]) => {
      show(`process.${name}`, Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk));
      return (original as (...args: unknown[]) => boolean)(chunk, ...rest);
    };
    restores.push(() => {
      stream.write = original;
    });
  }
  return () => {
    for (const restore of restores.reverse()) restore();
  };
};

/**
 * A runner that keeps what every call returned or threw, and harvests the tokens it holds after
 * each call and each renewal (a renewal inside `run` goes through `this.renew`, so through here).
 */
class WatchedRunner extends ZapRunner {
  readonly #label: string;

  constructor(app: object, credentials: AuthData, label: string) {
    super(app, credentials);
    this.#label = label;
    this.#harvest('its credentials');
  }

  #harvest(after: string): void {
    for (const key of ['client_secret', 'password', 'access_token', 'refresh_token'])
      addSecret(this.authData[key], `${key} of the ${this.#label} connection (${after})`);
  }

  async #watch<T>(what: string, call: () => Promise<T>): Promise<T> {
    try {
      const result = await call();
      show(`${this.#label}: output of ${what}`, result);
      return result;
    } catch (error) {
      errors.push({ where: `${this.#label}: ${what}`, error });
      throw error;
    } finally {
      this.#harvest(`after ${what}`);
    }
  }

  override renew(): Promise<void> {
    return this.#watch('renew', () => super.renew());
  }

  override connect(): ReturnType<ZapRunner['connect']> {
    return this.#watch('connect', () => super.connect());
  }

  override run<T = unknown>(
    kind: StepKind,
    key: string,
    inputData: Record<string, unknown> = {},
    meta: Record<string, unknown> = {},
  ): Promise<StepOutcome<T>> {
    return this.#watch(`${kind}.${key}`, () => super.run<T>(kind, key, inputData, meta));
  }

  override hydrate(pointer: string): Promise<StepOutcome<StashedFile>> {
    return this.#watch('hydrate', () => super.hydrate(pointer));
  }

  override inputFields(kind: StepKind, key: string, inputData: Record<string, unknown> = {}): Promise<StepOutcome<{ key: string }[]>> {
    return this.#watch(`input fields of ${kind}.${key}`, () => super.inputFields(kind, key, inputData));
  }
}

/** The error of a step that must fail, and its name (the rejection is already recorded). */
const failing = async (promise: Promise<unknown>): Promise<string> => {
  try {
    await promise;
  } catch (error) {
    return error instanceof Error ? error.name : typeof error;
  }
  throw new Error('expected the step to fail, but it succeeded');
};

// ---------------------------------------------------------------------------------------------
// Encodings and the scan.
// ---------------------------------------------------------------------------------------------

const base64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
const base64url = (text: string): string => Buffer.from(text, 'utf8').toString('base64url');
const formEncoded = (text: string): string => new URLSearchParams({ x: text }).toString().slice(2);

/**
 * The characters of base64 that only the secret's bytes decide, for each of the 3 positions it
 * can start at inside a longer base64 text: found wherever the secret was base64-encoded with
 * anything around it (a Basic header with any client ID, a JWT claim, a data URL).
 */
const embeddedBase64 = (text: string): string[] => {
  const bytes = Buffer.from(text, 'utf8');
  return [0, 1, 2].map((offset) => {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    const firstPure = [0, 2, 3][offset] ?? 0;
    return encoded.slice(firstPure, Math.floor((offset + bytes.length) / 3) * 4);
  });
};

/** Each form a secret could take in text, by name, most literal first and without repeats. */
const encodingsOf = (secret: string, clientId?: string): { encoding: string; text: string }[] => {
  const forms: [string, string][] = [
    ['raw', secret],
    ['form-encoded (URLSearchParams)', formEncoded(secret)],
    ['percent-encoded (encodeURIComponent)', encodeURIComponent(secret)],
    ['percent-encoded, spaces as +', encodeURIComponent(secret).replace(/%20/g, '+')],
    ['JSON-escaped', JSON.stringify(secret).slice(1, -1)],
    ['JSON-escaped twice', JSON.stringify(JSON.stringify(secret)).slice(3, -3)],
    ['base64', base64(secret)],
    ['base64url', base64url(secret)],
  ];
  if (clientId !== undefined) {
    forms.push(
      ['base64 of client_id:secret (Basic header)', base64(`${clientId}:${secret}`)],
      ['base64url of client_id:secret', base64url(`${clientId}:${secret}`)],
      ['base64 of form-encoded client_id:secret (RFC 6749 Basic)', base64(`${formEncoded(clientId)}:${formEncoded(secret)}`)],
    );
  }
  for (const [index, piece] of embeddedBase64(secret).entries()) {
    forms.push(
      [`base64 inside a longer base64 text (offset ${index})`, piece],
      [`base64url inside a longer text (offset ${index})`, piece.replace(/\+/g, '-').replace(/\//g, '_')],
    );
  }
  const seen = new Set<string>();
  return forms.filter(([, text]) => text.length >= 8 && !seen.has(text) && seen.add(text)).map(([encoding, text]) => ({ encoding, text }));
};

interface Pattern {
  secret: string;
  encoding: string;
  text: string;
}

interface Finding {
  secret: string;
  encoding: string;
  where: string;
  /** The text around the find, with every secret masked, so the report leaks nothing itself. */
  excerpt: string;
}

const CLIENT_IDS = new Map<string, string>();

const patternsOf = (): Pattern[] =>
  [...secrets].flatMap(([value, name]) =>
    encodingsOf(value, CLIENT_IDS.get(value)).map(({ encoding, text }) => ({ secret: name, encoding, text })),
  );

const mask = (text: string, patterns: Pattern[]): string =>
  [...patterns]
    .sort((a, b) => b.text.length - a.text.length)
    .reduce((masked, pattern) => masked.split(pattern.text).join(`«${pattern.secret} · ${pattern.encoding}»`), text);

const scan = (pieces: Shown[], patterns: Pattern[]): Finding[] =>
  pieces.flatMap(({ where, text }) =>
    patterns.flatMap((pattern) => {
      const at = text.indexOf(pattern.text);
      if (at === -1) return [];
      const excerpt = mask(text.slice(Math.max(0, at - 80), at + pattern.text.length + 80), patterns);
      return [{ secret: pattern.secret, encoding: pattern.encoding, where, excerpt }];
    }),
  );

/** Every string inside a value, each with its path (`data.request_data`). */
const leaves = (value: unknown, path: string): Shown[] => {
  if (typeof value === 'string') return [{ where: path, text: value }];
  if (typeof value === 'number' || typeof value === 'boolean') return [{ where: path, text: String(value) }];
  if (Array.isArray(value)) return value.flatMap((item, index) => leaves(item, `${path}[${index}]`));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([key, item]) => leaves(item, `${path}.${key}`));
  return [];
};

/** What an error shows: name, message, stack, its own properties and its causes. */
const errorTexts = (where: string, error: unknown, depth = 0): Shown[] => {
  if (!(error instanceof Error) || depth > 3) return [{ where, text: String(error) }];
  const own = Object.fromEntries(Object.entries(error));
  return [
    { where: `${where} (name, message)`, text: `${error.name}: ${error.message}` },
    { where: `${where} (stack)`, text: error.stack ?? '' },
    { where: `${where} (own properties)`, text: JSON.stringify(own) },
    ...(error.cause === undefined ? [] : errorTexts(`${where} (cause)`, error.cause, depth + 1)),
  ];
};

const filesUnder = (folder: string, keep: (name: string) => boolean): string[] => {
  const found: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...filesUnder(path, keep));
    else if (keep(entry.name)) found.push(path);
  }
  return found;
};

// ---------------------------------------------------------------------------------------------
// The run.
// ---------------------------------------------------------------------------------------------

const LOG_SETTINGS = ['LOGGING_ENDPOINT', 'LOGGING_TOKEN', 'LOG_TO_STDOUT', 'DETAILED_LOG_TO_STDOUT'] as const;
const savedSettings = new Map<string, string | undefined>();
let logs: LogCapture;

beforeAll(async () => {
  logs = await startLogCapture();
  for (const name of LOG_SETTINGS) savedSettings.set(name, process.env[name]);
  process.env['LOGGING_ENDPOINT'] = logs.endpoint;
  process.env['LOGGING_TOKEN'] = logs.token;
  process.env['LOG_TO_STDOUT'] = 'true';
  process.env['DETAILED_LOG_TO_STDOUT'] = 'true';
});

afterAll(async () => {
  for (const [name, value] of savedSettings) {
    if (value === undefined) Reflect.deleteProperty(process.env, name);
    else process.env[name] = value;
  }
  await logs.close();
});

/** Mistyped and rotated secrets are secrets too: a typo is usually one character off the real one. */
const WRONG_SECRET = 'zap &%+=# secreT';
const WRONG_PASSWORD = "Sandbox-Pass-2024!'(x)";

const runEverything = async (): Promise<Row[]> => {
  const { sandbox, App } = context;
  const service = { client_id: SEED.serviceUser.clientId, client_secret: SEED.serviceUser.clientSecret };
  const passwordGrant = {
    client_id: SEED.accountClient.clientId,
    client_secret: SEED.accountClient.clientSecret,
    username: SEED.passwordUser.username,
    password: SEED.passwordUser.password,
  };
  CLIENT_IDS.set(SEED.serviceUser.clientSecret, SEED.serviceUser.clientId);
  CLIENT_IDS.set(SEED.accountClient.clientSecret, SEED.accountClient.clientId);
  CLIENT_IDS.set(WRONG_SECRET, SEED.serviceUser.clientId);
  addSecret(SEED.serviceUser.clientSecret, 'the service client secret');
  addSecret(SEED.accountClient.clientSecret, 'the account client secret');
  addSecret(SEED.passwordUser.password, "the password user's password");
  addSecret(WRONG_SECRET, 'a mistyped client secret');
  addSecret(WRONG_PASSWORD, 'a mistyped password');

  // 1. `npm start`: the sandbox workflow, as bin/main.ts runs it.
  const rows: Row[] = [];
  const main = new WatchedRunner(App, service, 'npm start');
  for await (const row of sandboxWorkflow(main, sandbox)) rows.push(row);
  for (const [index, row] of rows.entries()) show(`npm start row ${index + 1} (${row.step})`, row);

  // 2. The legacy password grant: a refresh token, renewed with it (which rotates it), twice.
  const legacy = new WatchedRunner(App, passwordGrant, 'password grant');
  await legacy.connect();
  const firstRefreshToken = legacy.authData['refresh_token'] ?? '';
  for (let renewal = 0; renewal < 2; renewal += 1) {
    sandbox.clock.advance(3 * 3600);
    await legacy.run('triggers', 'new_client');
  }
  // A used refresh token is refused, and the password signs in again.
  legacy.authData = { ...legacy.authData, refresh_token: firstRefreshToken };
  await legacy.renew();

  // 3. The client credentials in an HTTP Basic header, renewed once.
  const basic = new WatchedRunner(App, { ...service, client_auth: 'basic' }, 'Basic auth');
  await basic.connect();
  sandbox.clock.advance(25 * 3600);
  await basic.run('searches', 'find_client', { name: 'northwind' });

  // 4. Steps that fail: every message and stack they throw is scanned.
  const failures = {
    wrongSecret: await failing(new WatchedRunner(App, { ...service, client_secret: WRONG_SECRET }, 'wrong secret').connect()),
    wrongSecretBasic: await failing(
      new WatchedRunner(App, { ...service, client_secret: WRONG_SECRET, client_auth: 'basic' }, 'wrong Basic secret').connect(),
    ),
    wrongPassword: await failing(new WatchedRunner(App, { ...passwordGrant, password: WRONG_PASSWORD }, 'wrong password').connect()),
    unprocessable: await failing(
      basic.run('creates', 'api_request', { method: 'POST', path: '/clients', body: '{"data": {"type": "clients", "attributes": {}}}' }),
    ),
    refusedTarget: await failing(basic.run('creates', 'api_request', { method: 'GET', path: 'https://evil.example/steal' })),
  };
  // A rotated secret: the connection's token stops working and the renewal is refused.
  addSecret(sandbox.admin.rotateSecret(SEED.serviceUser.clientId).clientSecret, 'the rotated service client secret');
  const expired = await failing(basic.run('triggers', 'new_client'));
  expect({ ...failures, expired }).toEqual({
    wrongSecret: 'AppError',
    wrongSecretBasic: 'AppError',
    wrongPassword: 'AppError',
    unprocessable: 'AppError',
    refusedTarget: 'AppError',
    expired: 'ExpiredAuthError',
  });
  return rows;
};

describe('e2e: secret hygiene', () => {
  it('finds every encoding of a secret it plants (the scan itself works)', () => {
    const secret = SEED.serviceUser.clientSecret;
    const patterns = encodingsOf(secret, SEED.serviceUser.clientId).map(({ encoding, text }) => ({ secret: 'planted', encoding, text }));
    const planted: Shown[] = [
      { where: 'form', text: `grant_type=client_credentials&client_secret=${new URLSearchParams({ s: secret }).toString().slice(2)}` },
      { where: 'basic', text: `authorization: Basic ${Buffer.from(`${SEED.serviceUser.clientId}:${secret}`).toString('base64')}` },
      { where: 'basic, other id', text: `Basic ${Buffer.from(`someone-else:${secret}`).toString('base64')}` },
      { where: 'json', text: JSON.stringify({ line: JSON.stringify({ secret }) }) },
      { where: 'base64url', text: `eyJ.${Buffer.from(`{"s":"${secret}"}`).toString('base64url')}.sig` },
      { where: 'clean', text: 'grant_type=client_credentials&client_secret=%3Acensored%3A16%3Aabc%3A' },
    ];
    const where = [...new Set(scan(planted, patterns).map((finding) => finding.where))];
    expect(where).toEqual(['form', 'basic', 'basic, other id', 'json', 'base64url']);
    expect(mask(planted[0]?.text ?? '', patterns)).not.toContain('client_secret=zap');
  });

  it('shows no secret, in any encoding, in logs, output, errors, samples or fixtures', async () => {
    const restoreOutput = captureOutput();
    let rows: Row[];
    try {
      rows = await runEverything();
    } finally {
      restoreOutput();
    }

    // The run really logged: core streamed its HTTP log to the capture, token requests with their bodies included.
    const { url } = context.sandbox;
    const messages = logs.records.map((record) => String(record.message));
    expect(logs.problems).toEqual([]);
    expect(logs.streams).toBeGreaterThan(50);
    expect(messages).toContain(`200 POST ${url}/oauth/token`);
    expect(messages).toContain(`200 GET ${url}/v1/me`);
    expect(messages).toContain(`401 POST ${url}/oauth/token`);
    // (Core censors the account slug in URLs: it is an auth data value whose key it does not know as safe.)
    expect(messages.some((message) => message.startsWith(`422 POST ${url}/`) && message.endsWith('/v1/clients'))).toBe(true);
    const bodies = logs.records.map((record) => textOf(record.data?.['request_data'] ?? ''));
    for (const grant of ['client_credentials', 'password', 'refresh_token'])
      expect(bodies.some((body) => body.includes(`grant_type=${grant}`))).toBe(true);
    expect(
      logs.records.filter((record) => /^authorization: /im.test(textOf(record.data?.['request_headers'] ?? ''))).length,
    ).toBeGreaterThan(20);
    // Every z.request the app sent to the sandbox is in the log, renewals and failures included.
    const sent = context.sandbox.log.entries();
    expect(logs.records.filter((record) => record.data?.['request_type'] === 'devplatform-outbound').length).toBeGreaterThanOrEqual(
      sent.length,
    );
    // Failed invocations are logged with their error and stack, as on Zapier.
    expect(logs.records.filter((record) => record.data?.['log_type'] === 'error').length).toBeGreaterThanOrEqual(9);
    expect(rows.length).toBeGreaterThan(20);

    // Every token issued in the run was harvested: one access token per token the sandbox gave, and a refresh token per password grant or refresh.
    const issued = sent.filter((entry) => entry.path === '/oauth/token' && entry.status === 200);
    const names = [...secrets.values()];
    expect(names.filter((name) => name.startsWith('access_token'))).toHaveLength(issued.length);
    expect(names.filter((name) => name.startsWith('refresh_token'))).toHaveLength(
      issued.filter((entry) => entry.grantType !== 'client_credentials').length,
    );
    expect(errors.length).toBeGreaterThanOrEqual(9);

    const app = context.App as unknown as Partial<Record<StepKind, Record<string, { operation: { sample?: unknown } }>>>;
    const samples = (['triggers', 'searches', 'creates'] as const).flatMap((kind) =>
      Object.entries(app[kind] ?? {}).map(([key, step]) => ({
        where: `sample of ${kind}.${key}`,
        text: JSON.stringify(step.operation.sample ?? null),
      })),
    );
    const files = [
      ...filesUnder(join(ROOT, 'test/fixtures'), () => true),
      ...filesUnder(join(ROOT, 'test'), (name) => name.endsWith('.snap')),
    ].map((path) => ({ where: path.slice(ROOT.length), text: readFileSync(path, 'utf8') }));
    const pieces: Shown[] = [
      ...logs.records.flatMap((record, index) =>
        leaves(record, `log line ${index + 1} "${String(record.message).split('\n')[0]?.slice(0, 90) ?? ''}"`),
      ),
      ...logs.lines.map((line, index) => ({ where: `log line ${index + 1} as sent (NDJSON)`, text: line })),
      ...shown,
      ...errors.flatMap(({ where, error }) => errorTexts(`error thrown by ${where}`, error)),
      ...sent.map((entry, index) => ({ where: `sandbox request log entry ${index + 1}`, text: JSON.stringify(entry) })),
      { where: 'the app definition', text: JSON.stringify(context.App) },
      ...samples,
      ...files,
    ];
    expect(files.length).toBeGreaterThan(0);
    expect(samples.length).toBeGreaterThan(20);

    // Each find reads: which secret, in which encoding, where, and the text around it (secrets masked).
    const findings = scan(pieces, patternsOf()).map(
      ({ secret, encoding, where, excerpt }) => `${secret}, ${encoding}, in ${where}: …${excerpt}…`,
    );
    expect(findings).toEqual([]);
  });
});
