import { salesExecutives } from '../src/scopestack/catalog/index.js';
import { dropdownTrigger } from 'connector-toolkit/steps/dropdown-trigger.js';

export default dropdownTrigger(salesExecutives, { key: 'list_sales_executives', plural: 'Sales Executives' });
