import { crmOpportunities } from '../src/scopestack/catalog/index.js';
import { searchStep } from 'connector-toolkit/steps/search.js';

export default searchStep(crmOpportunities, { key: 'find_crm_opportunity' });
