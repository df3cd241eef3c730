/**
 * Access tokens for the environment client: JWT-looking strings (RS256 header, Scalekit-like
 * claims, a random signature) that the sandbox remembers with their expiry. Switches make the
 * next tokens short-lived, or make one token answer carry the overflowed `expires_in` seen in a
 * 2024 recorded response.
 */
import { randomBytes } from 'node:crypto';

export const DEFAULT_LIFETIME_SECONDS = 86399;
/** The nonsense value of the recorded response: a uint64 that wrapped around. */
const OVERFLOWED_EXPIRES_IN = '18446744064486179580';

export type TokenCheck = 'valid' | 'empty' | 'expired' | 'invalid';

const base64url = (value: object) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

export class TokenIssuer {
  private readonly expiries = new Map<string, number>();
  lifetimeSeconds = DEFAULT_LIFETIME_SECONDS;
  overflowNext = false;

  /** A new token valid from `now` for `lifetimeSeconds`; `expiresIn` is what the answer states. */
  issue(now: Date, issuer: string, clientId: string): { token: string; expiresIn: string } {
    const iat = Math.floor(now.getTime() / 1000);
    const exp = iat + this.lifetimeSeconds;
    const header = base64url({ alg: 'RS256', kid: 'snk_sandbox', typ: 'JWT' });
    const claims = base64url({
      client_id: clientId,
      sub: clientId,
      iss: issuer,
      iat,
      nbf: iat,
      exp,
      jti: `tkn_${randomBytes(8).toString('hex')}`,
    });
    const token = `${header}.${claims}.${randomBytes(32).toString('base64url')}`;
    this.expiries.set(token, exp * 1000);
    const expiresIn = this.overflowNext ? OVERFLOWED_EXPIRES_IN : String(this.lifetimeSeconds);
    this.overflowNext = false;
    return { token, expiresIn };
  }

  check(authorization: string | undefined, now: Date): TokenCheck {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
    if (token === undefined) return 'empty';
    const expiry = this.expiries.get(token);
    if (expiry === undefined) return 'invalid';
    return now.getTime() >= expiry ? 'expired' : 'valid';
  }

  /** Every token issued so far stops working at once. */
  revokeAll(): void {
    this.expiries.clear();
  }

  reset(): void {
    this.revokeAll();
    this.lifetimeSeconds = DEFAULT_LIFETIME_SECONDS;
    this.overflowNext = false;
  }
}
