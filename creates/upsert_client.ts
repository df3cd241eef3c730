import { clients } from '../src/scopestack/catalog/index.js';
import { upsertStep } from 'connector-toolkit/steps/write-step.js';

export default upsertStep(clients, { key: 'upsert_client', required: ['name'], match: ['name', 'domain'] });
