import { pollingTrigger } from 'connector-toolkit/steps/polling-trigger.js';
import { organizationUsers } from '../src/scalekit/catalog.js';
import { organizationField, withOrganizationField } from '../src/scalekit/organization-field.js';

export default withOrganizationField(
  pollingTrigger(organizationUsers, {
    key: 'new_organization_user',
    sort: '-create_time',
    label: 'New Organization User',
    description:
      'Triggers when a user joins an organization or is invited to it. Scalekit cannot sort members and a user who joins may be older than the organization, so each check reads all its members, 100 per request (up to 2,000).',
  }),
  organizationField('The organization whose new members trigger the Zap.'),
);
