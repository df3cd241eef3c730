import { businessUnits } from '../src/scopestack/catalog/index.js';
import { dropdownTrigger } from 'connector-toolkit/steps/dropdown-trigger.js';

export default dropdownTrigger(businessUnits, { key: 'list_business_units', plural: 'Business Units' });
