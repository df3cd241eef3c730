import { projectApprovals } from '../src/scopestack/catalog/index.js';
import { pollingTrigger } from 'connector-toolkit/steps/polling-trigger.js';

export default pollingTrigger(projectApprovals, {
  key: 'new_project_approval',
  description: 'Triggers when a project is submitted to an approval step (a project approval is created).',
});
