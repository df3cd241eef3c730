import { crmOpportunities } from '../src/scopestack/catalog/index.js';
import { searchStep } from '../src/toolkit/steps/search.js';

export default searchStep(crmOpportunities, { key: 'find_crm_opportunity' });
