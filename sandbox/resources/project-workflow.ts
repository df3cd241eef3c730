import { scalarText } from '../json.js';
import type { StoredRecord } from '../store.js';
import { nowIso, type ApiContext } from '../api/context.js';
import type { Draft, ResourceHooks, ValidationIssue } from './resource-def.js';

/**
 * Project status rules. The real transition rules are not public; the sandbox uses this one:
 * the approval path building -> technical_approval -> sales_approval -> business_approval ->
 * approved only moves forward (steps may be skipped); any approval status or approved may go
 * back to building (a rescope); approved may become won or lost; anything not final may be
 * canceled; won, lost and canceled are final. Setting the current status again is a no-op.
 */
export const PROJECT_STATUSES = [
  'building',
  'technical_approval',
  'sales_approval',
  'business_approval',
  'approved',
  'won',
  'lost',
  'canceled',
] as const;

const APPROVAL_PATH = ['building', 'technical_approval', 'sales_approval', 'business_approval', 'approved'];
const APPROVAL_STATUSES = ['technical_approval', 'sales_approval', 'business_approval'];
const FINAL_STATUSES = ['won', 'lost', 'canceled'];

function canTransition(from: string, to: string): boolean {
  if (from === to) return true;
  if (FINAL_STATUSES.includes(from)) return false;
  if (to === 'canceled') return true;
  if (to === 'building') return from !== 'building';
  if (from === 'approved') return to === 'won' || to === 'lost';
  const fromStep = APPROVAL_PATH.indexOf(from);
  const toStep = APPROVAL_PATH.indexOf(to);
  return fromStep >= 0 && toStep > fromStep;
}

function validateStatus(draft: Draft, existing: StoredRecord | undefined): ValidationIssue[] {
  const status = draft.attributes['status'];
  if (typeof status !== 'string') return [];
  if (existing === undefined) {
    return status === 'building'
      ? []
      : [{ pointer: '/data/attributes/status', field: 'status', title: 'must be building for a new project' }];
  }
  const from = scalarText(existing.attributes['status']) ?? '';
  return canTransition(from, status)
    ? []
    : [{ pointer: '/data/attributes/status', field: 'status', title: `cannot change from ${from} to ${status}` }];
}

/**
 * The open approval of a project, if it is waiting in an approval status. ScopeStack's approval
 * statuses are the outcomes (optional, approved, declined, rescope): an open one has none yet.
 */
function openApprovalOf(project: StoredRecord, context: ApiContext): StoredRecord | undefined {
  return context.store
    .list('project-approvals', project.accountId)
    .find((approval) => approval.links['project'] === project.id && approval.attributes['status'] === null);
}

function closeApproval(approval: StoredRecord, outcome: string, context: ApiContext): void {
  approval.attributes['status'] = outcome;
  approval.attributes['completed-at'] = nowIso(context);
  approval.attributes['approver-name'] = context.principal.user.attributes['name'] ?? null;
  approval.attributes['updated-at'] = nowIso(context);
  approval.links['user'] = context.principal.user.id;
}

function openApproval(project: StoredRecord, status: string, context: ApiContext): void {
  const now = nowIso(context);
  context.store.insert({
    type: 'project-approvals',
    accountId: project.accountId,
    attributes: {
      status: null,
      role: status.replace('_approval', ''),
      comment: null,
      reason: null,
      'completed-at': null,
      'approver-name': null,
      'lob-ids': [],
      'created-at': now,
      'updated-at': now,
    },
    links: { project: project.id, user: null, 'approval-step': null },
    internal: {},
  });
}

/** Stamps submitted-at/approved-at and keeps project-approvals in step with the status. */
function applyStatusChange(project: StoredRecord, previous: StoredRecord | undefined, context: ApiContext): void {
  const from = previous === undefined ? undefined : (scalarText(previous.attributes['status']) ?? '');
  const to = scalarText(project.attributes['status']) ?? '';
  if (from === to) return;
  const open = openApprovalOf(project, context);
  if (open !== undefined) {
    const outcome = to === 'building' ? 'rescope' : to === 'canceled' ? 'declined' : 'approved';
    closeApproval(open, outcome, context);
  }
  if (APPROVAL_STATUSES.includes(to) || to === 'approved') {
    if (from === 'building' || project.attributes['submitted-at'] === null) {
      project.attributes['submitted-at'] = nowIso(context);
    }
  }
  if (APPROVAL_STATUSES.includes(to)) openApproval(project, to, context);
  if (to === 'approved') project.attributes['approved-at'] = nowIso(context);
}

export const projectHooks: ResourceHooks = {
  validate: (draft, existing) => validateStatus(draft, existing),
  afterSave: (project, previous, _draft, context) => {
    applyStatusChange(project, previous, context);
  },
};
