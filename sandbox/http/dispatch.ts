import type { Services } from '../services.js';
import { handleApi, isApiPath } from '../api/router.js';
import { handleToken } from '../oauth/token-endpoint.js';
import { authorizationServerMetadata } from '../oauth/well-known.js';
import { handleDownload, isDownloadPath } from '../downloads.js';
import { apiError } from '../json-api/errors.js';
import type { SandboxRequest, SandboxResponse } from './types.js';

/**
 * One sandbox host plays both ScopeStack hosts: the auth host (app.scopestack.io: /oauth/token,
 * /.well-known/oauth-authorization-server) and the API host (api.scopestack.io: /v1/..., /{slug}/v1/...).
 */
export function dispatch(request: SandboxRequest, services: Services): SandboxResponse {
  const path = request.url.pathname;
  if (path === '/oauth/token') return handleToken(request, services);
  if (path === '/.well-known/oauth-authorization-server' && request.method === 'GET') return authorizationServerMetadata(request);
  if (isDownloadPath(path)) return handleDownload(request, services);
  if (isApiPath(path)) return handleApi(request, services);
  return apiError(404, 'Not found', `No route matches [${request.method}] ${path}`);
}
