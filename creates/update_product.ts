import { products } from '../src/scopestack/catalog/index.js';
import { updateStep } from 'connector-toolkit/steps/write-step.js';

export default updateStep(products, { key: 'update_product', dropdown: 'list_products', search: 'find_product' });
