/** Headers, token handling and error messages for every ScopeStack API call. */
import zapier from 'zapier-platform-core';
import packageJson from '../package.json' with { type: 'json' };
import { apiBaseUrl, tokenUrl } from './scopestack/hosts.js';
import { scopestackRequester } from './scopestack/requester.js';
import { scopestackWords } from './scopestack/words.js';
import { createApiMiddleware } from 'connector-toolkit/api-middleware.js';

export const { befores, afters } = createApiMiddleware({
  words: scopestackWords,
  apiBaseUrl,
  tokenUrl,
  userAgent: `${packageJson.name}/${packageJson.version} zapier-platform-core/${zapier.version}`,
  format: scopestackRequester.format,
});
