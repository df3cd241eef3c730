/**
 * The ScopeStack connection: a service account's Client ID and Secret exchanged for a 24-hour
 * bearer token (OAuth 2.0 client credentials), or, for older setups, the password grant. What
 * the exchange returns is kept in auth data, with the account, so no step needs `/v1/me`.
 */
import type { Authentication, Bundle, ZObject } from 'zapier-platform-core';
import { meUrl, SERVICE_NAME, tokenUrl } from './scopestack/hosts.js';
import { scopestackWords } from './scopestack/words.js';
import { appError, ErrorCode } from 'connector-toolkit/app-errors.js';
import { withRetries } from 'connector-toolkit/retry-policy.js';
import { scalarText } from 'connector-toolkit/text.js';
import { fetchToken, refuseCredentials, type TokenEndpoint, type TokenState } from 'connector-toolkit/token-session.js';

const CREDENTIALS_HELP =
  'In ScopeStack go to Settings > Users, open a user whose User Type is Service, select the Client Credentials tab ' +
  'and click New Credential. Copy the values from the dialog: they are shown only once.';

const tokenEndpoint: TokenEndpoint = {
  words: scopestackWords,
  tokenUrl,
  clientAuthentication: (authData) => (authData['client_auth'] === 'basic' ? 'basic' : 'body'),
};

/** The user behind a token, from `GET /v1/me` (type `mes`): the account every path is scoped to. */
interface Me {
  id: string;
  name: string;
  email: string;
  account_slug: string;
  account_id: string;
}

/** What the exchange keeps about the account and user, beside the token. */
interface AccountState {
  account_slug: string;
  account_id: string;
  user_name: string;
  user_email: string;
}

interface MeDocument {
  data?: { id?: unknown; attributes?: Record<string, unknown> };
}

const readMe = (body: MeDocument | undefined): Me => {
  const attributes = body?.data?.attributes ?? {};
  return {
    id: scalarText(body?.data?.id),
    name: scalarText(attributes['name']),
    email: scalarText(attributes['email']),
    account_slug: scalarText(attributes['account-slug']),
    account_id: scalarText(attributes['account-id']),
  };
};

/**
 * Checks a new token on `/v1/me` and reads its account. Done on every exchange (once a day), so
 * a credential moved to another user or account, or a deactivated user, is noticed here with a
 * clear message rather than as failing steps.
 */
const fetchAccount = async (z: ZObject, bundle: Bundle, accessToken: string): Promise<AccountState> => {
  const refused = (status: number) =>
    refuseCredentials(
      z,
      bundle,
      `${SERVICE_NAME} issued a token but refused it on /v1/me (HTTP ${status}). The service user may have been deactivated ` +
        'or removed from the account; check it in ScopeStack under Settings > Users, then reconnect.',
      status,
    );
  let response;
  try {
    response = await withRetries(z, 'GET', 'the /v1/me check', async () => {
      const answer = await z.request({
        url: meUrl(),
        method: 'GET',
        headers: { Authorization: `Bearer ${accessToken}` },
        skipThrowForStatus: true,
      });
      // A passing outage is retried like any read; the retry policy reads the status.
      if (answer.status >= 502 && answer.status <= 504) throw Object.assign(new Error(`HTTP ${answer.status}`), { status: answer.status });
      return answer;
    });
  } catch (error) {
    // Core turns the 401 into a bare RefreshAuthError, which inside the exchange would loop.
    if (error instanceof Error && error.name === 'RefreshAuthError') throw refused(401);
    const status = error instanceof Error && 'status' in error ? Number(error.status) : undefined;
    if (status !== undefined) throw unavailable(z, status);
    throw error;
  }
  if (response.status === 403) throw refused(403);
  if (response.status >= 400) throw unavailable(z, response.status);
  const me = readMe(response.data as MeDocument);
  if (!me.account_slug) {
    throw refuseCredentials(
      z,
      bundle,
      `${SERVICE_NAME} signed in the credential but named no account for its user. Check that the service user belongs to an account.`,
    );
  }
  return { account_slug: me.account_slug, account_id: me.account_id, user_name: me.name, user_email: me.email };
};

/** `/v1/me` failed for a reason that is ScopeStack's, not the credential's. */
const unavailable = (z: ZObject, status: number): Error =>
  appError(z, {
    code: ErrorCode.Api,
    status,
    message: `${SERVICE_NAME} signed the credential in, but could not say which account it belongs to (HTTP ${status} on /v1/me). Try again in a few minutes.`,
  });

/** Runs on connect and whenever Zapier renews the session: the token, then its account. */
const exchangeCredentials = async (z: ZObject, bundle: Bundle): Promise<TokenState & AccountState> => {
  const token = await fetchToken(z, tokenEndpoint, bundle);
  return { ...token, ...(await fetchAccount(z, bundle, token.access_token)) };
};

/** The connection test; its result feeds the connection label. */
const testConnection = async (z: ZObject): Promise<Me> => {
  const response = await withRetries(z, 'GET', 'the /v1/me check', () => z.request({ url: meUrl(), method: 'GET' }));
  const me = readMe(response.data as MeDocument);
  if (!me.account_slug)
    throw new z.errors.Error(`${SERVICE_NAME} answered /v1/me without an account. Reconnect.`, 'AuthenticationError', 401);
  return me;
};

/** "Zapier Integration (acme-it)"; a service user without a name shows its email. */
const connectionLabel = (_z: ZObject, bundle: Bundle<Partial<Me>>): Promise<string> =>
  Promise.resolve(`${bundle.inputData.name || bundle.inputData.email || 'Service account'} (${bundle.inputData.account_slug ?? ''})`);

export default {
  type: 'session',
  fields: [
    { key: 'client_id', label: 'Client ID', required: true, type: 'string', helpText: CREDENTIALS_HELP },
    {
      key: 'client_secret',
      label: 'Client Secret',
      required: true,
      type: 'password',
      helpText: 'The secret shown next to the Client ID when the credential was created or its secret last rotated.',
    },
    {
      key: 'client_auth',
      label: 'Send Credentials As',
      required: false,
      choices: { body: 'Form fields (default)', basic: 'HTTP Basic header' },
      helpText: 'How the Client ID and Secret reach ScopeStack. Leave empty unless ScopeStack support asks for HTTP Basic.',
    },
    {
      key: 'username',
      label: 'Username (Legacy Password Grant)',
      required: false,
      type: 'string',
      helpText:
        "Only for older integrations that sign in with account-level credentials and a user: the user's email. Leave blank for a service account credential.",
    },
    {
      key: 'password',
      label: 'Password (Legacy Password Grant)',
      required: false,
      type: 'password',
      helpText: 'The password of that user. Leave blank for a service account credential.',
    },
  ],
  sessionConfig: { perform: exchangeCredentials },
  test: testConnection,
  connectionLabel,
} satisfies Authentication;
