import { vendors } from '../src/scopestack/catalog/index.js';
import { createStep } from 'connector-toolkit/steps/write-step.js';

export default createStep(vendors, { key: 'create_vendor', required: ['name'], lockOn: ['name'] });
