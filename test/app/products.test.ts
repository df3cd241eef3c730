/**
 * Products against nock: create, update, create-or-update and find. Each test pins the exact
 * requests (method, path, query, JSON body) and what the user gets back or reads.
 */
import nock from 'nock';
import zapier from 'zapier-platform-core';
import createProduct from '../../creates/create_product.js';
import updateProduct from '../../creates/update_product.js';
import upsertProduct from '../../creates/upsert_product.js';
import findProduct from '../../searches/find_product.js';
import App from '../../src/index.js';
import listProducts from '../../triggers/list_products.js';
import { ACCESS_TOKEN, API, bundleWith, SLUG, useTestHosts } from '../support/bundle.js';
import { appErrorOf } from '../support/errors.js';
import { useNock } from '../support/nock.js';
import { performOf } from '../support/steps.js';
import { performAsProduction } from '../support/production-input.js';

const appTester = zapier.createAppTester(App);

type FlatRecord = { id: string } & Record<string, unknown>;

const PRODUCTS = `/${SLUG}/v1/products`;
const JSON_API = 'application/vnd.api+json';
const toAccount = { data: { type: 'accounts', id: '42' } };

/** One product as ScopeStack sends it; with no overrides, the catalog's sample record. */
const product = (id: string, name: string, attributes: Record<string, unknown> = {}) => ({
  id,
  type: 'products',
  links: { self: `https://api.scopestack.io/${SLUG}/v1/products/${id}` },
  attributes: {
    name,
    sku: 'FG-60F',
    description: 'Next-generation firewall appliance.',
    'manufacturer-name': 'Fortinet',
    'manufacturer-part-number': 'FG-60F-BDL',
    'product-id': 'HW-0042',
    category: 'Security',
    subcategory: 'Firewalls',
    'unit-of-measure': 'each',
    'unit-price': '1500.00',
    'unit-cost': '1100.00',
    'list-price': null,
    markup: null,
    'billing-frequency': 'one_time',
    active: true,
    'project-variables': [{ name: 'warranty_years', label: 'Warranty (Years)', value: 3 }],
    'created-at': '2025-01-20T09:15:00Z',
    'updated-at': '2025-01-20T09:15:00Z',
    ...attributes,
  },
  relationships: { account: toAccount },
});
const one = (id: string, name: string, attributes: Record<string, unknown> = {}) => ({ data: product(id, name, attributes) });

/** The product of `one('7301', 'FortiGate 60F')` as a step returns it: the sample, with the custom field under its own key too. */
const productRecord = { ...createProduct.operation.sample, custom_warranty_years: 3 };

const list = (data: unknown[]) => ({ data, meta: { 'record-count': data.length, 'page-count': 1 }, links: {} });

const searchQuery = (filter: Record<string, string>) => ({
  ...filter,
  'filter[active]': 'true,false',
  'page[number]': '1',
  'page[size]': '100',
});

useNock();
beforeAll(useTestHosts);

describe('creates.create_product', () => {
  it('posts the filled-in fields linked to the account, the price as a decimal string without its comma: one POST', async () => {
    const scope = nock(API)
      .post(PRODUCTS, {
        data: {
          type: 'products',
          attributes: {
            name: 'FortiGate 60F',
            sku: 'FG-60F',
            'manufacturer-name': 'Fortinet',
            'unit-price': '1500.00',
            'unit-cost': '1100',
            'billing-frequency': 'one_time',
            active: true,
          },
          relationships: { account: toAccount },
        },
      })
      .matchHeader('content-type', JSON_API)
      .matchHeader('accept', JSON_API)
      .matchHeader('authorization', `Bearer ${ACCESS_TOKEN}`)
      .once()
      .reply(201, one('7301', 'FortiGate 60F'));
    const record = await performAsProduction<FlatRecord>(
      appTester,
      createProduct,
      bundleWith({
        name: 'FortiGate 60F',
        sku: ' FG-60F ',
        manufacturer_name: 'Fortinet',
        unit_price: '1,500.00',
        unit_cost: '1100',
        billing_frequency: 'one_time',
        active: 'yes',
        description: '',
        list_price: ' ',
      }),
    );
    expect(scope.isDone()).toBe(true);
    expect(record).toEqual(productRecord);
    expect(record).toMatchObject({ id: '7301', unit_price: '1500.00', account_id: '42' });
  });

  it('refuses a price in words, naming Unit Price, before any request', async () => {
    const scope = nock(API).post(PRODUCTS).reply(201, one('7301', 'FortiGate 60F'));
    const error = await appErrorOf(performAsProduction(appTester, createProduct, bundleWith({ name: 'FortiGate 60F', unit_price: 'abc' })));
    expect(scope.isDone()).toBe(false);
    expect(error).toEqual({
      code: 'ValidationError',
      message: 'Nothing was sent to ScopeStack: Unit Price must be a number, for example 1500.00 (got "abc").',
    });
  });

  it('refuses a price with a decimal comma rather than read 1,5 as 15, before any request', async () => {
    const scope = nock(API).post(PRODUCTS).reply(201, one('7301', 'FortiGate 60F'));
    const error = await appErrorOf(performAsProduction(appTester, createProduct, bundleWith({ name: 'FortiGate 60F', unit_price: '1,5' })));
    expect(scope.isDone()).toBe(false);
    expect(error).toEqual({
      code: 'ValidationError',
      message: 'Nothing was sent to ScopeStack: Unit Price must be a number, for example 1500.00 (got "1,5").',
    });
  });

  it('reports every problem at once, before any request', async () => {
    const error = await appErrorOf(
      performAsProduction(appTester, createProduct, bundleWith({ unit_price: 'abc', billing_frequency: 'weekly' })),
    );
    expect(error.message).toBe(
      'Nothing was sent to ScopeStack: Name is required. Unit Price must be a number, for example 1500.00 (got "abc"). ' +
        'Billing Frequency must be one of one_time, monthly, quarterly, annually (got "weekly").',
    );
  });
});

describe('creates.update_product', () => {
  it('patches only the filled-in fields, with the id in the body and no account: one PATCH', async () => {
    const scope = nock(API)
      .patch(`${PRODUCTS}/7301`, { data: { type: 'products', id: '7301', attributes: { 'unit-price': '1600.00', active: false } } })
      .matchHeader('content-type', JSON_API)
      .once()
      .reply(200, one('7301', 'FortiGate 60F', { 'unit-price': '1600.00', active: false }));
    const record = await performAsProduction<FlatRecord>(
      appTester,
      updateProduct,
      bundleWith({ id: '7301', unit_price: '1,600.00', active: 'no', name: '', sku: ' ', description: '' }),
    );
    expect(scope.isDone()).toBe(true);
    expect(record).toEqual({ ...productRecord, unit_price: '1600.00', active: false });
  });

  it('asks for something to change, before any request', async () => {
    expect(await appErrorOf(performAsProduction(appTester, updateProduct, bundleWith({ id: '7301', name: ' ' })))).toEqual({
      code: 'ValidationError',
      message: 'Nothing was sent to ScopeStack: Fill in at least one field to change on the product.',
    });
  });

  it('refuses a product name mapped into the Product field, before any request', async () => {
    expect(
      await appErrorOf(performAsProduction(appTester, updateProduct, bundleWith({ id: 'FortiGate 60F', unit_price: '1600' }))),
    ).toEqual({
      code: 'ValidationError',
      message:
        'Nothing was sent to ScopeStack: Product must be a ScopeStack ID, a whole number such as 1001 (got "FortiGate 60F"). ' +
        'Pick one from the dropdown, or map the ID (not the name) from an earlier step.',
    });
  });

  it('refuses a price in words, naming Unit Price, before any request', async () => {
    const error = await appErrorOf(performAsProduction(appTester, updateProduct, bundleWith({ id: '7301', unit_price: 'abc' })));
    expect(error.message).toBe('Nothing was sent to ScopeStack: Unit Price must be a number, for example 1500.00 (got "abc").');
  });

  it('offers the product list and Find Product for the Product field', () => {
    expect(updateProduct.operation.inputFields?.[0]).toMatchObject({
      key: 'id',
      label: 'Product',
      required: true,
      dynamic: 'list_products.id.label',
      search: 'find_product.id',
    });
  });
});

describe('creates.upsert_product', () => {
  const bySku = (found: unknown[]) =>
    nock(API)
      .get(PRODUCTS)
      .query(searchQuery({ 'filter[sku]': 'FG-60F' }))
      .once()
      .reply(200, list(found));
  const input = { name: 'FortiGate 60F', sku: 'FG-60F', unit_price: '1,500.00', description: '' };
  const changes = { name: 'FortiGate 60F', sku: 'FG-60F', 'unit-price': '1500.00' };

  it('updates the product with the same SKU: one search, then a PATCH of what was filled in', async () => {
    const scope = bySku([product('7301', 'FortiGate 60F (old name)')])
      .patch(`${PRODUCTS}/7301`, { data: { type: 'products', id: '7301', attributes: changes } })
      .matchHeader('content-type', JSON_API)
      .once()
      .reply(200, one('7301', 'FortiGate 60F'));
    const record = await performAsProduction<FlatRecord>(appTester, upsertProduct, bundleWith(input));
    expect(scope.isDone()).toBe(true);
    expect(record).toEqual({ ...productRecord, upsert_action: 'updated' });
  });

  it('creates the product when no product has the SKU, even if one has the name: the SKU decides, one lookup and one POST', async () => {
    const scope = bySku([product('7300', 'FortiGate 60F Bundle', { sku: 'FG-60F-B' })])
      .post(PRODUCTS, { data: { type: 'products', attributes: changes, relationships: { account: toAccount } } })
      .once()
      .reply(201, one('7301', 'FortiGate 60F'));
    const record = await performAsProduction<FlatRecord>(appTester, upsertProduct, bundleWith(input));
    expect(scope.isDone()).toBe(true);
    expect(record).toEqual({ ...productRecord, upsert_action: 'created' });
  });

  it('searches by name only when no SKU is given', async () => {
    const scope = nock(API)
      .get(PRODUCTS)
      .query(searchQuery({ 'filter[name]': 'FortiGate 60F' }))
      .once()
      .reply(200, list([]))
      .post(PRODUCTS, { data: { type: 'products', attributes: { name: 'FortiGate 60F' }, relationships: { account: toAccount } } })
      .once()
      .reply(201, one('7301', 'FortiGate 60F'));
    const record = await performAsProduction<FlatRecord>(appTester, upsertProduct, bundleWith({ name: 'FortiGate 60F', sku: '' }));
    expect(scope.isDone()).toBe(true);
    expect(record['upsert_action']).toBe('created');
  });

  it('refuses a missing name or a price in words before the search', async () => {
    expect(await appErrorOf(performAsProduction(appTester, upsertProduct, bundleWith({ sku: 'FG-60F' })))).toEqual({
      code: 'ValidationError',
      message: 'Nothing was sent to ScopeStack: Name is required.',
    });
    const error = await appErrorOf(performAsProduction(appTester, upsertProduct, bundleWith({ name: 'FortiGate 60F', unit_price: 'abc' })));
    expect(error.message).toBe('Nothing was sent to ScopeStack: Unit Price must be a number, for example 1500.00 (got "abc").');
  });

  it('is labelled by what it matches on', () => {
    expect(upsertProduct.display).toMatchObject({
      label: 'Create or Update Product',
      description: 'Creates a product, or updates the one with the same SKU or name.',
    });
  });
});

describe('searches.find_product', () => {
  it('keeps only the exact name among the partial matches, same case first', async () => {
    const scope = nock(API)
      .get(PRODUCTS)
      .query(searchQuery({ 'filter[name]': 'FortiGate 60F' }))
      .matchHeader('accept', JSON_API)
      .once()
      .reply(200, list([product('1', 'FortiGate 60F Bundle'), product('2', 'fortigate 60f'), product('3', 'FortiGate 60F')]));
    const found = await appTester(performOf<FlatRecord[]>(findProduct), bundleWith({ name: 'FortiGate 60F' }));
    expect(scope.isDone()).toBe(true);
    expect(found.map((record) => record.id)).toEqual(['3', '2']);
  });

  it('finds by SKU', async () => {
    const scope = nock(API)
      .get(PRODUCTS)
      .query(searchQuery({ 'filter[sku]': 'FG-60F' }))
      .once()
      .reply(200, list([product('7301', 'FortiGate 60F')]));
    const found = await appTester(performOf<FlatRecord[]>(findProduct), bundleWith({ sku: 'FG-60F' }));
    expect(scope.isDone()).toBe(true);
    expect(found).toEqual([productRecord]);
  });

  it('finds by manufacturer part number', async () => {
    const scope = nock(API)
      .get(PRODUCTS)
      .query(searchQuery({ 'filter[manufacturer-part-number]': 'FG-60F-BDL' }))
      .once()
      .reply(
        200,
        list([product('7301', 'FortiGate 60F'), product('7309', 'FortiGate 60F HA', { 'manufacturer-part-number': 'FG-60F-BDL-HA' })]),
      );
    const found = await appTester(performOf<FlatRecord[]>(findProduct), bundleWith({ manufacturer_part_number: ' FG-60F-BDL ' }));
    expect(scope.isDone()).toBe(true);
    expect(found.map((record) => record.id)).toEqual(['7301']);
  });

  it('finds by ID with one GET, and a 404 as none', async () => {
    const scope = nock(API)
      .get(`${PRODUCTS}/7301`)
      .matchHeader('authorization', `Bearer ${ACCESS_TOKEN}`)
      .once()
      .reply(200, one('7301', 'FortiGate 60F'))
      .get(`${PRODUCTS}/7999`)
      .once()
      .reply(404, { errors: [{ title: 'Record not found', status: '404' }] });
    await expect(appTester(performOf(findProduct), bundleWith({ id: '7301', name: 'ignored' }))).resolves.toEqual([productRecord]);
    await expect(appTester(performOf(findProduct), bundleWith({ id: '7999' }))).resolves.toEqual([]);
    expect(scope.isDone()).toBe(true);
  });

  it('asks for something to find by before any request', async () => {
    expect(await appErrorOf(appTester(performOf(findProduct), bundleWith({})))).toEqual({
      code: 'ValidationError',
      message: 'Enter Name or SKU or Manufacturer Part Number to find product by.',
    });
  });
});

describe('triggers.list_products', () => {
  it('lists products by name, one page per call', async () => {
    const scope = nock(API)
      .get(PRODUCTS)
      .query({ sort: 'name', 'page[number]': '1', 'page[size]': '100' })
      .once()
      .reply(200, list([product('7301', 'FortiGate 60F')]));
    const records = await appTester(performOf<FlatRecord[]>(listProducts), bundleWith());
    expect(scope.isDone()).toBe(true);
    expect(records.map((record) => [record.id, record['label']])).toEqual([['7301', 'FortiGate 60F']]);
  });
});
