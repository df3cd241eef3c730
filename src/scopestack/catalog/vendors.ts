/** Vendors: the distributors and makers a firm buys products from. */
import type { ResourceSpec } from 'connector-toolkit/resource-spec.js';
import { scopestackRequester } from '../requester.js';

const text = (name: string, help: string, label?: string) =>
  ({ name, kind: 'string', writable: true, help, ...(label ? { label } : {}) }) as const;

export const vendors = {
  type: 'vendors',
  path: 'vendors',
  noun: 'Vendor',
  display: 'name',
  attributes: [
    text('name', 'The vendor name, for example "Ingram Micro". Unique in your account.'),
    { name: 'active', kind: 'boolean', writable: true, help: 'Whether the vendor can be picked in ScopeStack.' },
    text('street-address', 'Street address, for example "1 Main St".', 'Street'),
    text('street2', 'Suite, floor or building, if any.', 'Street (Line 2)'),
    text('city', 'City, for example Denver.'),
    text('state', 'State or region, for example CO.'),
    text('postal-code', 'Postal or ZIP code, for example 80202.'),
    text('country', 'Country, for example US.'),
    { name: 'project-count', kind: 'integer', label: 'Projects' },
    { name: 'created-at', kind: 'datetime' },
    { name: 'updated-at', kind: 'datetime' },
  ],
  relationships: [{ name: 'account', type: 'accounts' }],
  filters: [{ key: 'name', param: 'filter[name]', match: 'contains', help: 'The whole vendor name. Matches exactly, ignoring case.' }],
  searchParams: { 'filter[active]': 'true,false' },
  requester: scopestackRequester,
  sample: {
    id: '3601',
    name: 'Example Distribution',
    active: true,
    street_address: '1 Main St',
    street2: null,
    city: 'Denver',
    state: 'CO',
    postal_code: '80202',
    country: 'US',
    project_count: 3,
    created_at: '2025-01-08T09:00:00Z',
    updated_at: '2025-01-08T09:00:00Z',
    account_id: '42',
  },
} as const satisfies ResourceSpec;
