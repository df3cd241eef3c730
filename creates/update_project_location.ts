import { projectLocations } from '../src/scopestack/catalog/index.js';
import { updateStep } from 'connector-toolkit/steps/write-step.js';

export default updateStep(projectLocations, {
  key: 'update_project_location',
  dropdown: 'list_project_locations',
  parent: { key: 'project_id', label: 'Project', dropdown: 'list_projects', search: 'find_project' },
});
