import { projects } from '../src/scopestack/catalog/index.js';
import { pollingTrigger } from '../src/toolkit/steps/polling-trigger.js';

export default pollingTrigger(projects, {
  key: 'project_crm_opportunity_changed',
  label: 'Project CRM Opportunity Changed',
  description:
    'Triggers when a project is linked to a CRM opportunity, moved to another one, or unlinked (CRM Opportunity ID is then empty), once per change.',
  // Zapier remembers the versions it has seen, not when: a project back in a state seen before
  // (an earlier opportunity, or no opportunity as when the Zap was turned on) does not fire again.
  sort: '-updated-at',
  // Keyed by the linked opportunity: other edits of the project do not fire.
  change: { versionBy: ['crm-opportunity-id'], idKey: 'project_id' },
});
