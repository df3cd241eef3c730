/**
 * The environment URL a Scalekit customer types (`https://acme.scalekit.com`): every request of
 * the connection goes under it, the token included, so it is checked before anything is sent.
 */

/** A local sandbox may be plain http; anything else must be https. */
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost']);

export type EnvironmentCheck = { ok: true; url: string } | { ok: false; problem: string };

const ACCEPTED = 'Environment URL must be the https address of your Scalekit environment, such as https://yourapp.scalekit.com';

/** The URL as typed, without a trailing slash, or why it cannot be one. */
export const checkEnvironmentUrl = (typed: unknown): EnvironmentCheck => {
  const text = typeof typed === 'string' ? typed.trim().replace(/\/+$/, '') : '';
  if (!URL.canParse(text)) return { ok: false, problem: `${ACCEPTED}.` };
  const url = new URL(text);
  const local = LOCAL_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !(local && url.protocol === 'http:'))
    return { ok: false, problem: `${ACCEPTED} (it starts with https://).` };
  if (url.username || url.password) return { ok: false, problem: `${ACCEPTED}, without a user name or password in it.` };
  if (url.pathname !== '/' || url.search || url.hash) {
    return { ok: false, problem: `${ACCEPTED}, without a path: copy it from Scalekit's API Config page (Settings > API Config).` };
  }
  return { ok: true, url: url.origin };
};

/** The checked environment URL of a connection, or '' when it has none that passes (requests then go nowhere). */
export const environmentOf = (authData: Record<string, string | undefined>): string => {
  const check = checkEnvironmentUrl(authData['environment_url']);
  return check.ok ? check.url : '';
};
