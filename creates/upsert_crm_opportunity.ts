import { crmOpportunities } from '../src/scopestack/catalog/index.js';
import { upsertStep } from 'connector-toolkit/steps/write-step.js';

export default upsertStep(crmOpportunities, {
  key: 'upsert_crm_opportunity',
  required: ['opportunity_id', 'name'],
  match: ['opportunity_id'],
});
