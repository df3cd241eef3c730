/**
 * Acme, a made-up service on JSON:API, and its widgets: the toolkit's tests describe behaviour on
 * it, so that none of them leans on a real connector. Acme is known to accept `filter[kind]` and a
 * sort by name; `filter[colour]` and `sort=-id` are guesses. `acmeApp` is the smallest app the
 * toolkit makes for it: its middleware and a token, so that a step runs through `createAppTester`.
 */
import zapier from 'zapier-platform-core';
import { createApiMiddleware } from '../../src/api-middleware.js';
import { jsonApiFormat } from '../../src/formats/json-api-format.js';
import type { Requester, ResourceSpec } from '../../src/resource-spec.js';
import type { ServiceWords } from '../../src/service-words.js';
import { nowInSeconds } from '../../src/token-timing.js';

export const API = 'https://api.acme.test';
export const SLUG = 'example-it';
const ACCESS_TOKEN = 'acme-live-token';

const words: ServiceWords = {
  service: 'Acme',
  credential: 'an Acme API client',
  credentialsPage: 'Acme (Settings > API Clients)',
  credentialDialog: 'the dialog that shows them',
  permissionFix: 'Ask an Acme admin to allow this API client to do it',
};

/** Acme's records belong to no account: its creates carry no owner relationship. */
const acme: Requester = {
  service: 'Acme',
  format: jsonApiFormat,
  collectionsUrl: () => `${API}/${SLUG}/v1`,
  apiBaseUrl: () => API,
  recordId: { pattern: /^\d+$/, description: 'a whole number such as 12' },
  isGuessedParam: (_type, param, value) => param === 'filter[colour]' || (param === 'sort' && value === '-id'),
};

/** What names a resource of Acme whose path is its type; a test adds the attributes it is about. */
export const acmeResource = (type: string, noun: string, display: string) => ({ type, path: type, noun, display, requester: acme });

export const widget: ResourceSpec = {
  ...acmeResource('widgets', 'Widget', 'name'),
  attributes: [
    { name: 'name', kind: 'string' },
    { name: 'colour', kind: 'string' },
  ],
  relationships: [],
  filters: [{ key: 'name', param: 'filter[name]', match: 'contains' }],
  sample: { id: '1', name: 'Sample', colour: 'red' },
};

export const WIDGETS = `/${SLUG}/v1/widgets`;

export const widgetResource = (id: string, name: string, colour: string) => ({ id, type: 'widgets', attributes: { name, colour } });

const { befores, afters } = createApiMiddleware({
  words,
  apiBaseUrl: () => API,
  tokenUrl: () => `${API}/oauth/token`,
  userAgent: 'acme-zapier/1.0',
  format: jsonApiFormat,
});

/** Acme's app: middleware only; tests run their steps through it as ad-hoc functions. */
export const acmeApp = { version: '1.0.0', platformVersion: zapier.version, beforeRequest: befores, afterResponse: afters };

/** A bundle of a connection whose token was issued an hour ago and lives a day. */
export const bundleWith = (inputData: Record<string, unknown> = {}) => ({
  authData: {
    client_id: 'acme-client',
    client_secret: 'acme secret',
    access_token: ACCESS_TOKEN,
    token_issued_at: String(nowInSeconds() - 3600),
    token_expires_at: String(nowInSeconds() + 86400 - 3600),
  },
  inputData,
  meta: { page: 0 },
});
