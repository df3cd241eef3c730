import { projectContacts } from '../src/scopestack/catalog/index.js';
import { updateStep } from 'connector-toolkit/steps/write-step.js';

export default updateStep(projectContacts, {
  key: 'update_project_contact',
  dropdown: 'list_project_contacts',
  parent: { key: 'project_id', label: 'Project', dropdown: 'list_projects', search: 'find_project' },
});
