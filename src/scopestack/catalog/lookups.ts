/**
 * Records a project points at and users pick from dropdowns: rate tables, payment terms, sales
 * executives, presales engineers and business units. Read-only here.
 */
import type { ResourceSpec } from 'connector-toolkit/resource-spec.js';
import { scopestackRequester } from '../requester.js';

const TIMESTAMPS = [
  { name: 'created-at', kind: 'datetime' },
  { name: 'updated-at', kind: 'datetime' },
] as const;

const account = { name: 'account', type: 'accounts' } as const;

/**
 * A lookup with an account default (rate tables, payment terms). The default is listed first in
 * dropdowns, so a person sees which one an empty field means.
 */
const withAccountDefault = <T extends string, N extends string>(type: T, noun: N, sample: { id: string; name: string }) =>
  ({
    type,
    path: type,
    noun,
    display: 'name',
    attributes: [
      { name: 'name', kind: 'string' },
      { name: 'default', kind: 'boolean', label: 'Account Default' },
      { name: 'active', kind: 'boolean' },
    ],
    relationships: [account],
    dropdownSort: '-default,name',
    dropdownParams: { 'filter[active]': 'true' },
    requester: scopestackRequester,
    sample: { ...sample, default: true, active: true, account_id: '42' },
  }) as const satisfies ResourceSpec;

export const rateTables = withAccountDefault('rate-tables', 'Rate Table', { id: '7', name: 'Standard Rates' });

export const paymentTerms = withAccountDefault('payment-terms', 'Payment Term', { id: '5', name: 'Net 30' });

const person = (noun: string) =>
  [
    { name: 'name', kind: 'string', writable: true, help: `The ${noun}'s full name, for example "Jordan Example".` },
    { name: 'email', kind: 'email', writable: true, help: 'Their work email, for example jordan@yourfirm.example.' },
    { name: 'title', kind: 'string', writable: true, help: 'Their job title, for example "Account Executive".' },
    { name: 'phone', kind: 'string', writable: true, help: 'Their phone number, in any format, for example +1 555 0100.' },
    { name: 'active', kind: 'boolean', writable: true, help: 'Whether they can be picked on new projects.' },
    ...TIMESTAMPS,
  ] as const;

/** People are found by name or by email (emails compared ignoring case). */
const personFilters = (noun: string) =>
  [
    { key: 'name', param: 'filter[name]', match: 'contains', help: `The ${noun}'s whole name. Matches exactly, ignoring case.` },
    { key: 'email', param: 'filter[email]', match: 'exact', help: `The ${noun}'s email. Matches exactly, ignoring case.` },
  ] as const;

export const salesExecutives = {
  type: 'sales-executives',
  path: 'sales-executives',
  noun: 'Sales Executive',
  display: 'name',
  attributes: person('sales executive'),
  relationships: [account],
  filters: personFilters('sales executive'),
  // Inactive people are found too, so a create-or-update never makes a twin of a deactivated one.
  searchParams: { 'filter[active]': 'true,false' },
  dropdownDetail: 'email',
  // Only people who can be picked on new projects.
  dropdownParams: { 'filter[active]': 'true' },
  requester: scopestackRequester,
  sample: {
    id: '12',
    name: 'Jordan Example',
    email: 'jordan@yourfirm.example',
    title: 'Account Executive',
    phone: '+1 555 0100',
    active: true,
    created_at: '2025-01-06T09:00:00Z',
    updated_at: '2025-01-06T09:00:00Z',
    account_id: '42',
  },
} as const satisfies ResourceSpec;

export const presalesEngineers = {
  type: 'presales-engineers',
  path: 'presales-engineers',
  noun: 'Presales Engineer',
  display: 'name',
  attributes: person('presales engineer'),
  relationships: [account],
  filters: personFilters('presales engineer'),
  searchParams: { 'filter[active]': 'true,false' },
  dropdownDetail: 'email',
  // Only people who can be picked on new projects.
  dropdownParams: { 'filter[active]': 'true' },
  requester: scopestackRequester,
  sample: {
    id: '34',
    name: 'Sam Example',
    email: 'sam@yourfirm.example',
    title: 'Solutions Architect',
    phone: '+1 555 0101',
    active: true,
    created_at: '2025-01-06T09:00:00Z',
    updated_at: '2025-01-06T09:00:00Z',
    account_id: '42',
  },
} as const satisfies ResourceSpec;

export const businessUnits = {
  type: 'business-units',
  path: 'business-units',
  noun: 'Business Unit',
  display: 'name',
  attributes: [
    { name: 'name', kind: 'string' },
    { name: 'external-name', kind: 'string' },
    { name: 'city', kind: 'string' },
    { name: 'state', kind: 'string' },
    { name: 'country', kind: 'string' },
  ],
  relationships: [account],
  requester: scopestackRequester,
  sample: { id: '3', name: 'Managed Services', external_name: 'MS', city: 'Denver', state: 'CO', country: 'US', account_id: '42' },
} as const satisfies ResourceSpec;

/** ScopeStack's users: the people who sign in (read here, to find them). */
export const users = {
  type: 'users',
  path: 'users',
  noun: 'User',
  display: 'name',
  attributes: [
    { name: 'name', kind: 'string' },
    { name: 'email', kind: 'string' },
    { name: 'title', kind: 'string' },
    { name: 'phone', kind: 'string' },
    ...TIMESTAMPS,
  ],
  relationships: [account, { name: 'rate-table', type: 'rate-tables', label: 'Preferred Rate Table' }],
  filters: personFilters('user'),
  requester: scopestackRequester,
  sample: {
    id: '4029',
    name: 'Alex Example',
    email: 'alex@yourfirm.example',
    title: 'Solutions Architect',
    phone: '+1 555 0102',
    created_at: '2024-09-02T08:00:00Z',
    updated_at: '2025-01-06T09:00:00Z',
    account_id: '42',
    rate_table_id: '7',
  },
} as const satisfies ResourceSpec;
