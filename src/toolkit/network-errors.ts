/** Failures below HTTP (refused, reset, timed out): named by their cause, never by their URL. */

/** node-fetch reports them as FetchError; its message embeds the full URL, so it is not shown. */
export const isNetworkError = (error: unknown): error is Error => error instanceof Error && error.name === 'FetchError';

/** `ECONNRESET`, or the reason node-fetch gives when the system gave no code. */
export const networkReason = (error: Error): string => {
  const code = (error as Error & { code?: unknown }).code;
  if (typeof code === 'string' && code !== '') return code;
  return /reason: (.*)$/.exec(error.message)?.[1] ?? 'network error';
};
