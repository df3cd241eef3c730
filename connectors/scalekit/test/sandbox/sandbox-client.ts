/**
 * Real HTTP against a started Scalekit sandbox, with fetch. Written apart from the sandbox's own
 * code: it only knows the wire format from the API notes.
 */
import { afterAll, beforeAll, beforeEach } from '@jest/globals';
import { startScalekitSandbox, type ScalekitSandbox } from '../../sandbox/index.js';

export interface Reply<T> {
  status: number;
  headers: Headers;
  text: string;
  body: T;
}

export interface ErrorJson {
  code: number;
  message: string;
  details: {
    '@type': string;
    error_code: string;
    validation_error_info?: { field_violations: { field: string; constraint: string; description: string }[] };
  }[];
}

export interface OrgJson {
  id: string;
  create_time: string;
  update_time: string;
  display_name: string;
  region_code: string;
  external_id?: string;
  metadata: Record<string, string>;
  slug?: string;
}

interface MembershipJson {
  organization_id: string;
  membership_status: string;
  join_time?: string;
  created_at?: string;
  expires_at?: string;
  inviter_email: string;
  roles: { id: string; name: string; display_name: string }[];
  metadata: Record<string, string>;
}

export interface UserJson {
  id: string;
  email: string;
  external_id?: string;
  environment_id: string;
  create_time: string;
  metadata: Record<string, string>;
  memberships: MembershipJson[];
  user_profile: { given_name: string; family_name: string; name: string };
}

export interface Paged {
  next_page_token: string;
  prev_page_token: string;
  total_size: number;
}

export interface ConnectionJson {
  id: string;
  provider: string;
  type: string;
  status: string;
  enabled: boolean;
  organization_id: string;
  organization_name: string;
  domains: string[];
}

/** Starts one sandbox for the file, resets it before each test; `current()` gives it. */
export function useSandbox(): () => ScalekitSandbox {
  let sandbox: ScalekitSandbox | undefined;
  beforeAll(async () => {
    sandbox = await startScalekitSandbox();
  });
  afterAll(async () => {
    await sandbox?.close();
  });
  beforeEach(() => {
    sandbox?.reset();
  });
  return () => {
    if (sandbox === undefined) throw new Error('sandbox not started');
    return sandbox;
  };
}

/** The JSON of an answer, or undefined when it is empty or not JSON (HTML pages, broken bodies). */
function parsed(text: string): unknown {
  try {
    return text === '' ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

async function reply<T>(response: Response): Promise<Reply<T>> {
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: parsed(text) as T };
}

export async function requestToken(sandbox: ScalekitSandbox, form: Record<string, string>): Promise<Reply<Record<string, unknown>>> {
  const response = await fetch(`${sandbox.url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
  return reply(response);
}

export async function token(sandbox: ScalekitSandbox): Promise<string> {
  const answer = await requestToken(sandbox, {
    grant_type: 'client_credentials',
    client_id: sandbox.seed.clientId,
    client_secret: sandbox.seed.clientSecret,
  });
  const accessToken = answer.body['access_token'];
  if (typeof accessToken !== 'string') throw new Error(`no token: ${answer.text}`);
  return accessToken;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
}

/** One call to the sandbox; with no `token` option a fresh token is fetched first (pass '' for none). */
export async function call<T = Record<string, unknown>>(
  sandbox: ScalekitSandbox,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<Reply<T>> {
  const bearer = options.token ?? (await token(sandbox));
  const headers: Record<string, string> = bearer === '' ? {} : { authorization: `Bearer ${bearer}` };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${sandbox.url}${path}`, {
    method,
    headers,
    ...(options.body === undefined ? {} : { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) }),
  });
  return reply<T>(response);
}

export async function admin<T = Record<string, unknown>>(
  sandbox: ScalekitSandbox,
  method: string,
  path: string,
  body?: unknown,
): Promise<Reply<T>> {
  const response = await fetch(`${sandbox.url}/__admin${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  return reply<T>(response);
}

/** The ErrorInfo detail every gRPC Status body carries. */
export const errorInfo = (errorCode: string) => ({
  '@type': 'type.googleapis.com/scalekit.v1.errdetails.ErrorInfo',
  error_code: errorCode,
});

export const decodePageToken = (pageToken: string): unknown => JSON.parse(Buffer.from(pageToken, 'base64').toString('utf8'));
