import { dropdownTrigger } from 'connector-toolkit/steps/dropdown-trigger.js';
import { organizationUsers } from '../src/scalekit/catalog.js';

// The organization is in the path (Scalekit takes no filter for it); the parent keeps the list empty until one is picked.
export default dropdownTrigger(organizationUsers, {
  key: 'list_organization_users',
  plural: 'Organization Users',
  parent: { inputKey: 'organization_id' },
});
