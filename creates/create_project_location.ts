import { projectLocations } from '../src/scopestack/catalog/index.js';
import { createStep } from 'connector-toolkit/steps/write-step.js';

// Public clients always send a full address with a new location: ScopeStack may require it.
export default createStep(projectLocations, {
  key: 'create_project_location',
  required: ['project_id', 'name', 'street', 'city', 'state', 'postal_code'],
});
