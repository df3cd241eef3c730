/** Failures below HTTP (refused, reset, timed out): named by their cause, never by their URL. */

/** node-fetch reports them as FetchError; its message embeds the full URL, so it is not shown. */
export const isNetworkError = (error: unknown): error is Error => error instanceof Error && error.name === 'FetchError';

/** `ECONNRESET`, or the reason node-fetch gives when the system gave no code. */
export const networkReason = (error: Error): string => {
  const { code, type } = error as Error & { code?: unknown; type?: unknown };
  if (typeof code === 'string' && code !== '') return code;
  // node-fetch's own timeouts: no answer, or no whole body, within the request's timeout.
  if (type === 'request-timeout' || type === 'body-timeout') return 'no answer in time';
  return /reason: (.*)$/.exec(error.message)?.[1] ?? 'network error';
};

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The origin (`http://127.0.0.1:4010`) when a connection to this machine was refused: a local
 * server that is not running, which waiting will not fix. Only a loopback origin is ever named.
 */
const refusedLocalOrigin = (error: Error, url: string): string | undefined => {
  if (networkReason(error) !== 'ECONNREFUSED') return undefined;
  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  return parsed && LOOPBACK_HOSTS.has(parsed.hostname) ? parsed.origin : undefined;
};

/** What to do next: start the local server, or wait out an outage. */
export const afterNetworkFailure = (error: Error, url: string): string => {
  const origin = refusedLocalOrigin(error, url);
  return origin
    ? ` Nothing is listening at ${origin}, a local address: start the server it should reach, or point the integration at another host.`
    : ' Try again in a few minutes.';
};
