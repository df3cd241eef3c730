/** Small HTTP helpers for the sandbox tests: real requests with global fetch, nothing mocked. */
import { SEED, startSandbox, type Sandbox } from '../../sandbox/index.js';

const JSON_API = 'application/vnd.api+json';
export const SLUG = SEED.account.slug;

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  body: unknown;
}

async function reply(response: Response): Promise<Reply> {
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, text, body };
}

/** POST /oauth/token with an already encoded form body and optional extra headers. */
export async function tokenRequest(sandbox: Sandbox, form: string | URLSearchParams, headers: Record<string, string> = {}): Promise<Reply> {
  return reply(
    await fetch(`${sandbox.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: form.toString(),
    }),
  );
}

export function basic(id: string, secret: string): string {
  return `Basic ${Buffer.from(`${id}:${secret}`, 'utf8').toString('base64')}`;
}

/** A client_credentials token request with the id and secret form-encoded in the body. */
export function clientCredentialsRequest(sandbox: Sandbox, clientId: string, clientSecret: string): Promise<Reply> {
  return tokenRequest(sandbox, new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }));
}

export async function clientCredentialsToken(sandbox: Sandbox, clientId: string, clientSecret: string): Promise<string> {
  const answer = await clientCredentialsRequest(sandbox, clientId, clientSecret);
  const body = answer.body as { access_token?: string };
  if (answer.status !== 200 || body.access_token === undefined) throw new Error(`token request failed: ${answer.status} ${answer.text}`);
  return body.access_token;
}

export function adminToken(sandbox: Sandbox): Promise<string> {
  return clientCredentialsToken(sandbox, SEED.serviceUser.clientId, SEED.serviceUser.clientSecret);
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  accept?: string | null;
  contentType?: string;
}

/** An API call; Accept and (for bodies) Content-Type default to application/vnd.api+json. */
export async function call(sandbox: Sandbox, method: string, path: string, options: CallOptions = {}): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (options.accept !== null) headers['accept'] = options.accept ?? JSON_API;
  if (options.token !== undefined) headers['authorization'] = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = options.contentType ?? JSON_API;
  return reply(
    await fetch(`${sandbox.url}${path}`, {
      method,
      headers,
      ...(options.body === undefined ? {} : { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) }),
    }),
  );
}

export interface ResourceObject {
  id: string;
  type: string;
  attributes: Record<string, unknown>;
  relationships: Record<string, { links: { self: string; related: string }; data?: unknown }>;
  links: Record<string, string>;
}

export interface ListBody {
  data: ResourceObject[];
  included?: ResourceObject[];
  meta: { 'record-count': number; 'page-count': number; permissions: Record<string, boolean> };
  links: Record<string, string>;
}

export const list = (answer: Reply) => answer.body as ListBody;
export const one = (answer: Reply) => (answer.body as { data: ResourceObject; included?: ResourceObject[] }).data;
export const ids = (answer: Reply) => list(answer).data.map((resource) => resource.id);

/** One sandbox for the test file, reset to the seed before each test: `use` gets it once it has started. */
export const useFreshSandbox = (use: (sandbox: Sandbox) => void): void => {
  let sandbox: Sandbox | undefined;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
    use(sandbox);
  });
  afterAll(() => sandbox?.close());
  beforeEach(() => {
    if (!sandbox) throw new Error('The sandbox did not start.');
    sandbox.admin.reset();
  });
};

/**
 * One sandbox for the test file, reset before each test, with a fresh admin token: `use` gets
 * both whenever they change.
 */
export const useAdminSession = (use: (sandbox: Sandbox, token: string) => void): void => {
  let sandbox: Sandbox | undefined;
  useFreshSandbox((started) => {
    sandbox = started;
  });
  beforeEach(async () => {
    if (!sandbox) throw new Error('The sandbox did not start.');
    use(sandbox, await adminToken(sandbox));
  });
};
