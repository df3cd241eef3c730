/** The people and places of a project: its contacts and its (service) locations, and its approvals. */
import type { RelationshipSpec, ResourceSpec } from 'connector-toolkit/resource-spec.js';
import { scopestackRequester } from '../requester.js';
import { customFieldsOf } from './project-variables.js';

const project: RelationshipSpec = {
  name: 'project',
  type: 'projects',
  display: 'project-name',
  writable: true,
  dropdown: 'list_projects',
  search: 'find_project',
  help: 'The project. Pick one (projects are listed with their client), or map a project ID from an earlier step.',
};

const TIMESTAMPS = [
  { name: 'created-at', kind: 'datetime' },
  { name: 'updated-at', kind: 'datetime' },
] as const;

const CONTACT_TYPES = { primary_customer_contact: 'Primary Customer Contact', customer_contact: 'Customer Contact' } as const;

export const projectContacts = {
  type: 'project-contacts',
  path: 'project-contacts',
  noun: 'Project Contact',
  display: 'name',
  attributes: [
    { name: 'name', kind: 'string', writable: true, help: 'The contact\'s full name, for example "Pat Example".' },
    { name: 'title', kind: 'string', writable: true, help: 'Their job title at the client, for example "IT Director".' },
    { name: 'email', kind: 'email', writable: true, help: 'Their email, for example pat@client.example.' },
    { name: 'phone', kind: 'string', writable: true, help: 'Their phone number, in any format, for example +1 555 0100.' },
    {
      name: 'contact-type',
      kind: 'string',
      writable: true,
      choices: CONTACT_TYPES,
      help: 'Primary Customer Contact for the one person documents are addressed to; Customer Contact (the default) for everyone else.',
    },
    { name: 'active', kind: 'boolean', writable: true, help: 'Whether the contact is active on the project.' },
    { name: 'project-variables', kind: 'json', label: 'Custom Fields', items: ['name', 'label', 'value'] },
    ...TIMESTAMPS,
  ],
  relationships: [project],
  include: ['project'],
  ownedByAccount: false,
  dropdownDetail: 'email',
  customFields: customFieldsOf('project_contact'),
  requester: scopestackRequester,
  sample: {
    id: '7701',
    name: 'Pat Example',
    title: 'IT Director',
    email: 'pat@client.example',
    phone: '+1 555 0100',
    contact_type: 'primary_customer_contact',
    active: true,
    project_variables: [{ name: 'preferred_contact_time', label: 'Preferred Contact Time', value: 'Mornings' }],
    created_at: '2025-02-03T14:10:00Z',
    updated_at: '2025-02-03T14:10:00Z',
    project_id: '90425',
    project_name: 'Cloud Migration',
  },
} as const satisfies ResourceSpec;

export const projectLocations = {
  type: 'project-locations',
  path: 'project-locations',
  noun: 'Project Location',
  display: 'name',
  attributes: [
    {
      name: 'name',
      kind: 'string',
      writable: true,
      help: 'A name for the site, unique within the project, for example "Denver HQ". A second location of the same name is refused.',
      rejectedHint:
        'Location names are unique within a project: use another name, or change the existing location with Update Project Location',
    },
    { name: 'street', kind: 'string', writable: true, help: 'Street address, for example "1 Main St".' },
    { name: 'street2', kind: 'string', writable: true, label: 'Street (Line 2)', help: 'Suite, floor or building, if any.' },
    { name: 'city', kind: 'string', writable: true, help: 'City, for example Denver.' },
    { name: 'state', kind: 'string', writable: true, help: 'State or region, for example CO.' },
    { name: 'postal-code', kind: 'string', writable: true, help: 'Postal or ZIP code, for example 80202.' },
    { name: 'country', kind: 'string', writable: true, help: 'Country, for example US.' },
    { name: 'remote', kind: 'boolean', writable: true, help: 'Yes when the work at this location is done remotely.' },
    { name: 'project-variables', kind: 'json', label: 'Custom Fields', items: ['name', 'label', 'value'] },
    ...TIMESTAMPS,
  ],
  relationships: [project],
  include: ['project'],
  ownedByAccount: false,
  dropdownDetail: 'city',
  customFields: customFieldsOf('service_location'),
  requester: scopestackRequester,
  sample: {
    id: '8801',
    name: 'Denver HQ',
    street: '1 Main St',
    street2: null,
    city: 'Denver',
    state: 'CO',
    postal_code: '80202',
    country: 'US',
    remote: false,
    project_variables: [{ name: 'site_code', label: 'Site Code', value: 'DEN-1' }],
    created_at: '2025-02-03T14:12:00Z',
    updated_at: '2025-02-03T14:12:00Z',
    project_id: '90425',
    project_name: 'Cloud Migration',
  },
} as const satisfies ResourceSpec;

export const projectApprovals = {
  type: 'project-approvals',
  path: 'project-approvals',
  noun: 'Project Approval',
  display: 'role',
  attributes: [
    { name: 'status', kind: 'string', label: 'Approval Status' },
    { name: 'role', kind: 'string', label: 'Approval Role' },
    { name: 'comment', kind: 'text' },
    { name: 'reason', kind: 'text' },
    { name: 'approver-name', kind: 'string' },
    { name: 'completed-at', kind: 'datetime' },
    ...TIMESTAMPS,
  ],
  relationships: [
    { name: 'project', type: 'projects', display: 'project-name' },
    { name: 'user', type: 'users', label: 'Approver' },
  ],
  include: ['project', 'user'],
  // Public clients show approvals without created-at: IDs only grow, and a JSON:API server sorts by id.
  newestFirst: '-id',
  requester: scopestackRequester,
  sample: {
    id: '5501',
    // ScopeStack's approval statuses are outcomes (optional, approved, declined, rescope): none while it waits.
    status: null,
    role: 'technical',
    comment: null,
    reason: null,
    approver_name: null,
    completed_at: null,
    created_at: '2025-02-05T10:00:00Z',
    updated_at: '2025-02-05T10:00:00Z',
    project_id: '90425',
    project_name: 'Cloud Migration',
    user_id: null,
    user_name: null,
  },
} as const satisfies ResourceSpec;
