/**
 * Scalekit's resources as the toolkit reads and writes them (`../shared` is not needed: every
 * field here is one `scalekit-api.md` shows). Organizations and users list oldest first, with no
 * sort and no date filter; connections and roles come in one answer.
 */
import { restJsonFormat } from 'connector-toolkit/formats/rest-json-format.js';
import type { ResourceSpec } from 'connector-toolkit/resource-spec.js';
import type { WireFormat } from 'connector-toolkit/wire-format.js';
import { scalekitRequester } from './requester.js';

const EXTERNAL_ID_HELP = "Its ID in your CRM or database, such as the customer's account ID: unique in the environment.";

export const organizations: ResourceSpec = {
  type: 'organizations',
  path: 'organizations',
  noun: 'Organization',
  display: 'display_name',
  attributes: [
    { name: 'display_name', kind: 'string', writable: true, label: 'Name', help: 'The name your customer is known by, such as Acme Corp.' },
    { name: 'external_id', kind: 'string', writable: true, externalId: true, label: 'External ID', help: EXTERNAL_ID_HELP },
    {
      name: 'metadata',
      kind: 'json',
      writable: true,
      help: 'Up to 10 text pairs as a JSON object, for example {"plan": "enterprise"}.',
    },
    { name: 'region_code', kind: 'string', label: 'Region' },
    { name: 'create_time', kind: 'datetime', label: 'Created At' },
    { name: 'update_time', kind: 'datetime', label: 'Updated At' },
  ],
  relationships: [],
  filters: [
    {
      key: 'external_id',
      param: 'external_id',
      match: 'exact',
      externalId: true,
      label: 'External ID',
      help: "The organization's ID in your CRM or database, as it was given to Scalekit. Matches exactly.",
    },
  ],
  pageSize: 100,
  ownedByAccount: false,
  requester: scalekitRequester,
  sample: {
    id: 'org_59615193906282635',
    display_name: 'Acme Corp',
    external_id: 'CRM-1001',
    region_code: 'US',
    create_time: '2025-01-31T10:00:00Z',
    update_time: '2025-01-31T10:00:00Z',
  },
};

const userAttributes: ResourceSpec['attributes'] = [
  { name: 'email', kind: 'email', label: 'Email' },
  { name: 'external_id', kind: 'string', label: 'External ID' },
  { name: 'user_profile', kind: 'json', label: 'Profile', keys: ['given_name', 'family_name', 'name'] },
  { name: 'memberships', kind: 'json', label: 'Memberships', items: ['organization_id', 'membership_status', 'display_name'] },
  { name: 'create_time', kind: 'datetime', label: 'Created At' },
  { name: 'update_time', kind: 'datetime', label: 'Updated At' },
];

const userSample = {
  id: 'usr_63227815245538343',
  email: 'pat@acme.example',
  external_id: 'EMP-42',
  user_profile: { given_name: 'Pat', family_name: 'Example', name: 'Pat Example' },
  memberships: [{ organization_id: 'org_59615193906282635', membership_status: 'ACTIVE', display_name: 'Acme Corp' }],
  create_time: '2025-02-03T09:30:00Z',
  update_time: '2025-02-03T09:30:00Z',
};

const userSpec = (path: string, noun: string): ResourceSpec => ({
  type: 'users',
  path,
  noun,
  display: 'email',
  attributes: userAttributes,
  relationships: [],
  pageSize: 100,
  ownedByAccount: false,
  requester: scalekitRequester,
  sample: userSample,
});

/** The members of one organization (the step's Organization field names it). */
export const organizationUsers: ResourceSpec = {
  ...userSpec('organizations/{organization_id}/users', 'Organization User'),
  dropdownDetail: 'external_id',
};

/** Users by ID. */
export const users: ResourceSpec = userSpec('users', 'User');

/** Users searched by email or external ID (the query matches either; only exact matches are kept). */
export const userSearch: ResourceSpec = {
  ...userSpec('users:search', 'User'),
  pageSize: 30,
  filters: [
    {
      key: 'email',
      param: 'query',
      match: 'contains',
      attribute: 'email',
      label: 'Email',
      help: "The user's email address. Matches exactly, ignoring case.",
    },
    {
      key: 'external_id',
      param: 'query',
      match: 'contains',
      attribute: 'external_id',
      externalId: true,
      label: 'External ID',
      help: "The user's ID in your CRM or database, as it was given to Scalekit. Matches exactly.",
    },
  ],
};

/**
 * An invitation: a user and their membership, created in one request. Scalekit takes the
 * profile and the role nested; the step asks for them as plain fields.
 */
const invitationFormat: WireFormat = {
  ...restJsonFormat,
  // The step is an invitation: Scalekit emails it.
  readParams: () => ({ send_invitation_email: 'true' }),
  writeBody: ({ attributes }) => {
    const { email, external_id: externalId, given_name: givenName, family_name: familyName, role } = attributes;
    const profile = { ...(givenName ? { given_name: givenName } : {}), ...(familyName ? { family_name: familyName } : {}) };
    return {
      email,
      ...(externalId ? { external_id: externalId } : {}),
      ...(Object.keys(profile).length > 0 ? { user_profile: profile } : {}),
      ...(role ? { membership: { roles: [{ name: role }] } } : {}),
    };
  },
};

export const invitations: ResourceSpec = {
  ...organizationUsers,
  noun: 'Organization User',
  attributes: [
    { name: 'email', kind: 'email', writable: true, label: 'Email', help: 'Where the invitation goes, such as pat@acme.example.' },
    {
      name: 'given_name',
      kind: 'string',
      writable: true,
      label: 'First Name',
      help: 'Shown in the invitation and in their Scalekit profile.',
    },
    {
      name: 'family_name',
      kind: 'string',
      writable: true,
      label: 'Last Name',
      help: 'Shown in the invitation and in their Scalekit profile.',
    },
    {
      name: 'role',
      kind: 'string',
      writable: true,
      dropdown: 'list_roles',
      label: 'Role',
      help: 'The role the user has in the organization. Scalekit gives its default role when left empty.',
    },
    { name: 'external_id', kind: 'string', writable: true, externalId: true, label: 'External ID', help: EXTERNAL_ID_HELP },
    ...userAttributes.filter((attribute) => attribute.name !== 'email' && attribute.name !== 'external_id'),
  ],
  requester: { ...scalekitRequester, format: invitationFormat },
};

/** A user's membership of one organization: its roles are set as `[{name}]`. */
const membershipFormat: WireFormat = {
  ...restJsonFormat,
  writeBody: ({ attributes }) => ({
    roles: (Array.isArray(attributes['roles']) ? attributes['roles'] : []).map((name: unknown) => ({ name })),
  }),
};

export const memberships: ResourceSpec = {
  ...userSpec('memberships/organizations/{organization_id}/users', 'Organization User'),
  attributes: [
    {
      name: 'roles',
      kind: 'list',
      writable: true,
      dropdown: 'list_roles',
      label: 'Roles',
      help: 'The roles the user has in the organization from now on; the ones not listed are taken away.',
    },
    ...userAttributes,
  ],
  requester: { ...scalekitRequester, format: membershipFormat },
};

/** Lists Scalekit answers whole: no page parameters. */
const wholeListFormat: WireFormat = { ...restJsonFormat, paging: 'none', pageParams: () => ({}) };

export const connections: ResourceSpec = {
  type: 'connections',
  path: 'connections',
  noun: 'SSO Connection',
  display: 'provider',
  attributes: [
    { name: 'provider', kind: 'string', label: 'Identity Provider' },
    { name: 'type', kind: 'string', label: 'Type' },
    { name: 'status', kind: 'string', label: 'Status' },
    { name: 'enabled', kind: 'boolean', label: 'Enabled' },
    { name: 'organization_id', kind: 'string', label: 'Organization ID' },
    { name: 'organization_name', kind: 'string', label: 'Organization Name' },
    { name: 'domains', kind: 'list', label: 'Domains' },
  ],
  relationships: [],
  ownedByAccount: false,
  // Organization connections only, not the environment's social logins.
  requester: { ...scalekitRequester, format: { ...wholeListFormat, readParams: () => ({ include: 'all' }) } },
  sample: {
    id: 'conn_70087756662964366',
    provider: 'OKTA',
    type: 'SAML',
    status: 'COMPLETED',
    enabled: true,
    organization_id: 'org_59615193906282635',
    organization_name: 'Acme Corp',
    domains: ['acme.example'],
  },
};

/** Roles are named, not numbered: the name is what a membership takes, so it is the ID. */
const rolesFormat: WireFormat = {
  ...wholeListFormat,
  readList: (body, spec, cursor) => {
    const roles =
      typeof body === 'object' && body !== null && Array.isArray((body as { roles?: unknown }).roles)
        ? (body as { roles: unknown[] }).roles
        : undefined;
    const named = roles?.map((role) =>
      typeof role === 'object' && role !== null ? { ...role, id: (role as { name?: unknown }).name } : role,
    );
    return wholeListFormat.readList({ roles: named }, spec, cursor);
  },
};

export const roles: ResourceSpec = {
  type: 'roles',
  path: 'roles',
  noun: 'Role',
  display: 'display_name',
  attributes: [
    { name: 'display_name', kind: 'string', label: 'Name' },
    { name: 'description', kind: 'text', label: 'Description' },
  ],
  relationships: [],
  ownedByAccount: false,
  requester: { ...scalekitRequester, format: rolesFormat },
  sample: { id: 'admin', display_name: 'Admin', description: 'Manages the organization' },
};
