/**
 * The Scalekit onboarding workflow `npm start` runs after ScopeStack's, through the built Scalekit
 * app against its embedded sandbox: a deal closes, the customer's organization is created (or
 * found) by its CRM ID, its admin is invited, and their SSO connection being enabled is noticed.
 */
import type { ScalekitSandbox } from '../connectors/scalekit/sandbox/index.js';
import type { Row } from './print-table.js';
import type { ZapRunner } from './zap-runner.js';

interface Organization {
  id: string;
  display_name: string;
  external_id?: string;
  upsert_action?: string;
}
interface User {
  id: string;
  email: string;
  memberships?: { organization_id?: string; membership_status?: string }[];
}
interface Connection {
  id: string;
  provider: string;
  organization_name?: string;
}

const check = (condition: boolean, problem: string): void => {
  if (!condition) throw new Error(problem);
};

export async function* scalekitWorkflow(runner: ZapRunner, sandbox: ScalekitSandbox): AsyncGenerator<Row> {
  const connected = await runner.connect();
  // The label is the environment's host (here the sandbox's, on a port that changes from run to run).
  yield {
    step: 'Scalekit: Connect (token, test)',
    result: `connected, ${connected.result['organizations'] ?? '?'} organizations in the environment`,
    requests: connected.requests,
  };

  const baseline = await runner.poll<Organization>('new_organization');
  yield {
    step: 'New Organization (first poll)',
    result: 'the Zap starts from the organizations there are (fires nothing)',
    requests: baseline.requests,
  };

  const deal = { external_id: 'CRM-DEAL-2042', display_name: 'Initech' };
  const created = await runner.run<Organization>('creates', 'upsert_organization', deal);
  check(created.result.upsert_action === 'created', 'Create or Update Organization did not create Initech.');
  yield {
    step: 'Create or Update Organization',
    result: `created ${created.result.display_name} (${created.result.id})`,
    requests: created.requests,
  };

  const again = await runner.run<Organization>('creates', 'upsert_organization', { ...deal, display_name: 'Initech Inc' });
  check(again.result.id === created.result.id && again.result.upsert_action === 'updated', 'The second run made a twin.');
  yield {
    step: 'Create or Update Organization, again',
    result: `updated the same organization, now "${again.result.display_name}"`,
    requests: again.requests,
  };

  const fired = await runner.poll<Organization>('new_organization');
  check(fired.fired.length === 1 && fired.fired[0]?.id === created.result.id, 'New Organization did not fire once for Initech.');
  yield { step: 'New Organization (poll)', result: `fired for ${fired.fired[0]?.display_name ?? ''}`, requests: fired.requests };

  const found = await runner.run<Organization[]>('searches', 'find_organization', { external_id: deal.external_id });
  check(found.result[0]?.id === created.result.id, 'Find Organization missed Initech by its CRM ID.');
  yield {
    step: `Find Organization "${deal.external_id}"`,
    result: `found ${found.result[0]?.display_name ?? ''}`,
    requests: found.requests,
  };

  const organization_id = created.result.id;
  const before = await runner.poll<User>('new_organization_user', { organization_id });
  const invited = await runner.run<User>('creates', 'invite_organization_user', {
    organization_id,
    email: 'peter@initech.example',
    given_name: 'Peter',
    family_name: 'Gibbons',
    role: 'admin',
  });
  const status = invited.result.memberships?.find((membership) => membership.organization_id === organization_id)?.membership_status;
  check(status === 'PENDING_INVITE', `The invitation's membership is ${String(status)}, not PENDING_INVITE.`);
  yield { step: 'Invite Organization User', result: `${invited.result.email}: ${status}`, requests: invited.requests };

  const joined = await runner.poll<User>('new_organization_user', { organization_id });
  check(joined.fired.length === 1 && joined.fired[0]?.id === invited.result.id, 'New Organization User did not fire once for the invitee.');
  yield {
    step: 'New Organization User (poll)',
    result: `fired for ${joined.fired[0]?.email ?? ''} (${before.fired.length} before)`,
    requests: joined.requests,
  };

  const byEmail = await runner.run<User[]>('searches', 'find_user', { email: 'PETER@initech.example' });
  check(byEmail.result[0]?.id === invited.result.id, 'Find User missed the invitee by email.');
  yield { step: 'Find User by email', result: `found ${byEmail.result[0]?.id ?? ''}`, requests: byEmail.requests };

  const roles = await runner.run<User>('creates', 'update_membership_roles', { organization_id, id: invited.result.id, roles: ['member'] });
  yield { step: "Update Organization User's Roles", result: `${roles.result.email} is now a member`, requests: roles.requests };

  const sso = await runner.run<Connection[]>('triggers', 'sso_connection_enabled');
  check(sso.result.length > 0, 'SSO Connection Enabled saw no enabled connection.');
  yield {
    step: 'SSO Connection Enabled (poll)',
    result: `${sso.result.length} enabled: ${sso.result.map((connection) => `${connection.provider} for ${connection.organization_name ?? '?'}`).join(', ')}`,
    requests: sso.requests,
  };

  const removed = await runner.run<{ deleted: boolean }>('creates', 'remove_organization_user', { organization_id, id: invited.result.id });
  yield { step: 'Remove Organization User', result: removed.result.deleted ? 'removed' : 'was not there', requests: removed.requests };

  const deleted = await runner.run<{ deleted: boolean }>('creates', 'delete_organization', { id: organization_id });
  check(deleted.result.deleted, 'Delete Organization found nothing to delete.');
  yield { step: 'Delete Organization', result: 'deleted Initech', requests: deleted.requests };

  // The sandbox saw every request the steps made: the counts above are its own.
  check(sandbox.log.entries().length > 0, 'The Scalekit sandbox saw no request.');
}
