import { deleteStep } from 'connector-toolkit/steps/delete-step.js';
import { organizations } from '../src/scalekit/catalog.js';

export default deleteStep(organizations, { key: 'delete_organization', dropdown: 'list_organizations', search: 'find_organization' });
