import { projects } from '../src/scopestack/catalog/index.js';
import { PROJECT_STATUSES } from '../src/scopestack/catalog/projects.js';
import { pollingTrigger } from 'connector-toolkit/steps/polling-trigger.js';

export default pollingTrigger(projects, {
  key: 'project_status_changed',
  label: 'Project Status Changed',
  description: 'Triggers when a project enters one of the statuses you choose, once per status.',
  sort: '-updated-at',
  change: { versionBy: ['status'], idKey: 'project_id' },
  inputs: [
    {
      key: 'status',
      label: 'Status',
      param: 'filter[status]',
      list: true,
      required: true,
      choices: PROJECT_STATUSES,
      help:
        'Fires when a project enters any of these statuses (Approved or Won, for example), once per project and status. ' +
        'A project that leaves a status and later comes back to it does not fire again for that status.',
    },
  ],
});
