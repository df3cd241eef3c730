import { crmOpportunities } from '../src/scopestack/catalog/index.js';
import { createStep } from 'connector-toolkit/steps/write-step.js';

export default createStep(crmOpportunities, {
  key: 'create_crm_opportunity',
  required: ['opportunity_id', 'name'],
  lockOn: ['opportunity_id'],
});
