/**
 * Acme, a made-up service, and its widgets: toolkit tests describe behaviour on it, so that
 * nothing in them leans on ScopeStack. Acme is known to accept `filter[kind]` and a sort by
 * name; `filter[colour]` and `sort=-id` are guesses.
 */
import { jsonApiFormat } from '../../src/toolkit/formats/json-api-format.js';
import type { Requester, ResourceSpec } from '../../src/toolkit/resource-spec.js';
import { API, SLUG } from './bundle.js';

const acme: Requester = {
  service: 'Acme',
  format: jsonApiFormat,
  collectionsUrl: () => `${API}/${SLUG}/v1`,
  apiBaseUrl: () => API,
  recordId: { pattern: /^\d+$/, description: 'a whole number such as 12' },
  isGuessedParam: (_type, param, value) => param === 'filter[colour]' || (param === 'sort' && value === '-id'),
};

export const widget: ResourceSpec = {
  type: 'widgets',
  path: 'widgets',
  noun: 'Widget',
  display: 'name',
  attributes: [
    { name: 'name', kind: 'string' },
    { name: 'colour', kind: 'string' },
  ],
  relationships: [],
  filters: [{ key: 'name', param: 'filter[name]', match: 'contains' }],
  requester: acme,
  sample: { id: '1', name: 'Sample', colour: 'red' },
};

export const WIDGETS = `/${SLUG}/v1/widgets`;

export const widgetResource = (id: string, name: string, colour: string) => ({ id, type: 'widgets', attributes: { name, colour } });
