import { pollingTrigger } from 'connector-toolkit/steps/polling-trigger.js';
import { organizations } from '../src/scalekit/catalog.js';

export default pollingTrigger(organizations, {
  key: 'new_organization',
  sort: '-create_time',
  description:
    'Triggers when an organization is created. Scalekit lists organizations oldest first and cannot sort them, so each check reads them 100 at a time (one request per 100 organizations, up to 500).',
});
