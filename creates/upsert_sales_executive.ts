import { salesExecutives } from '../src/scopestack/catalog/index.js';
import { upsertStep } from 'connector-toolkit/steps/write-step.js';

export default upsertStep(salesExecutives, { key: 'upsert_sales_executive', required: ['name', 'email'], match: ['email'] });
