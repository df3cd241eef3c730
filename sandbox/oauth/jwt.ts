import { createHmac, timingSafeEqual } from 'node:crypto';
import { isJsonObject, parseJson, type JsonObject } from '../json.js';

/**
 * Access tokens are JWTs (HS256) so clients can decode `exp` as they do with ScopeStack's
 * tokens. The key is a fixed sandbox constant: tokens survive a restart with a data file,
 * and nothing they protect is real.
 */
const SANDBOX_SIGNING_KEY = 'scopestack-sandbox-signing-key-not-a-secret';

export interface TokenClaims {
  iss: string;
  sub: string;
  aud: string;
  iat: number;
  exp: number;
  jti: string;
  client_id: string;
  account_id: number;
}

const encode = (value: object | string) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value), 'utf8').toString('base64url');

function signature(headerAndPayload: string): string {
  return createHmac('sha256', SANDBOX_SIGNING_KEY).update(headerAndPayload).digest('base64url');
}

export function signToken(claims: TokenClaims): string {
  const headerAndPayload = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}`;
  return `${headerAndPayload}.${signature(headerAndPayload)}`;
}

function isClaims(value: JsonObject): boolean {
  return (
    ['sub', 'jti', 'client_id', 'iss', 'aud'].every((key) => typeof value[key] === 'string') &&
    ['iat', 'exp', 'account_id'].every((key) => typeof value[key] === 'number')
  );
}

/** The claims of a well-formed, correctly signed token; undefined for anything else. */
export function verifyToken(token: string): TokenClaims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [header, payload, signed] = parts as [string, string, string];
  const expected = Buffer.from(signature(`${header}.${payload}`));
  const actual = Buffer.from(signed);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return undefined;
  const claims = parseJson(Buffer.from(payload, 'base64url').toString('utf8'));
  if (!isJsonObject(claims) || !isClaims(claims)) return undefined;
  return claims as unknown as TokenClaims;
}
