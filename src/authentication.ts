/**
 * The ScopeStack connection: a service account's Client ID and Secret exchanged for a 24-hour
 * bearer token (OAuth 2.0 client credentials), or, for older setups, the password grant. What
 * the exchange returns is kept in auth data, with the account so no step needs `/v1/me`.
 */
import type { Authentication, Bundle, ZObject } from 'zapier-platform-core';
import { meUrl, SERVICE_NAME, tokenUrl } from './scopestack/hosts.js';
import { fetchToken, type TokenEndpoint, type TokenState } from './toolkit/token-session.js';
import { appError, ErrorCode } from './toolkit/app-errors.js';

const CREDENTIALS_HELP =
  'In ScopeStack go to Settings > Users, open a user whose User Type is Service, select the Client Credentials tab ' +
  'and click New Credential. Copy the values from the dialog: they are shown only once.';

const tokenEndpoint: TokenEndpoint = {
  service: SERVICE_NAME,
  tokenUrl,
  clientAuthentication: (authData) => (authData['client_auth'] === 'basic' ? 'basic' : 'body'),
};

/** Who the token belongs to: the account every later path is scoped to. */
interface AccountState {
  account_slug: string;
  account_id: string;
  user_name: string;
  user_email: string;
}

/** The user behind a token, from `GET /v1/me` (type `mes`). */
interface Me {
  id: string;
  name: string;
  email: string;
  account_slug: string;
  account_id: string;
}

const readMe = (body: { data?: { id?: unknown; attributes?: Record<string, unknown> } } | undefined): Me => {
  const attributes = body?.data?.attributes ?? {};
  const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));
  return {
    id: text(body?.data?.id),
    name: text(attributes['name']),
    email: text(attributes['email']),
    account_slug: text(attributes['account-slug']),
    account_id: text(attributes['account-id']),
  };
};

const fetchAccount = async (z: ZObject, accessToken: string): Promise<AccountState> => {
  const response = await z.request({ url: meUrl(), method: 'GET', headers: { Authorization: `Bearer ${accessToken}` } });
  const me = readMe(response.data);
  if (!me.account_slug) {
    throw appError(z, {
      code: ErrorCode.Authentication,
      message: `${SERVICE_NAME} signed in the credential but named no account for its user. Check that the service user belongs to an account.`,
    });
  }
  return { account_slug: me.account_slug, account_id: me.account_id, user_name: me.name, user_email: me.email };
};

const accountOf = (authData: Bundle['authData']): AccountState | undefined =>
  authData['account_slug']
    ? {
        account_slug: authData['account_slug'],
        account_id: authData['account_id'] ?? '',
        user_name: authData['user_name'] ?? '',
        user_email: authData['user_email'] ?? '',
      }
    : undefined;

/**
 * Runs on connect and whenever Zapier renews the session. A renewal (auth data already holds a
 * token) keeps the account it knows, so it costs one request: the token exchange.
 */
const exchangeCredentials = async (z: ZObject, bundle: Bundle): Promise<TokenState & AccountState> => {
  const token = await fetchToken(z, tokenEndpoint, bundle);
  const known = bundle.authData['access_token'] ? accountOf(bundle.authData) : undefined;
  return { ...token, ...(known ?? (await fetchAccount(z, token.access_token))) };
};

/** The connection test; its result feeds the connection label. */
const testConnection = async (z: ZObject): Promise<Me> => readMe((await z.request({ url: meUrl(), method: 'GET' })).data);

export default {
  type: 'session',
  fields: [
    { key: 'client_id', label: 'Client ID', required: true, type: 'string', helpText: CREDENTIALS_HELP },
    { key: 'client_secret', label: 'Client Secret', required: true, type: 'password', helpText: 'The secret shown next to the Client ID when the credential was created or its secret last rotated.' },
    {
      key: 'client_auth',
      label: 'Send Credentials As',
      required: false,
      default: 'body',
      choices: { body: 'Form fields (recommended)', basic: 'HTTP Basic header' },
      helpText: 'How the Client ID and Secret reach ScopeStack. Keep the default unless ScopeStack support asks for HTTP Basic.',
    },
    {
      key: 'username',
      label: 'Username (Legacy Password Grant)',
      required: false,
      type: 'string',
      helpText: 'Only for older integrations that sign in with account-level credentials and a user: the user\'s email. Leave blank for a service account credential.',
    },
    { key: 'password', label: 'Password (Legacy Password Grant)', required: false, type: 'password', helpText: 'The password of that user. Leave blank for a service account credential.' },
  ],
  sessionConfig: { perform: exchangeCredentials },
  test: testConnection,
  connectionLabel: '{{name}} ({{account_slug}})',
} satisfies Authentication;
