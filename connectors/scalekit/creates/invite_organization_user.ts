import { createStep } from 'connector-toolkit/steps/write-step.js';
import { invitations } from '../src/scalekit/catalog.js';
import { organizationField, withOrganizationField } from '../src/scalekit/organization-field.js';

export default withOrganizationField(
  createStep(invitations, {
    key: 'invite_organization_user',
    required: ['email'],
    label: 'Invite Organization User',
    description: 'Creates a user in an organization and emails them an invitation to join it.',
  }),
  organizationField('The organization to invite the user to.'),
);
