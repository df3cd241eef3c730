import { pollingTrigger } from 'connector-toolkit/steps/polling-trigger.js';
import { organizations } from '../src/scalekit/catalog.js';

export default pollingTrigger(organizations, {
  key: 'new_organization',
  sort: '-create_time',
  // Organizations are listed oldest first: a new one joins the end of the list.
  addedAtEndBy: 'create_time',
  description:
    "Triggers when an organization is created. Scalekit lists organizations oldest first and cannot sort them: the Zap's first check reads them all, 100 per request; later checks start at the page where the last day's organizations begin, usually one request.",
});
