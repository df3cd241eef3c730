import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Secrets and refresh tokens are kept only as SHA-256 hashes ("shown once"). */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function secretMatches(secret: string, hash: string): boolean {
  const actual = Buffer.from(hashSecret(secret), 'hex');
  const expected = Buffer.from(hash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export function newClientId(): string {
  return `sbx_${randomBytes(12).toString('hex')}`;
}

export function newClientSecret(): string {
  return randomBytes(24).toString('base64url');
}

export function newOpaqueToken(): string {
  return randomBytes(32).toString('base64url');
}

export function newTokenId(): string {
  return randomBytes(16).toString('hex');
}
