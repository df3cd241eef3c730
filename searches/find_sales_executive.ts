import { salesExecutives } from '../src/scopestack/catalog/index.js';
import { searchStep } from 'connector-toolkit/steps/search.js';

export default searchStep(salesExecutives, { key: 'find_sales_executive' });
