import { salesExecutives } from '../src/scopestack/catalog/index.js';
import { createStep } from 'connector-toolkit/steps/write-step.js';

export default createStep(salesExecutives, { key: 'create_sales_executive', required: ['name'], lockOn: ['email'] });
