import { projectContacts } from '../src/scopestack/catalog/index.js';
import { createStep } from 'connector-toolkit/steps/write-step.js';

export default createStep(projectContacts, { key: 'create_project_contact', required: ['project_id', 'name'] });
