import { projectContacts } from '../src/scopestack/catalog/index.js';
import { dropdownTrigger } from 'connector-toolkit/steps/dropdown-trigger.js';

export default dropdownTrigger(projectContacts, {
  key: 'list_project_contacts',
  plural: 'Project Contacts',
  parent: { inputKey: 'project_id', param: 'filter[project]' },
});
