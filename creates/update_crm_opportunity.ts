import { crmOpportunities } from '../src/scopestack/catalog/index.js';
import { updateStep } from 'connector-toolkit/steps/write-step.js';

export default updateStep(crmOpportunities, {
  key: 'update_crm_opportunity',
  dropdown: 'list_crm_opportunities',
  search: 'find_crm_opportunity',
});
