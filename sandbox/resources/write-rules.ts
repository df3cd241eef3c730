import type { StoredRecord } from '../store.js';
import { nowIso, type ApiContext } from '../api/context.js';
import type { Draft, ResourceHooks, ValidationIssue } from './resource-def.js';

/** "has already been taken" when another record in `scope` has the same value of `attribute`. */
function uniqueWithin(
  type: string,
  attribute: string,
  scope: (candidate: StoredRecord, draft: Draft) => boolean,
): (draft: Draft, existing: StoredRecord | undefined, context: ApiContext) => ValidationIssue[] {
  return (draft, existing, context) => {
    const value = draft.attributes[attribute];
    if (typeof value !== 'string' || value === '') return [];
    const clash = context.store
      .list(type, context.accountId)
      .some((candidate) => candidate.id !== existing?.id && candidate.attributes[attribute] === value && scope(candidate, draft));
    return clash ? [{ pointer: `/data/attributes/${attribute}`, field: attribute, title: 'has already been taken' }] : [];
  };
}

/** Location names are unique per project (exact, case-sensitive comparison). */
export const projectLocationHooks: ResourceHooks = {
  validate: uniqueWithin('project-locations', 'name', (candidate, draft) => candidate.links['project'] === draft.links['project']),
};

/**
 * Changes a project's opportunity as saving the project would: its `updated-at` moves too
 * (a guess: a Rails model saved with a new foreign key is touched).
 */
function setOpportunity(project: StoredRecord, opportunityId: string | null, context: ApiContext): void {
  if ((project.links['crm-opportunity'] ?? null) === opportunityId) return;
  project.links['crm-opportunity'] = opportunityId;
  project.attributes['updated-at'] = nowIso(context);
}

function linkProjects(opportunity: StoredRecord, draft: Draft, context: ApiContext): void {
  const wanted = draft.manyLinks['projects'];
  if (wanted === undefined) return;
  for (const project of context.store.list('projects', opportunity.accountId)) {
    if (wanted.includes(project.id)) setOpportunity(project, opportunity.id, context);
    else if (project.links['crm-opportunity'] === opportunity.id) setOpportunity(project, null, context);
  }
}

/** opportunity-id is unique per account; `projects` linkage replaces the linked set; display-name defaults. */
export const crmOpportunityHooks: ResourceHooks = {
  validate: uniqueWithin('crm-opportunities', 'opportunity-id', () => true),
  afterSave(opportunity, _previous, draft, context) {
    linkProjects(opportunity, draft, context);
    const attributes = opportunity.attributes;
    attributes['display-name'] ??= [attributes['account-name'], attributes['name'], attributes['opportunity-id']]
      .filter((part): part is string => typeof part === 'string' && part !== '')
      .join(' / ');
  },
  beforeDelete(opportunity, context) {
    for (const project of context.store.list('projects', opportunity.accountId)) {
      if (project.links['crm-opportunity'] === opportunity.id) setOpportunity(project, null, context);
    }
  },
};
