import { crmOpportunities } from '../src/scopestack/catalog/index.js';
import { deleteStep } from 'connector-toolkit/steps/delete-step.js';

export default deleteStep(crmOpportunities, {
  key: 'delete_crm_opportunity',
  dropdown: 'list_crm_opportunities',
  search: 'find_crm_opportunity',
});
