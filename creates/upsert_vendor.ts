import { vendors } from '../src/scopestack/catalog/index.js';
import { upsertStep } from 'connector-toolkit/steps/write-step.js';

export default upsertStep(vendors, { key: 'upsert_vendor', required: ['name'], match: ['name'] });
