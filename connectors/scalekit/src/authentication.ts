/**
 * The Scalekit connection: an environment's Client ID and Secret exchanged for a bearer token at
 * `{environment_url}/oauth/token` (OAuth 2.0 client credentials, credentials in the form body).
 * Core renews the session on a 401, so the token's stated lifetime is never relied on.
 */
import type { Authentication, Bundle, ZObject } from 'zapier-platform-core';
import { appError, ErrorCode } from 'connector-toolkit/app-errors.js';
import { fetchToken, type TokenEndpoint, type TokenState } from 'connector-toolkit/token-session.js';
import { checkEnvironmentUrl, environmentOf } from './scalekit/environment.js';
import { scalekitWords } from './scalekit/words.js';

const tokenEndpoint: TokenEndpoint = {
  words: scalekitWords,
  tokenUrl: (bundle) => `${environmentOf(bundle.authData)}/oauth/token`,
  clientAuthentication: () => 'body',
};

/** The environment URL is checked before the credentials go anywhere. */
const exchangeCredentials = (z: ZObject, bundle: Bundle): Promise<TokenState> => {
  const check = checkEnvironmentUrl(bundle.authData['environment_url']);
  if (!check.ok)
    throw appError(z, { code: ErrorCode.Authentication, status: 400, message: `Nothing was sent to Scalekit: ${check.problem}` });
  return fetchToken(z, tokenEndpoint, bundle);
};

/** One page of organizations proves the token works in this environment. */
const testConnection = async (z: ZObject, bundle: Bundle): Promise<{ host: string; organizations: number }> => {
  const environment = environmentOf(bundle.authData);
  const response = await z.request({ url: `${environment}/api/v1/organizations`, params: { page_size: '10' } });
  const total = Number((response.data as { total_size?: unknown } | undefined)?.total_size);
  return { host: new URL(environment).host, organizations: Number.isFinite(total) ? total : 0 };
};

export default {
  type: 'session',
  fields: [
    {
      key: 'environment_url',
      label: 'Environment URL',
      required: true,
      type: 'string',
      helpText: 'The address of your Scalekit environment, such as https://yourapp.scalekit.com: in Scalekit, Settings > API Config.',
    },
    {
      key: 'client_id',
      label: 'Client ID',
      required: true,
      type: 'string',
      helpText: "The environment's Client ID, on the same page (Settings > API Config).",
    },
    {
      key: 'client_secret',
      label: 'Client Secret',
      required: true,
      type: 'password',
      helpText: 'A client secret of that environment. Scalekit shows a new secret only once: create one there if you no longer have it.',
    },
  ],
  sessionConfig: { perform: exchangeCredentials },
  test: testConnection,
  // The environment's host tells connections to several environments apart.
  connectionLabel: (_z: ZObject, bundle: Bundle<{ host?: string }>) => Promise.resolve(bundle.inputData.host ?? ''),
} satisfies Authentication;
