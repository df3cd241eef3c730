import * as catalog from '../src/scopestack/catalog/index.js';
import { scopestackRequester } from '../src/scopestack/requester.js';
import { apiRequestStep } from 'connector-toolkit/steps/api-request-step.js';

export default apiRequestStep(scopestackRequester, {
  key: 'api_request',
  label: 'API Request (Beta)',
  description: 'Sends a request to the ScopeStack API with this connection, for anything the other steps do not cover.',
  examplePath: '/projects/123/project-phases',
  exampleBody: '{"data": {"type": "projects", "id": "123", "attributes": {"project-name": "New name"}}}',
  bodyHelp: 'a JSON:API document, for example {"data": {"type": "projects", "id": "123", "attributes": {...}}}',
  exampleQuery: 'filter[active] = true or include = client',
  resources: Object.values(catalog),
  sample: {
    status: 200,
    data: [{ id: '602418' }],
    included: [{ id: '90425' }],
    links: { self: 'https://api.scopestack.io/acme-it/v1/project-phases?include=project', next: null },
    meta: '{"record-count":1,"page-count":1}',
    document: '{"data":[{"id":"602418","type":"project-phases","attributes":{"name":"Design"}}]}',
  },
});
