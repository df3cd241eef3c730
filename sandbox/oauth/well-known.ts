import { jsonResponse, type SandboxRequest, type SandboxResponse } from '../http/types.js';

/** RFC 8414 metadata; every URL is built from the Host the client used. */
export function authorizationServerMetadata(request: SandboxRequest): SandboxResponse {
  return jsonResponse(200, {
    issuer: request.base,
    token_endpoint: `${request.base}/oauth/token`,
    grant_types_supported: ['client_credentials', 'password', 'refresh_token'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    response_types_supported: [],
    scopes_supported: ['read', 'write'],
  });
}
