/** One builder for test bundles, so every test states only what matters to it. */
import { nowInSeconds } from 'connector-toolkit/token-timing.js';

export const API = 'https://api.scopestack.test';
export const AUTH = 'https://app.scopestack.test';
export const SLUG = 'example-it';
export const CLIENT_SECRET = 'zap &%+=# sécret';
export const ACCESS_TOKEN = 'header.payload-of-a-live-token.signature';

/** Points the integration at hosts that nock intercepts. */
export const useTestHosts = (): void => {
  process.env['SCOPESTACK_API_URL'] = API;
  process.env['SCOPESTACK_AUTH_URL'] = AUTH;
};

type AuthData = Record<string, string>;

/** Auth data as the session exchange leaves it, with a token of `lifetime` seconds issued `age` seconds ago. */
export const connectedAuthData = ({
  lifetime = 86400,
  age = 3600,
  ...overrides
}: { lifetime?: number; age?: number; [key: string]: string | number | undefined } = {}): AuthData => {
  const issuedAt = nowInSeconds() - age;
  return {
    client_id: 'service-client-id',
    client_secret: CLIENT_SECRET,
    access_token: ACCESS_TOKEN,
    refresh_token: '',
    token_issued_at: String(issuedAt),
    token_expires_at: String(issuedAt + lifetime),
    account_slug: SLUG,
    account_id: '42',
    user_name: 'Zapier Integration',
    user_email: 'zapier@example-it.example',
    ...(overrides as AuthData),
  };
};

export const bundleWith = (inputData: Record<string, unknown> = {}, authData: AuthData = connectedAuthData()) => ({
  authData,
  inputData,
  meta: { page: 0 },
});
