/** The input and output fields a resource spec turns into: what a Zap editor lists, labels and types. */
import { customInputField, customOutputField, outputFieldsFor, writeInputFields } from '../src/fields.js';
import type { ResourceSpec } from '../src/resource-spec.js';
import { acmeResource } from './support/acme.js';

const order: ResourceSpec = {
  ...acmeResource('orders', 'Order', 'title'),
  attributes: [
    { name: 'title', kind: 'string', writable: true },
    { name: 'seats', kind: 'integer' },
    { name: 'paid', kind: 'boolean', writable: true, help: 'Whether the order is paid.' },
    { name: 'due-on', kind: 'date' },
    { name: 'placed-at', kind: 'datetime' },
    { name: 'total', kind: 'decimal' },
    { name: 'tags', kind: 'list', writable: true },
    { name: 'shipping', kind: 'json', keys: ['city', 'postal_code'] },
    { name: 'lines', kind: 'json', items: ['sku', 'qty'] },
    { name: 'raw', kind: 'json' },
    { name: 'status', kind: 'string', writable: true, choices: { open: 'Open', closed: 'Closed' }, dropdown: 'list_statuses' },
    { name: 'crm-ref', kind: 'string', writable: true, externalId: true },
  ],
  relationships: [
    { name: 'customer', type: 'customers', writable: true },
    { name: 'sales-reps', type: 'users', many: true, writable: true, label: 'Sales Reps', items: ['name', 'email'] },
    { name: 'carrier', type: 'carriers' },
  ],
  include: ['customer', 'sales-reps'],
  files: [{ urlAttribute: 'invoice-url', key: 'invoice_file', label: 'Invoice File' }],
  sample: { id: '1' },
};

describe('outputFieldsFor', () => {
  it('labels and types every key a record carries, in the order a person reads them', () => {
    expect(outputFieldsFor(order)).toEqual([
      { key: 'id', label: 'Order ID' },
      { key: 'title', label: 'Title' },
      { key: 'seats', label: 'Seats', type: 'integer' },
      { key: 'paid', label: 'Paid', type: 'boolean' },
      { key: 'due_on', label: 'Due On', type: 'datetime' },
      { key: 'placed_at', label: 'Placed At', type: 'datetime' },
      { key: 'total', label: 'Total' },
      { key: 'tags', label: 'Tags', list: true },
      { key: 'shipping__city', label: 'Shipping: City' },
      { key: 'shipping__postal_code', label: 'Shipping: Postal Code' },
      { key: 'lines[]sku', label: 'Lines: SKU' },
      { key: 'lines[]qty', label: 'Lines: Qty' },
      { key: 'status', label: 'Status' },
      { key: 'crm_ref', label: 'CRM Ref' },
      { key: 'invoice_file', label: 'Invoice File', type: 'file' },
      { key: 'customer_id', label: 'Customer ID' },
      { key: 'customer_name', label: 'Customer Name' },
      { key: 'sales_reps_ids', label: 'Sales Rep IDs', list: true },
      { key: 'sales_reps[]name', label: 'Sales Rep: Name' },
      { key: 'sales_reps[]email', label: 'Sales Rep: Email' },
      { key: 'carrier_id', label: 'Carrier ID' },
    ]);
  });

  it('lists no names or line items for relationships that are not included', () => {
    const keys = outputFieldsFor({ ...order, include: [] }).map((field) => field.key);
    expect(keys).not.toContain('customer_name');
    expect(keys).not.toContain('sales_reps[]name');
    expect(keys).toContain('sales_reps_ids');
  });

  it('lists only the IDs of a related list when the resource includes nothing, or the list has no columns', () => {
    const salesReps = { name: 'sales-reps', type: 'users', many: true, label: 'Sales Reps' };
    const includesNothing: ResourceSpec = { ...order, relationships: [{ ...salesReps, items: ['name'] }] };
    delete (includesNothing as { include?: unknown }).include;
    const relatedKeys = (spec: ResourceSpec) => outputFieldsFor(spec).flatMap(({ key }) => (key.startsWith('sales_reps') ? [key] : []));
    expect(relatedKeys(includesNothing)).toEqual(['sales_reps_ids']);
    expect(relatedKeys({ ...order, relationships: [salesReps] })).toEqual(['sales_reps_ids']);
  });
});

describe('writeInputFields', () => {
  it('declares each writable attribute as text, so Zapier passes it as typed, and carries its help, choices, dropdown and external-ID mark', () => {
    expect(writeInputFields(order, ['title'])).toEqual([
      { key: 'title', label: 'Title', type: 'string', required: true },
      // A boolean keeps the editor's Yes/No choice; the values are words the toolkit reads.
      {
        key: 'paid',
        label: 'Paid',
        type: 'string',
        required: false,
        helpText: 'Whether the order is paid.',
        choices: { true: 'Yes', false: 'No' },
      },
      { key: 'tags', label: 'Tags', type: 'string', required: false, list: true },
      {
        key: 'status',
        label: 'Status',
        type: 'string',
        required: false,
        choices: { open: 'Open', closed: 'Closed' },
        dynamic: 'list_statuses.id.label',
      },
      { key: 'crm_ref', label: 'CRM Ref', type: 'string', required: false, meta: { externalId: true } },
      { key: 'customer_id', label: 'Customer', type: 'string', required: false },
      { key: 'sales_reps_ids', label: 'Sales Reps', type: 'string', required: false, list: true },
    ]);
  });

  it('puts required relationships (the owner) first', () => {
    expect(writeInputFields(order, ['sales_reps_ids']).map((field) => field.key)).toEqual([
      'sales_reps_ids',
      'title',
      'paid',
      'tags',
      'status',
      'crm_ref',
      'customer_id',
    ]);
  });
});

describe('custom fields as fields', () => {
  it('declares a custom field as text, requires it as its definition says, and explains it and its form when the account gave no help', () => {
    expect(customInputField({ name: 'go live', label: 'Go-Live', kind: 'date', required: true })).toEqual({
      key: 'custom_go_live',
      label: 'Go-Live',
      type: 'string',
      required: true,
      helpText:
        'The Go-Live custom field set up in your account. A date such as 2025-01-31, Jan 31, 2025, 31 Jan 2025 or tomorrow (write the month as a name when 01/02/2025 could be read two ways).',
    });
    expect(
      customInputField(
        { name: 'tier', label: 'Tier', kind: 'string', required: true, help: 'Support tier.', choices: { gold: 'Gold' } },
        false,
      ),
    ).toEqual({ key: 'custom_tier', label: 'Tier', type: 'string', required: false, helpText: 'Support tier.', choices: { gold: 'Gold' } });
    const seats = customInputField({ name: 'seats', label: 'Seats', kind: 'decimal', required: false });
    expect([seats.type, seats.helpText]).toEqual([
      'string',
      'The Seats custom field set up in your account. A number with a dot before the decimals, such as 1500.00; a comma may separate thousands (1,500.00).',
    ]);
  });

  it('lists a custom field among the outputs under its own key', () => {
    expect(customOutputField({ name: 'go live', label: 'Go-Live', kind: 'date', required: false })).toEqual({
      key: 'custom_go_live',
      label: 'Go-Live',
    });
  });
});
