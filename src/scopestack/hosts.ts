/**
 * Where ScopeStack lives. Read when each request is built, so a test or a staging setup can
 * point the integration at another host (the local sandbox, for one) through the environment.
 */
export const SERVICE_NAME = 'ScopeStack';

const withoutTrailingSlash = (url: string): string => url.replace(/\/+$/, '');

/** Token host: `SCOPESTACK_AUTH_URL`, default https://app.scopestack.io. */
const authBaseUrl = (): string => withoutTrailingSlash(process.env['SCOPESTACK_AUTH_URL'] || 'https://app.scopestack.io');

/** API host: `SCOPESTACK_API_URL`, default https://api.scopestack.io. */
export const apiBaseUrl = (): string => withoutTrailingSlash(process.env['SCOPESTACK_API_URL'] || 'https://api.scopestack.io');

export const tokenUrl = (): string => `${authBaseUrl()}/oauth/token`;

/** The one unscoped call: who the token belongs to, and in which account. */
export const meUrl = (): string => `${apiBaseUrl()}/v1/me`;

/** Base of every account-scoped collection: `/{account-slug}/v1`. */
export const accountUrl = (accountSlug: string): string => `${apiBaseUrl()}/${encodeURIComponent(accountSlug)}/v1`;
