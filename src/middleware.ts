/** Headers, token handling and error messages for every ScopeStack API call. */
import zapier from 'zapier-platform-core';
import packageJson from '../package.json' with { type: 'json' };
import { apiBaseUrl, SERVICE_NAME, tokenUrl } from './scopestack/hosts.js';
import { createApiMiddleware } from './toolkit/api-middleware.js';

export const { befores, afters } = createApiMiddleware({
  service: SERVICE_NAME,
  apiBaseUrl,
  tokenUrl,
  userAgent: `${packageJson.name}/${packageJson.version} zapier-platform-core/${zapier.version}`,
});
