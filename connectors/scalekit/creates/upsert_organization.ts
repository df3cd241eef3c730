import { upsertStep } from 'connector-toolkit/steps/write-step.js';
import { organizations } from '../src/scalekit/catalog.js';

export default upsertStep(organizations, { key: 'upsert_organization', required: ['display_name', 'external_id'], match: ['external_id'] });
