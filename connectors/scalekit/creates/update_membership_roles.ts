import { updateStep } from 'connector-toolkit/steps/write-step.js';
import { memberships } from '../src/scalekit/catalog.js';

export default updateStep(memberships, {
  key: 'update_membership_roles',
  label: "Update Organization User's Roles",
  description: 'Updates the roles a user has in an organization, replacing the ones they had there.',
  dropdown: 'list_organization_users',
  parent: { key: 'organization_id', label: 'Organization', dropdown: 'list_organizations', search: 'find_organization' },
});
