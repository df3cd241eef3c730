import { deleteStep } from 'connector-toolkit/steps/delete-step.js';
import { memberships } from '../src/scalekit/catalog.js';
import { organizationField, withOrganizationField } from '../src/scalekit/organization-field.js';

export default withOrganizationField(
  deleteStep(memberships, {
    key: 'remove_organization_user',
    label: 'Remove Organization User',
    description:
      "Deletes a user's membership of an organization: they can no longer sign in to it. Scalekit may delete a user who belongs to no other organization.",
    dropdown: 'list_organization_users',
  }),
  organizationField('The organization to remove the user from.', true),
);
