/** CRM opportunities: the deals a CRM holds, mirrored in ScopeStack and linked to projects. */
import type { ResourceSpec } from 'connector-toolkit/resource-spec.js';
import { scopestackRequester } from '../requester.js';

const text = (name: string, help: string, label?: string) =>
  ({ name, kind: 'string', writable: true, help, ...(label ? { label } : {}) }) as const;

/** The CRM's own IDs: typed or mapped from the CRM step, never picked from ScopeStack. */
const crmId = (name: string, help: string, label: string) => ({ ...text(name, help, label), externalId: true }) as const;

export const crmOpportunities = {
  type: 'crm-opportunities',
  path: 'crm-opportunities',
  noun: 'CRM Opportunity',
  display: 'display-name',
  attributes: [
    crmId('opportunity-id', "The deal's ID in your CRM, for example 0065g00000XyZ12. Unique in ScopeStack.", 'Opportunity ID in CRM'),
    text('name', 'The deal name, for example "Azure Migration".'),
    {
      ...text('display-name', 'How ScopeStack lists it. Left empty on a create, it is "Account / Name / CRM ID" from the fields above.'),
      // Public clients compose it themselves (WK); nothing shows ScopeStack doing so.
      composedOf: { parts: ['account-name', 'name', 'opportunity-id'], separator: ' / ' },
    },
    { name: 'amount', kind: 'decimal', writable: true, help: 'The deal amount in the account currency.' },
    text('stage', 'The deal stage in your CRM, for example Proposal.'),
    { name: 'is-closed', kind: 'boolean', writable: true, label: 'Closed', help: 'Yes once the deal is won or lost in the CRM.' },
    crmId('owner-id', "The deal owner's ID in your CRM.", 'Owner CRM ID'),
    text('owner-name', "The deal owner's name, for example Jordan Example."),
    crmId('account-id', "The customer's account ID in your CRM.", 'Account CRM ID'),
    text('account-name', "The customer's name in your CRM, for example Example Client Ltd."),
    text('location-name', 'The site the deal is for, for example HQ.'),
    text('street', 'Street address of that site.'),
    text('city', 'City, for example Denver.'),
    text('state', 'State or region, for example CO.'),
    text('postal-code', 'Postal or ZIP code, for example 80202.'),
    text('country', 'Country, for example US.'),
    {
      name: 'custom-attributes',
      kind: 'json',
      writable: true,
      items: ['key', 'val'],
      // Public clients merge the opportunity's fields before a PATCH, which replaces the list.
      mergedBy: 'key',
      label: 'CRM Fields',
      help: 'Extra CRM fields to keep on the opportunity: one row per field, its key (for example estimated_hours) and value (for example 40). On an update, a key already there gets the new value and the other fields stay.',
    },
    { name: 'created-at', kind: 'datetime' },
    { name: 'updated-at', kind: 'datetime' },
  ],
  // No `account` relationship here: its key would clash with the CRM's `account_id`.
  relationships: [
    {
      name: 'projects',
      type: 'projects',
      many: true,
      writable: true,
      dropdown: 'list_projects',
      display: 'project-name',
      label: 'Projects',
      help: 'Projects to link to this opportunity. The list replaces the linked projects; leave empty to keep them as they are.',
      items: ['id', 'project_name', 'status'],
    },
  ],
  include: ['projects'],
  filters: [
    {
      key: 'opportunity_id',
      param: 'filter[opportunity-id]',
      match: 'exact',
      label: 'Opportunity ID in CRM',
      externalId: true,
      help: "The deal's ID in your CRM. Matches exactly, case included (CRM IDs can differ only in case).",
    },
    { key: 'name', param: 'filter[name]', match: 'contains', help: 'The whole opportunity name. Matches exactly, ignoring case.' },
  ],
  // Open opportunities first, then closed ones, one value per read as public clients ask.
  searchEach: { param: 'filter[is-closed]', values: ['false', 'true'] },
  // Public clients show no timestamps on opportunities: IDs only grow, and a JSON:API server sorts by id.
  newestFirst: '-id',
  requester: scopestackRequester,
  sample: {
    id: '3201',
    opportunity_id: '0065g00000XyZ12',
    name: 'Azure Migration',
    display_name: 'Example Client Ltd / Azure Migration / 0065g00000XyZ12',
    amount: '24000.00',
    stage: 'Proposal',
    is_closed: false,
    owner_id: '0055g00000Ab1',
    owner_name: 'Jordan Example',
    account_id: '0015g00000Cd2',
    account_name: 'Example Client Ltd',
    location_name: 'HQ',
    street: '1 Main St',
    city: 'Denver',
    state: 'CO',
    postal_code: '80202',
    country: 'US',
    custom_attributes: [{ key: 'estimated_hours', val: '40' }],
    created_at: '2025-02-01T16:00:00Z',
    updated_at: '2025-02-02T10:00:00Z',
    projects_ids: ['90425'],
    projects: [{ id: '90425', project_name: 'Cloud Migration', status: 'building' }],
  },
} as const satisfies ResourceSpec;
