import { header, jsonResponse, type SandboxRequest, type SandboxResponse } from '../http/types.js';
import type { Services } from '../services.js';
import type { AccountClient, ServiceCredential } from '../store.js';
import { clientAuth, type ClientAuth } from './client-auth.js';
import { issueTokens } from './issue-token.js';
import { hashSecret, secretMatches } from './secrets.js';

/** RFC 6749 error descriptions, worded as Doorkeeper (the Rails OAuth server) words them. */
const DESCRIPTIONS = {
  invalid_request: 'The request is missing a required parameter, includes an unsupported parameter value, or is otherwise malformed.',
  invalid_client:
    'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.',
  invalid_grant:
    'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.',
  unauthorized_client: 'The client is not authorized to perform this request using this method.',
  unsupported_grant_type: 'The authorization grant type is not supported by the authorization server.',
} as const;

type OAuthError = keyof typeof DESCRIPTIONS;
const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' };

function oauthError(
  error: OAuthError,
  status: number,
  extra: Record<string, string> = {},
  description: string = DESCRIPTIONS[error],
): SandboxResponse {
  const response = jsonResponse(status, { error, error_description: description });
  return { ...response, headers: { ...response.headers, ...NO_STORE, ...extra } };
}

function tokenResponse(body: object): SandboxResponse {
  const response = jsonResponse(200, body);
  return { ...response, headers: { ...response.headers, ...NO_STORE } };
}

type AuthenticatedClient = { kind: 'service'; credential: ServiceCredential } | { kind: 'account'; client: AccountClient };

function authenticateClient(auth: ClientAuth, services: Services): AuthenticatedClient | undefined {
  const { credentials, accountClients } = services.store.state;
  for (const pair of auth.candidates) {
    const credential = credentials.find(
      (candidate) => candidate.clientId === pair.clientId && secretMatches(pair.clientSecret, candidate.secretHash),
    );
    if (credential !== undefined) return { kind: 'service', credential };
    const client = accountClients.find(
      (candidate) => candidate.clientId === pair.clientId && secretMatches(pair.clientSecret, candidate.secretHash),
    );
    if (client !== undefined) return { kind: 'account', client };
  }
  return undefined;
}

function clientCredentialsGrant(client: AuthenticatedClient, services: Services, issuer: string): SandboxResponse {
  if (client.kind !== 'service') return oauthError('unauthorized_client', 400);
  const identity = services.store.identity(client.credential.userId);
  if (identity?.userType !== 'service') return oauthError('invalid_client', 401);
  return tokenResponse(issueTokens(services, issuer, identity, client.credential.clientId, 'client_credentials', false));
}

/** The legacy password grant; a redirect_uri is refused the way the troubleshooting page describes. */
function passwordGrant(form: URLSearchParams, client: AuthenticatedClient, services: Services, issuer: string): SandboxResponse {
  if (client.kind !== 'account') return oauthError('unauthorized_client', 400);
  if (form.has('redirect_uri')) return oauthError('invalid_grant', 400);
  const username = form.get('username');
  const password = form.get('password');
  if (username === null || password === null || username === '') return oauthError('invalid_request', 400);
  const identity = services.store.state.identities.find(
    (candidate) =>
      candidate.accountId === client.client.accountId &&
      candidate.email.toLowerCase() === username.toLowerCase() &&
      candidate.passwordHash !== null &&
      secretMatches(password, candidate.passwordHash),
  );
  if (identity === undefined) return oauthError('invalid_grant', 400);
  return tokenResponse(issueTokens(services, issuer, identity, client.client.clientId, 'password', true));
}

/** Refresh tokens rotate: each one works once, and only for the client it was issued to. */
function refreshTokenGrant(form: URLSearchParams, client: AuthenticatedClient, services: Services, issuer: string): SandboxResponse {
  if (client.kind !== 'account') return oauthError('unauthorized_client', 400);
  const token = form.get('refresh_token');
  if (token === null || token === '') return oauthError('invalid_request', 400);
  const tokenHash = hashSecret(token);
  const grant = services.store.state.refreshTokens.find((candidate) => candidate.tokenHash === tokenHash);
  if (grant === undefined || grant.used || grant.clientId !== client.client.clientId) return oauthError('invalid_grant', 400);
  const identity = services.store.identity(grant.userId);
  if (identity === undefined) return oauthError('invalid_grant', 400);
  grant.used = true;
  return tokenResponse(issueTokens(services, issuer, identity, client.client.clientId, 'refresh_token', true));
}

const GRANTS = ['client_credentials', 'password', 'refresh_token'];

/** POST /oauth/token (form-encoded; client auth in the body or as HTTP Basic). */
export function handleToken(request: SandboxRequest, services: Services): SandboxResponse {
  if (request.method !== 'POST') return oauthError('invalid_request', 405, { allow: 'POST' }, 'The token endpoint accepts only POST.');
  const contentType = (header(request, 'content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (contentType !== 'application/x-www-form-urlencoded') {
    return oauthError('invalid_request', 400, {}, 'The request body must be application/x-www-form-urlencoded.');
  }
  const form = new URLSearchParams(request.body.toString('utf8'));
  const grantType = form.get('grant_type');
  if (grantType === null || grantType === '') return oauthError('invalid_request', 400);
  if (!GRANTS.includes(grantType)) return oauthError('unsupported_grant_type', 400);
  const auth = clientAuth(request, form);
  if (auth.conflicting) return oauthError('invalid_request', 400, {}, 'Use one client authentication method, not two.');
  const client = authenticateClient(auth, services);
  if (client === undefined) {
    return oauthError('invalid_client', 401, auth.method === 'basic' ? { 'www-authenticate': 'Basic realm="ScopeStack Sandbox"' } : {});
  }
  if (grantType === 'client_credentials') return clientCredentialsGrant(client, services, request.base);
  if (grantType === 'password') return passwordGrant(form, client, services, request.base);
  return refreshTokenGrant(form, client, services, request.base);
}
