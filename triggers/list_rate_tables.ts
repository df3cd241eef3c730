import { rateTables } from '../src/scopestack/catalog/index.js';
import { dropdownTrigger } from 'connector-toolkit/steps/dropdown-trigger.js';

export default dropdownTrigger(rateTables, { key: 'list_rate_tables', plural: 'Rate Tables' });
