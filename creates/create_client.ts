import { clients } from '../src/scopestack/catalog/index.js';
import { createStep } from 'connector-toolkit/steps/write-step.js';

export default createStep(clients, { key: 'create_client', required: ['name'], lockOn: ['name', 'domain'] });
