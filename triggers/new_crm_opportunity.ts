import { crmOpportunities } from '../src/scopestack/catalog/index.js';
import { pollingTrigger } from 'connector-toolkit/steps/polling-trigger.js';

export default pollingTrigger(crmOpportunities, { key: 'new_crm_opportunity' });
