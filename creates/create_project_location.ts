import { projectLocations } from '../src/scopestack/catalog/index.js';
import { createStep } from '../src/toolkit/steps/write-step.js';

export default createStep(projectLocations, { key: 'create_project_location', required: ['project_id', 'name'] });
