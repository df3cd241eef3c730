import { products } from '../src/scopestack/catalog/index.js';
import { dropdownTrigger } from 'connector-toolkit/steps/dropdown-trigger.js';

export default dropdownTrigger(products, { key: 'list_products', plural: 'Products' });
