import { projects } from '../src/scopestack/catalog/index.js';
import { pollingTrigger } from 'connector-toolkit/steps/polling-trigger.js';

export default pollingTrigger(projects, { key: 'new_project' });
