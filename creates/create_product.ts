import { products } from '../src/scopestack/catalog/index.js';
import { createStep } from 'connector-toolkit/steps/write-step.js';

export default createStep(products, { key: 'create_product', required: ['name'], lockOn: ['sku', 'name'] });
