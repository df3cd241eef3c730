import { epochSeconds } from '../clock.js';
import { header, type SandboxRequest } from '../http/types.js';
import { verifyToken } from '../oauth/jwt.js';
import type { Services } from '../services.js';
import { ApiFailure, errorResponse } from '../json-api/errors.js';
import type { Principal } from './context.js';

/** 401 with a JSON:API body and the RFC 6750 challenge. */
function unauthorized(detail: string, error = 'invalid_token'): never {
  throw new ApiFailure(
    errorResponse(401, [{ status: 401, title: 'Unauthorized', detail, code: '401' }], {
      'www-authenticate': `Bearer realm="ScopeStack Sandbox", error="${error}", error_description="${detail}"`,
    }),
  );
}

/**
 * Resolves `Authorization: Bearer <jwt>` to a user. Missing, malformed, badly signed, revoked
 * (rotated/deleted credential, changed user type) and expired tokens get 401 — except that while
 * the expired_token_403 fault is on, an expired token gets 403, the documented edge case.
 */
export function authenticate(request: SandboxRequest, services: Services): Principal {
  const authorization = header(request, 'authorization');
  if (authorization === undefined || authorization.trim() === '') unauthorized('The access token is missing.', 'invalid_request');
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (match?.[1] === undefined) unauthorized('The Authorization header must be "Bearer <access token>".', 'invalid_request');
  const claims = verifyToken(match[1]);
  if (claims === undefined) unauthorized('The access token is invalid.');
  const grant = services.store.state.accessTokens.find((candidate) => candidate.jti === claims.jti);
  const identity = services.store.identity(claims.sub);
  const user = services.store.all('users').find((candidate) => candidate.id === claims.sub);
  if (grant === undefined || identity === undefined || user === undefined) unauthorized('The access token was revoked.');
  if (epochSeconds(services.clock) >= grant.expiresAt) {
    if (services.faults.take(['expired_token_403'], request.method, request.url.pathname) !== undefined) {
      throw new ApiFailure(
        errorResponse(403, [{ status: 403, title: 'Forbidden', detail: 'You are not authorized to access this resource.', code: '403' }]),
      );
    }
    unauthorized('The access token expired.');
  }
  return { identity, user, clientId: grant.clientId };
}
