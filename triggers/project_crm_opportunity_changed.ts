import { projects } from '../src/scopestack/catalog/index.js';
import { pollingTrigger } from 'connector-toolkit/steps/polling-trigger.js';

export default pollingTrigger(projects, {
  key: 'project_crm_opportunity_changed',
  label: 'Project CRM Opportunity Changed',
  description: 'Triggers when a project is linked to a CRM opportunity or moved to another one, once per change.',
  // ScopeStack does not say when a link was removed, and a project without an opportunity looks the
  // same whether it was just unlinked or never linked: only links fire. Zapier remembers versions,
  // not when they were seen, so a project moved back to an opportunity it had does not fire again.
  present: ['crm-opportunity-id'],
  sort: '-updated-at',
  // Keyed by the linked opportunity: other edits of the project do not fire.
  change: { versionBy: ['crm-opportunity-id'], idKey: 'project_id' },
});
