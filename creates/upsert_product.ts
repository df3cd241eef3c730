import { products } from '../src/scopestack/catalog/index.js';
import { upsertStep } from 'connector-toolkit/steps/write-step.js';

// The SKU identifies a product; the exact name is the fallback for products without one.
export default upsertStep(products, { key: 'upsert_product', required: ['name'], match: ['sku', 'name'] });
