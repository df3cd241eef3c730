import { projects } from '../src/scopestack/catalog/index.js';
import { upsertStep } from 'connector-toolkit/steps/write-step.js';

export default upsertStep(projects, {
  key: 'upsert_project',
  required: ['project_name', 'client_id'],
  match: ['project_name'],
  narrow: [{ key: 'client_id', param: 'filter[client_id]', match: 'exact', label: 'Client' }],
});
