import { projectLocations } from '../src/scopestack/catalog/index.js';
import { dropdownTrigger } from 'connector-toolkit/steps/dropdown-trigger.js';

export default dropdownTrigger(projectLocations, {
  key: 'list_project_locations',
  plural: 'Project Locations',
  parent: { inputKey: 'project_id', param: 'filter[project]' },
});
