import { graceSeconds, isFresh, needsRenewal, readTokenTimes } from '../src/token-timing.js';

const issued = 1_000_000;
const token = (lifetime: number) => ({ issuedAt: issued, expiresAt: issued + lifetime });

describe('token timing', () => {
  it.each([
    [86400, 300],
    [7200, 300],
    [600, 60],
    [60, 6],
    [0, 0],
  ])('a %i-second token gets a grace period of %i seconds', (lifetime, grace) => {
    expect(graceSeconds(token(lifetime))).toBe(grace);
  });

  it('renews a 24-hour token five minutes before it expires, not earlier', () => {
    expect(needsRenewal(token(86400), issued + 86400 - 301)).toBe(false);
    expect(needsRenewal(token(86400), issued + 86400 - 300)).toBe(true);
  });

  it('does not consider a just-issued 60-second token due for renewal (no renewal loop)', () => {
    expect(needsRenewal(token(60), issued)).toBe(false);
    expect(needsRenewal(token(60), issued + 53)).toBe(false);
    expect(needsRenewal(token(60), issued + 54)).toBe(true);
  });

  it('treats a token as fresh only within its grace period after issue', () => {
    expect(isFresh(token(86400), issued + 299)).toBe(true);
    expect(isFresh(token(86400), issued + 300)).toBe(false);
  });

  it('reads the times kept in auth data and ignores missing ones', () => {
    expect(readTokenTimes({ token_issued_at: '10', token_expires_at: '70' })).toEqual({ issuedAt: 10, expiresAt: 70 });
    expect(readTokenTimes({})).toBeUndefined();
  });

  // Unknown times leave the token in use until the service refuses it, instead of renewing it before every request.
  it.each([
    ['an expiry of 0', { token_issued_at: '10', token_expires_at: '0' }],
    ['an empty expiry', { token_issued_at: '10', token_expires_at: '' }],
    ['an expiry of Infinity', { token_issued_at: '10', token_expires_at: 'Infinity' }],
    ['an unreadable issue time', { token_issued_at: 'yesterday', token_expires_at: '70' }],
    ['no issue time', { token_expires_at: '70' }],
  ])('treats stored times with %s as unknown', (_case, authData) => {
    expect(readTokenTimes(authData)).toBeUndefined();
  });
});
