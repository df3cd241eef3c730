import { epochSeconds } from '../clock.js';
import type { Services } from '../services.js';
import type { GrantType, Identity } from '../store.js';
import { signToken } from './jwt.js';
import { hashSecret, newOpaqueToken, newTokenId } from './secrets.js';

/** Client-credentials tokens live 24 h (product owner's documents); password-grant tokens 2 h. */
const CLIENT_CREDENTIALS_LIFETIME = 86400;
const PASSWORD_LIFETIME = 7200;

export interface TokenSet {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  refresh_token?: string;
}

/** Signs a JWT and records its `jti`, which is what revocation deletes. */
export function issueTokens(
  services: Services,
  issuer: string,
  identity: Identity,
  clientId: string,
  grantType: GrantType,
  withRefreshToken: boolean,
): TokenSet {
  const lifetime = grantType === 'client_credentials' ? CLIENT_CREDENTIALS_LIFETIME : PASSWORD_LIFETIME;
  const issuedAt = epochSeconds(services.clock);
  const jti = newTokenId();
  const state = services.store.state;
  // Forget tokens that expired more than a day ago so a long-running sandbox does not grow.
  state.accessTokens = state.accessTokens.filter((grant) => grant.expiresAt > issuedAt - 86400);
  state.accessTokens.push({ jti, userId: identity.userId, clientId, grantType, issuedAt, expiresAt: issuedAt + lifetime });
  const access_token = signToken({
    iss: issuer,
    sub: identity.userId,
    aud: 'scopestack-api',
    iat: issuedAt,
    exp: issuedAt + lifetime,
    jti,
    client_id: clientId,
    account_id: identity.accountId,
  });
  const tokens: TokenSet = { access_token, token_type: 'Bearer', expires_in: lifetime };
  if (withRefreshToken) {
    const refreshToken = newOpaqueToken();
    state.refreshTokens.push({ tokenHash: hashSecret(refreshToken), userId: identity.userId, clientId, used: false });
    tokens.refresh_token = refreshToken;
  }
  return tokens;
}
