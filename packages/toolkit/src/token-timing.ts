/**
 * When a bearer token should be renewed, and when it counts as fresh. Both use one grace
 * period that is a small fraction of the token's lifetime, capped at a few minutes: a 24-hour
 * token is renewed five minutes early, a 60-second token six seconds early (a fixed
 * five-minute margin would make every 60-second token look expired and renew forever).
 */

/** Longest grace period, in seconds. */
const MAX_GRACE_SECONDS = 300;
/** Share of the lifetime used as grace period. */
const GRACE_SHARE = 0.1;
/** Lifetime assumed when the server states none. */
export const DEFAULT_LIFETIME_SECONDS = 3600;
/**
 * A stated lifetime beyond this is not believed (one server sent 18446744064486179580 seconds, an
 * unsigned overflow): the token's own expiry, or the default, is used instead, and a 401 renews it anyway.
 */
export const MAX_LIFETIME_SECONDS = 366 * 24 * 3600;

export interface TokenTimes {
  /** Epoch seconds when the token was received. */
  issuedAt: number;
  /** Epoch seconds when the server said it stops working. */
  expiresAt: number;
}

export const nowInSeconds = (): number => Math.floor(Date.now() / 1000);

export const graceSeconds = (times: TokenTimes): number =>
  Math.min(MAX_GRACE_SECONDS, Math.floor(Math.max(0, times.expiresAt - times.issuedAt) * GRACE_SHARE));

/** True once the token is inside its grace period before expiry (or past it). */
export const needsRenewal = (times: TokenTimes, now: number): boolean => now >= times.expiresAt - graceSeconds(times);

/**
 * A token this young was just issued: renewing it again cannot help. At least a minute, however
 * short the token's life, so that a step retried after a renewal still counts its token as new.
 */
const MIN_FRESH_SECONDS = 60;

/** True while the token is younger than its grace period (at least a minute): renewing it again cannot help. */
export const isFresh = (times: TokenTimes, now: number): boolean => now - times.issuedAt < Math.max(MIN_FRESH_SECONDS, graceSeconds(times));

/** Reads the times kept in auth data; undefined when they are missing or unreadable. */
export const readTokenTimes = (authData: Readonly<Record<string, unknown>>): TokenTimes | undefined => {
  const issuedAt = Number(authData['token_issued_at']);
  const expiresAt = Number(authData['token_expires_at']);
  return Number.isFinite(issuedAt) && Number.isFinite(expiresAt) && expiresAt > 0 ? { issuedAt, expiresAt } : undefined;
};
