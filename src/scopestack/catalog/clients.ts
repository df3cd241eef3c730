/** ScopeStack clients: the companies an IT services firm scopes work for. */
import type { ResourceSpec } from 'connector-toolkit/resource-spec.js';
import { scopestackRequester } from '../requester.js';

export const clients = {
  type: 'clients',
  path: 'clients',
  noun: 'Client',
  display: 'name',
  attributes: [
    {
      name: 'name',
      kind: 'string',
      writable: true,
      help: 'The company name as it should appear on quotes, for example "Northwind Traders".',
    },
    { name: 'domain', kind: 'string', writable: true, help: "The client's web domain, for example northwind.example." },
    { name: 'active', kind: 'boolean', writable: true, help: 'Whether the client is active. Inactive clients are archived in ScopeStack.' },
    {
      name: 'msa-date',
      kind: 'date',
      writable: true,
      label: 'MSA Date',
      help: 'Date the master services agreement was signed, for example 2025-01-31.',
    },
    {
      name: 'user-defined-fields',
      kind: 'json',
      writable: true,
      items: ['name', 'value'],
      help: 'Values of custom client fields set up in ScopeStack: one row per field, its name (for example industry) and value (for example Retail).',
    },
  ],
  relationships: [
    { name: 'account', type: 'accounts' },
    { name: 'rate-table', type: 'rate-tables' },
    { name: 'contacts', type: 'contacts', many: true, items: ['id', 'name', 'email', 'phone', 'title'] },
  ],
  include: ['rate-table', 'contacts'],
  filters: [
    {
      key: 'name',
      param: 'filter[name]',
      match: 'contains',
      help: 'The whole client name. Matches exactly, ignoring case ("acme" finds "ACME", not "Acme Corp").',
    },
    {
      key: 'domain',
      param: 'filter[domain]',
      match: 'exact',
      help: "The client's domain, for example northwind.example. Matches exactly, ignoring case.",
    },
  ],
  // Archived clients count too: a find-or-create must not create a twin of an archived client.
  searchParams: { 'filter[active]': 'true,false' },
  // Ids only grow, and every JSON:API resource sorts by id; clients show no created-at to sort on.
  newestFirst: '-id',
  requester: scopestackRequester,
  sample: {
    id: '1001',
    name: 'Example Client Ltd',
    domain: 'client.example',
    active: true,
    msa_date: '2025-01-31',
    user_defined_fields: [{ name: 'region', value: 'EMEA' }],
    account_id: '42',
    rate_table_id: '7',
    rate_table_name: 'Standard Rates',
    contacts_ids: ['501'],
    contacts: [{ id: '501', name: 'Pat Example', email: 'pat@client.example', phone: '+1 555 0100', title: 'IT Director' }],
  },
} as const satisfies ResourceSpec;
