import { pollingTrigger } from 'connector-toolkit/steps/polling-trigger.js';
import { organizationUsers } from '../src/scalekit/catalog.js';
import { organizationField, withOrganizationField } from '../src/scalekit/organization-field.js';

export default withOrganizationField(
  pollingTrigger(organizationUsers, {
    key: 'new_organization_user',
    sort: '-create_time',
    label: 'New Organization User',
    description:
      'Triggers when a user joins an organization or is invited to it. Each check reads its members 100 at a time (one request per 100 members, up to 500).',
  }),
  organizationField('The organization whose new members trigger the Zap.'),
);
