import { projectServices } from '../src/scopestack/catalog/index.js';
import { createStep } from 'connector-toolkit/steps/write-step.js';

export default createStep(projectServices, {
  key: 'add_project_service',
  label: 'Add Service to Project',
  description: 'Adds a service from your catalog, or a custom service, to a project.',
  required: ['project_id'],
  // A catalog service is linked and ScopeStack copies its defaults; a custom one needs a name.
  variants: {
    by: 'service_id',
    given: { fixed: { 'task-source': 'service' } },
    otherwise: { fixed: { 'task-source': 'custom' }, required: ['name'] },
  },
});
