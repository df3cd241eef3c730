/** Headers, token handling and error messages for every Scalekit API call. */
import zapier from 'zapier-platform-core';
import { createApiMiddleware } from 'connector-toolkit/api-middleware.js';
import packageJson from '../package.json' with { type: 'json' };
import { environmentOf } from './scalekit/environment.js';
import { scalekitRequester } from './scalekit/requester.js';
import { scalekitWords } from './scalekit/words.js';

export const { befores, afters } = createApiMiddleware({
  words: scalekitWords,
  apiBaseUrl: (bundle) => environmentOf(bundle.authData),
  tokenUrl: (bundle) => `${environmentOf(bundle.authData)}/oauth/token`,
  userAgent: `${packageJson.name}/${packageJson.version} zapier-platform-core/${zapier.version}`,
  format: scalekitRequester.format,
});
