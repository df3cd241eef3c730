import { createStep } from 'connector-toolkit/steps/write-step.js';
import { organizations } from '../src/scalekit/catalog.js';

export default createStep(organizations, { key: 'create_organization', required: ['display_name'], lockOn: ['external_id'] });
