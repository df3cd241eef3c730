/**
 * A session built on OAuth 2.0 token grants: the `sessionConfig.perform` of a Zapier app that
 * exchanges stored credentials for a bearer token, keeping what renewals need.
 *
 * Grant choice: a refresh token (password grant only) is tried first and, when rejected, a full
 * password exchange follows; with a username and password the password grant is used;
 * otherwise client credentials.
 */
import type { Bundle, HttpResponse, ZObject } from 'zapier-platform-core';
import { appError, ErrorCode } from './app-errors.js';
import { describeTokenError, invalidClient, type TokenFailure } from './token-errors.js';
import { afterNetworkFailure, isNetworkError, networkReason } from './network-errors.js';
import { withRetries } from './retry-policy.js';
import { buildTokenRequest, type ClientAuthentication, type ClientCredentials, type Grant } from './token-request.js';
import { DEFAULT_LIFETIME_SECONDS, MAX_LIFETIME_SECONDS, nowInSeconds } from './token-timing.js';
import type { ServiceWords } from './service-words.js';
import { hasLoneSurrogate } from './text.js';

export interface TokenEndpoint {
  /** The service and its credentials in its users' words, for messages. */
  words: ServiceWords;
  /**
   * Read when a request is built, from the connection (a customer's environment URL) or the
   * process (so tests and staging can point elsewhere).
   */
  tokenUrl: (bundle: Bundle) => string;
  /** How to send the client credentials, from what the user chose on the connection. */
  clientAuthentication: (authData: Bundle['authData']) => ClientAuthentication;
}

/** What the session keeps in auth data. Values are strings, as Zapier stores them. */
export interface TokenState {
  access_token: string;
  /** Empty when the grant issues none (client credentials), which also drops a stale one. */
  refresh_token: string;
  token_issued_at: string;
  token_expires_at: string;
}

interface TokenResponseBody {
  access_token?: unknown;
  refresh_token?: unknown;
  expires_in?: unknown;
  error?: unknown;
  error_description?: unknown;
}

/** A 502/503/504 from the token endpoint, thrown so the retry policy sees its status. */
class UnavailableAnswer extends Error {
  readonly status: number;
  constructor(readonly response: HttpResponse) {
    super(`HTTP ${response.status}`);
    this.status = response.status;
  }
}

class TokenRejected extends Error {
  constructor(
    readonly failure: TokenFailure,
    readonly status: number,
    readonly error?: string,
  ) {
    super(failure.message);
  }
}

const clientOf = (authData: Bundle['authData']): ClientCredentials => ({
  clientId: (authData['client_id'] ?? '').trim(),
  clientSecret: authData['client_secret'] ?? '',
});

const asText = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

const CREDENTIAL_LABELS: Readonly<Record<string, string>> = {
  client_id: 'Client ID',
  client_secret: 'Client Secret',
  username: 'Username',
  password: 'Password',
};

/** What a bearer token may hold (RFC 6750 b64token): anything else cannot go in a header as it is. */
const SENDABLE_TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

/** Lifetime from a believable `expires_in`, else from the JWT's `exp`, else a safe default. */
const lifetimeOf = (body: TokenResponseBody, accessToken: string, issuedAt: number): number => {
  const expiresIn = Number(body.expires_in);
  if (Number.isFinite(expiresIn) && expiresIn > 0 && expiresIn <= MAX_LIFETIME_SECONDS) return expiresIn;
  try {
    const payload = accessToken.split('.')[1];
    const claims = payload ? (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown }) : {};
    const exp = Number(claims.exp);
    if (Number.isFinite(exp) && exp > issuedAt) return exp - issuedAt;
  } catch {
    // Not a JWT: fall through to the default.
  }
  return DEFAULT_LIFETIME_SECONDS;
};

const requestToken = async (z: ZObject, endpoint: TokenEndpoint, bundle: Bundle, grant: Grant): Promise<TokenState> => {
  const { headers, body } = buildTokenRequest(grant, clientOf(bundle.authData), endpoint.clientAuthentication(bundle.authData));
  let response;
  try {
    // Asking for a token again is harmless: the exchange is retried like a read (never on a 4xx).
    response = await withRetries(z, 'GET', `the ${endpoint.words.service} token request`, async () => {
      const answer = await z.request({ url: endpoint.tokenUrl(bundle), method: 'POST', headers, body, skipThrowForStatus: true });
      if (answer.status >= 502 && answer.status <= 504) throw new UnavailableAnswer(answer);
      return answer;
    }).catch((error: unknown) => {
      if (error instanceof UnavailableAnswer) return error.response;
      throw error;
    });
  } catch (error) {
    // Core raises a bare RefreshAuthError for any 401, before we could read the body.
    if (error instanceof Error && error.name === 'RefreshAuthError')
      throw new TokenRejected(invalidClient(endpoint.words), 401, 'invalid_client');
    if (isNetworkError(error)) {
      const message = `Could not reach ${endpoint.words.service}'s sign-in service (${networkReason(error)}).${afterNetworkFailure(error, endpoint.tokenUrl(bundle))}`;
      throw new TokenRejected({ message, credentialProblem: false }, 503);
    }
    throw error;
  }
  const data: unknown = response.data;
  const parsed: TokenResponseBody = typeof data === 'object' && data !== null ? data : {};
  const accessToken = asText(parsed.access_token);
  if (accessToken && response.status < 300 && !SENDABLE_TOKEN.test(accessToken)) {
    // Never quoted: it is a secret, and it may hold line breaks that would break the message.
    throw new TokenRejected(
      {
        credentialProblem: false,
        message: `${endpoint.words.service}'s sign-in service issued an access token that cannot be sent (it holds characters a token may not have). Nothing was kept. Try again; if it happens again, tell ${endpoint.words.service}'s support.`,
      },
      502,
    );
  }
  if (response.status >= 400 || !accessToken) {
    const error = asText(parsed.error);
    throw new TokenRejected(
      describeTokenError(endpoint.words, grant.type, response.status, error, asText(parsed.error_description)),
      response.status,
      error,
    );
  }
  const issuedAt = nowInSeconds();
  // A refresh that returns no new refresh token leaves the current one in force.
  const keptRefreshToken = grant.type === 'refresh_token' ? grant.refreshToken : '';
  return {
    access_token: accessToken,
    refresh_token: asText(parsed.refresh_token) ?? keptRefreshToken,
    token_issued_at: String(issuedAt),
    token_expires_at: String(issuedAt + lifetimeOf(parsed, accessToken, issuedAt)),
  };
};

const chooseGrant = (authData: Bundle['authData']): Grant => {
  const username = (authData['username'] ?? '').trim();
  const password = authData['password'] ?? '';
  return username && password ? { type: 'password', username, password } : { type: 'client_credentials' };
};

const exchange = async (z: ZObject, endpoint: TokenEndpoint, bundle: Bundle): Promise<TokenState> => {
  const grant = chooseGrant(bundle.authData);
  const refreshToken = bundle.authData['refresh_token'];
  if (grant.type === 'password' && refreshToken) {
    try {
      return await requestToken(z, endpoint, bundle, { type: 'refresh_token', refreshToken });
    } catch (error) {
      // A used, expired or revoked refresh token: sign in again with the password.
      if (!(error instanceof TokenRejected) || error.error !== 'invalid_grant') throw error;
    }
  }
  return requestToken(z, endpoint, bundle, grant);
};

/**
 * Refuses credentials that only the user can fix. While a Zap runs (auth data already holds a
 * token) the connection is expired, so Zapier asks for a reconnect instead of retrying; while
 * connecting, the message is shown as it is.
 */
export const refuseCredentials = (z: ZObject, bundle: Bundle, message: string, status = 401): Error =>
  bundle.authData['access_token']
    ? new z.errors.ExpiredAuthError(message)
    : appError(z, { code: ErrorCode.Authentication, status, message });

/** Exchanges the connection's credentials for a token; failures become messages a person can act on. */
export const fetchToken = async (z: ZObject, endpoint: TokenEndpoint, bundle: Bundle): Promise<TokenState> => {
  if (!clientOf(bundle.authData).clientId || !bundle.authData['client_secret']) {
    throw appError(z, {
      code: ErrorCode.Authentication,
      status: 401,
      message: `Enter both the Client ID and the Client Secret of ${endpoint.words.credential}.`,
    });
  }
  // A lone half of a character pair (a paste cut mid-emoji) cannot be encoded for sending.
  const broken = Object.keys(CREDENTIAL_LABELS).find((key) => hasLoneSurrogate(bundle.authData[key] ?? ''));
  if (broken) {
    throw appError(z, {
      code: ErrorCode.Authentication,
      status: 401,
      message: `The ${CREDENTIAL_LABELS[broken] ?? broken} holds a broken character that cannot be sent: copy it again from ${endpoint.words.service} and paste it whole.`,
    });
  }
  try {
    return await exchange(z, endpoint, bundle);
  } catch (error) {
    if (!(error instanceof TokenRejected)) throw error;
    // Before any token was stored, this is a first connection: the values were likely mistyped.
    const failure =
      error.error === 'invalid_client' && !bundle.authData['access_token'] ? invalidClient(endpoint.words, true) : error.failure;
    if (failure.credentialProblem) throw refuseCredentials(z, bundle, failure.message, error.status);
    throw appError(z, { code: ErrorCode.Api, status: error.status, message: failure.message });
  }
};
