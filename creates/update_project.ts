import { projects } from '../src/scopestack/catalog/index.js';
import { updateStep } from 'connector-toolkit/steps/write-step.js';

export default updateStep(projects, { key: 'update_project', dropdown: 'list_projects', search: 'find_project' });
