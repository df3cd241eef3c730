/**
 * POST /oauth/token: the client-credentials grant with the credentials in the form body (the only
 * way every official client sends them). Errors use the RFC 6749 shape, which the doc infers.
 */
import { timingSafeEqual } from 'node:crypto';
import type { TokenIssuer } from './tokens.js';

export interface RawReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const TOKEN_HEADERS = { 'content-type': 'application/json', 'cache-control': 'no-cache, no-store, must-revalidate' };

const oauthError = (status: number, error: string, description: string): RawReply => ({
  status,
  headers: TOKEN_HEADERS,
  body: JSON.stringify({ error, error_description: description }),
});

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface TokenContext {
  tokens: TokenIssuer;
  now: Date;
  issuer: string;
  credentials: { clientId: string; clientSecret: string };
}

export function handleTokenRequest(method: string, rawBody: string, context: TokenContext): RawReply {
  if (method !== 'POST') return oauthError(405, 'invalid_request', 'the token endpoint accepts POST only');
  const form = new URLSearchParams(rawBody);
  const grantType = form.get('grant_type');
  if (grantType !== 'client_credentials') {
    return oauthError(400, 'unsupported_grant_type', `grant_type must be client_credentials, not ${JSON.stringify(grantType ?? '')}`);
  }
  const { clientId, clientSecret } = context.credentials;
  if (form.get('client_id') !== clientId || !sameSecret(form.get('client_secret') ?? '', clientSecret)) {
    return oauthError(401, 'invalid_client', 'invalid client credentials');
  }
  const { token, expiresIn } = context.tokens.issue(context.now, context.issuer, clientId);
  // expires_in is written as raw JSON text: the overflowed value does not fit a JS number exactly.
  const body = `{"access_token":${JSON.stringify(token)},"token_type":"Bearer","expires_in":${expiresIn},"scope":"openid"}`;
  return { status: 200, headers: TOKEN_HEADERS, body };
}
