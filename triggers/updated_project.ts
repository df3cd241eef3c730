import { projects } from '../src/scopestack/catalog/index.js';
import { pollingTrigger } from 'connector-toolkit/steps/polling-trigger.js';

export default pollingTrigger(projects, {
  key: 'updated_project',
  label: 'Updated Project',
  description: 'Triggers when a project is created or changed, once for every change.',
  sort: '-updated-at',
  change: { versionBy: ['updated-at'], idKey: 'project_id' },
});
