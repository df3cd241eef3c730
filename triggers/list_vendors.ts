import { vendors } from '../src/scopestack/catalog/index.js';
import { dropdownTrigger } from 'connector-toolkit/steps/dropdown-trigger.js';

export default dropdownTrigger(vendors, { key: 'list_vendors', plural: 'Vendors' });
