import { dropdownTrigger } from 'connector-toolkit/steps/dropdown-trigger.js';
import { organizations } from '../src/scalekit/catalog.js';

export default dropdownTrigger(organizations, { key: 'list_organizations', plural: 'Organizations' });
