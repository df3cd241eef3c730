/**
 * The seeded environment: fixed ids, credentials and timestamps (in 2025, so anything created
 * later sorts after them), identical after every reset.
 */
import { newId, type IdCounter } from './ids.js';
import type { ConnectionRecord, MembershipRecord, OrganizationRecord, RoleRecord, State, UserRecord } from './state.js';

const at = (iso: string) => new Date(`2025-${iso}Z`);

function organization(ids: IdCounter, displayName: string, created: string, externalId?: string): OrganizationRecord {
  const time = at(created);
  return { id: newId('org_', ids), createTime: time, updateTime: time, displayName, metadata: {}, ...(externalId ? { externalId } : {}) };
}

const member = (organizationId: string, role: string, joined: string): MembershipRecord => ({
  organizationId,
  status: 'ACTIVE',
  roles: [role],
  metadata: {},
  inviterEmail: '',
  provisioningMethod: 'direct_provision',
  joinTime: at(joined),
});

const invitee = (organizationId: string, role: string, inviterEmail: string, sent: string, expires: string): MembershipRecord => ({
  organizationId,
  status: 'PENDING_INVITE',
  roles: [role],
  metadata: {},
  inviterEmail,
  provisioningMethod: 'invitation',
  createdAt: at(sent),
  expiresAt: at(expires),
});

function user(
  ids: IdCounter,
  email: string,
  [givenName, familyName]: [string, string],
  created: string,
  memberships: MembershipRecord[],
): UserRecord {
  const time = at(created);
  const id = newId('usr_', ids);
  return {
    id,
    profileId: newId('usp_', ids),
    createTime: time,
    updateTime: time,
    email,
    metadata: {},
    givenName,
    familyName,
    name: `${givenName} ${familyName}`,
    memberships,
  };
}

function connection(
  ids: IdCounter,
  organizationId: string,
  created: string,
  fields: Pick<ConnectionRecord, 'provider' | 'type' | 'status' | 'enabled' | 'domains'>,
): ConnectionRecord {
  return { id: newId('conn_', ids), organizationId, createTime: at(created), ...fields };
}

function role(
  ids: IdCounter,
  name: string,
  displayName: string,
  description: string,
  defaults: { creator: boolean; member: boolean },
): RoleRecord {
  return { id: newId('role_', ids), name, displayName, description, defaultCreator: defaults.creator, defaultMember: defaults.member };
}

/** A fresh seeded state, and the named ids a test needs to find its way around it. */
export function buildSeed() {
  const ids: IdCounter = { next: 0 };
  const environmentId = newId('env_', ids);
  const acme = { ...organization(ids, 'Acme Corp', '01-10T09:00:00.000', 'ACME-001'), metadata: { plan: 'enterprise' } };
  const globex = organization(ids, 'Globex', '02-14T10:30:00.000', 'GLOBEX-7');
  const initech = organization(ids, 'Initech', '03-01T08:15:00.000');
  const alice = {
    ...user(ids, 'alice@acme.test', ['Alice', 'Admin'], '01-10T09:05:00.000', [member(acme.id, 'admin', '01-10T09:05:00.000')]),
    externalId: 'EXT-ALICE',
  };
  const bob = user(ids, 'bob@acme.test', ['Bob', 'Builder'], '01-11T12:00:00.000', [
    invitee(acme.id, 'member', 'alice@acme.test', '01-11T12:00:00.000', '01-18T12:00:00.000'),
  ]);
  const carol = user(ids, 'carol@globex.test', ['Carol', 'Chen'], '02-15T11:00:00.000', [
    member(globex.id, 'member', '02-15T11:00:00.000'),
    member(acme.id, 'member', '02-16T11:00:00.000'),
  ]);
  const acmeOkta = connection(ids, acme.id, '01-12T09:00:00.000', {
    provider: 'OKTA',
    type: 'SAML',
    status: 'COMPLETED',
    enabled: true,
    domains: ['acme.test'],
  });
  const globexEntra = connection(ids, globex.id, '02-20T09:00:00.000', {
    provider: 'MICROSOFT_AD',
    type: 'OIDC',
    status: 'IN_PROGRESS',
    enabled: false,
    domains: [],
  });
  const admin = role(ids, 'admin', 'Admin', 'Can manage the organization and its members', { creator: true, member: false });
  const memberRole = role(ids, 'member', 'Member', 'Can use the application', { creator: false, member: true });
  const state: State = {
    environmentId,
    organizations: [acme, globex, initech],
    users: [alice, bob, carol],
    connections: [acmeOkta, globexEntra],
    roles: [admin, memberRole],
    ids,
  };
  const facts = {
    clientId: 'skc_58327482062864390',
    clientSecret: 'test_sk_SandboxSecret0Do0Not0Use0In0Production',
    environmentId,
    organizations: { acme: acme.id, globex: globex.id, initech: initech.id },
    organizationExternalIds: { acme: 'ACME-001', globex: 'GLOBEX-7' },
    users: { alice: alice.id, bob: bob.id, carol: carol.id },
    userEmails: { alice: alice.email, bob: bob.email, carol: carol.email },
    userExternalIds: { alice: 'EXT-ALICE' },
    connections: { acmeOkta: acmeOkta.id, globexEntra: globexEntra.id },
    roles: { admin: admin.id, member: memberRole.id },
  };
  return { state, facts };
}

export type SeedFacts = ReturnType<typeof buildSeed>['facts'];
