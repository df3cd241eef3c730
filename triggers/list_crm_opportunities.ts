import { crmOpportunities } from '../src/scopestack/catalog/index.js';
import { dropdownTrigger } from 'connector-toolkit/steps/dropdown-trigger.js';

export default dropdownTrigger(crmOpportunities, { key: 'list_crm_opportunities', plural: 'CRM Opportunities' });
