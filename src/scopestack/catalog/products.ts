/** Products: hardware and licences the firm resells, priced by unit or from list price and markup. */
import type { ResourceSpec } from 'connector-toolkit/resource-spec.js';
import { scopestackRequester } from '../requester.js';
import { customFieldsOf } from './project-variables.js';

const money = (name: string, help: string, label?: string) =>
  ({ name, kind: 'decimal', writable: true, help, ...(label ? { label } : {}) }) as const;

const BILLING_FREQUENCIES = { one_time: 'One Time', monthly: 'Monthly', quarterly: 'Quarterly', annually: 'Annually' } as const;

export const products = {
  type: 'products',
  path: 'products',
  noun: 'Product',
  display: 'name',
  attributes: [
    { name: 'name', kind: 'string', writable: true, help: 'The product name as quotes show it, for example "FortiGate 60F".' },
    {
      name: 'sku',
      kind: 'string',
      writable: true,
      label: 'SKU',
      help: 'Your SKU for the product, for example FG-60F. Unique in your catalog.',
    },
    { name: 'description', kind: 'text', writable: true, help: 'What the product is, as quotes describe it.' },
    {
      name: 'manufacturer-name',
      kind: 'string',
      writable: true,
      help: 'Who makes it, for example Fortinet.',
      // No public client writes it (a guess in src/scopestack/evidence.ts): say what to do if ScopeStack refuses it.
      rejectedHint: 'No public ScopeStack client sets it through the API: leave Manufacturer Name empty and set it in ScopeStack.',
    },
    {
      name: 'manufacturer-part-number',
      kind: 'string',
      writable: true,
      label: 'Manufacturer Part Number',
      help: "The maker's part number, for example FG-60F-BDL.",
    },
    // Read only: a free-text code whose key (`product_id`) would read as a ScopeStack ID in a step.
    { name: 'product-id', kind: 'string', label: 'Product Code' },
    { name: 'category', kind: 'string', writable: true, help: 'Category for reporting, for example Security.' },
    { name: 'subcategory', kind: 'string', writable: true, help: 'Subcategory for reporting, for example Firewalls.' },
    { name: 'unit-of-measure', kind: 'string', writable: true, help: 'The unit it is sold in, for example each or seat.' },
    money('unit-price', 'The price per unit that quotes show.'),
    money('unit-cost', 'Your cost per unit.'),
    money('list-price', "The manufacturer's list price (to price from list price and markup instead of unit price)."),
    money('markup', 'Markup on cost as a percentage: 15 for 15%.'),
    {
      name: 'billing-frequency',
      kind: 'string',
      writable: true,
      choices: BILLING_FREQUENCIES,
      help: 'How often it is billed. One Time unless it is a subscription.',
    },
    { name: 'active', kind: 'boolean', writable: true, help: 'Whether the product can be added to new projects.' },
    { name: 'project-variables', kind: 'json', label: 'Custom Fields', items: ['name', 'label', 'value'] },
    { name: 'created-at', kind: 'datetime' },
    { name: 'updated-at', kind: 'datetime' },
  ],
  relationships: [{ name: 'account', type: 'accounts' }],
  filters: [
    { key: 'name', param: 'filter[name]', match: 'contains', help: 'The whole product name. Matches exactly, ignoring case.' },
    {
      key: 'sku',
      param: 'filter[sku]',
      match: 'exact',
      label: 'SKU',
      help: 'The product SKU, exactly as ScopeStack has it (case counts).',
    },
    {
      key: 'manufacturer_part_number',
      param: 'filter[manufacturer-part-number]',
      match: 'exact',
      label: 'Manufacturer Part Number',
      help: "The maker's part number, exactly as ScopeStack has it (case counts).",
    },
  ],
  searchParams: { 'filter[active]': 'true,false' },
  customFields: customFieldsOf('product'),
  requester: scopestackRequester,
  sample: {
    id: '7301',
    name: 'FortiGate 60F',
    sku: 'FG-60F',
    description: 'Next-generation firewall appliance.',
    manufacturer_name: 'Fortinet',
    manufacturer_part_number: 'FG-60F-BDL',
    product_id: 'HW-0042',
    category: 'Security',
    subcategory: 'Firewalls',
    unit_of_measure: 'each',
    unit_price: '1500.00',
    unit_cost: '1100.00',
    list_price: null,
    markup: null,
    billing_frequency: 'one_time',
    active: true,
    project_variables: [{ name: 'warranty_years', label: 'Warranty (Years)', value: 3 }],
    created_at: '2025-01-20T09:15:00Z',
    updated_at: '2025-01-20T09:15:00Z',
    account_id: '42',
  },
} as const satisfies ResourceSpec;
