import { projects } from '../src/scopestack/catalog/index.js';
import { createStep } from 'connector-toolkit/steps/write-step.js';

export default createStep(projects, {
  key: 'create_project',
  required: ['project_name', 'client_id'],
  lockOn: ['project_name', 'client_id'],
});
