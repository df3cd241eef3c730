import { dropdownTrigger } from 'connector-toolkit/steps/dropdown-trigger.js';
import { roles } from '../src/scalekit/catalog.js';

export default dropdownTrigger(roles, { key: 'list_roles', plural: 'Roles' });
