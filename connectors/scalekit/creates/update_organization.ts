import { updateStep } from 'connector-toolkit/steps/write-step.js';
import { organizations } from '../src/scalekit/catalog.js';

export default updateStep(organizations, { key: 'update_organization', dropdown: 'list_organizations', search: 'find_organization' });
