/** Headers, token handling and error messages for every ScopeStack API call. */
import zapier from 'zapier-platform-core';
import packageJson from '../package.json' with { type: 'json' };
import { apiBaseUrl, SERVICE_NAME, tokenUrl } from './scopestack/hosts.js';
import * as catalog from './scopestack/catalog/index.js';
import { createApiMiddleware } from './toolkit/api-middleware.js';
import { fieldNotesFor } from './toolkit/field-notes.js';

export const { befores, afters } = createApiMiddleware({
  service: SERVICE_NAME,
  apiBaseUrl,
  tokenUrl,
  userAgent: `${packageJson.name}/${packageJson.version} zapier-platform-core/${zapier.version}`,
  fieldNotes: fieldNotesFor(Object.values(catalog)),
});
