/**
 * Products against nock: create, update, create-or-update and find. Each test pins the exact
 * requests (method, path, query, JSON body) and what the user gets back or reads.
 */
import nock from 'nock';
import createProduct from '../../creates/create_product.js';
import updateProduct from '../../creates/update_product.js';
import upsertProduct from '../../creates/upsert_product.js';
import findProduct from '../../searches/find_product.js';
import listProducts from '../../triggers/list_products.js';
import { API, SLUG } from '../support/bundle.js';
import { listPage } from '../support/json-api-page.js';
import { dropdownOf, expectFindsById, itRefuses, notAnId, nothingSent, pickedFrom, readThrough, refusalOf } from '../support/app-expect.js';
import { refused, searchRefusalOf, writeThrough } from '../support/app-expect.js';
import { changes, collection, FIRST_PAGE, JSON_API, newRecord, oneGet, onePatch, onePost, pageOf } from '../support/app-requests.js';
import { toAccount } from '../support/app-requests.js';
import { useAppSuite } from '../support/app-suite.js';

const PRODUCTS = collection('products');

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

/** A search of products by `filter`, archived ones included. */
const searchQuery = (filter: Record<string, string>) => ({ ...filter, 'filter[active]': 'true,false', ...FIRST_PAGE });
/** nock answering one search of products by `filter` with `found`. */
const searchFinds = (filter: Record<string, string>, found: unknown[]) => oneGet(PRODUCTS, searchQuery(filter), listPage(found));

const PRICE_IN_WORDS = 'Unit Price must be a number, for example 1500.00 (got "abc").';

useAppSuite();

describe('creates.create_product', () => {
  it('posts the filled-in fields linked to the account, the price as a decimal string without its comma: one POST', async () => {
    const attributes = {
      name: 'FortiGate 60F',
      sku: 'FG-60F',
      'manufacturer-name': 'Fortinet',
      'unit-price': '1500.00',
      'unit-cost': '1100',
      'billing-frequency': 'one_time',
      active: true,
    };
    const scope = onePost(PRODUCTS, newRecord('products', attributes, { account: toAccount }), one('7301', 'FortiGate 60F'));
    const record = await writeThrough(scope, createProduct, {
      name: 'FortiGate 60F',
      sku: ' FG-60F ',
      manufacturer_name: 'Fortinet',
      unit_price: '1,500.00',
      unit_cost: '1100',
      billing_frequency: 'one_time',
      active: 'yes',
      description: '',
      list_price: ' ',
    });
    expect(record).toEqual(productRecord);
    expect(record).toMatchObject({ id: '7301', unit_price: '1500.00', account_id: '42' });
  });

  itRefuses(
    createProduct,
    [
      ['refuses a price in words, naming Unit Price, before any request', { name: 'FortiGate 60F', unit_price: 'abc' }, PRICE_IN_WORDS],
      [
        'refuses a price with a decimal comma rather than read 1,5 as 15, before any request',
        { name: 'FortiGate 60F', unit_price: '1,5' },
        'Unit Price must be a number, for example 1500.00 (got "1,5").',
      ],
      [
        'reports every problem at once, before any request',
        { unit_price: 'abc', billing_frequency: 'weekly' },
        `Name is required. ${PRICE_IN_WORDS} Billing Frequency must be one of one_time, monthly, quarterly, annually (got "weekly").`,
      ],
    ],
    () => nock(API).post(PRODUCTS).reply(201, one('7301', 'FortiGate 60F')),
  );
});

describe('creates.update_product', () => {
  it('patches only the filled-in fields, with the id in the body and no account: one PATCH', async () => {
    const scope = onePatch(
      `${PRODUCTS}/7301`,
      changes('products', '7301', { 'unit-price': '1600.00', active: false }),
      one('7301', 'FortiGate 60F', { 'unit-price': '1600.00', active: false }),
    );
    const input = { id: '7301', unit_price: '1,600.00', active: 'no', name: '', sku: ' ', description: '' };
    expect(await writeThrough(scope, updateProduct, input)).toEqual({ ...productRecord, unit_price: '1600.00', active: false });
  });

  itRefuses(updateProduct, [
    ['asks for something to change, before any request', { id: '7301', name: ' ' }, 'Fill in at least one field to change on the product.'],
    [
      'refuses a product name mapped into the Product field, before any request',
      { id: 'FortiGate 60F', unit_price: '1600' },
      notAnId('Product', 'FortiGate 60F'),
    ],
    ['refuses a price in words, naming Unit Price, before any request', { id: '7301', unit_price: 'abc' }, PRICE_IN_WORDS],
  ]);

  it('offers the product list and Find Product for the Product field', () => {
    const [idField] = updateProduct.operation.inputFields ?? [];
    expect(idField).toMatchObject({ key: 'id', label: 'Product', required: true, ...pickedFrom('list_products', 'find_product') });
  });
});

describe('creates.upsert_product', () => {
  const input = { name: 'FortiGate 60F', sku: 'FG-60F', unit_price: '1,500.00', description: '' };
  const sent = { name: 'FortiGate 60F', sku: 'FG-60F', 'unit-price': '1500.00' };
  const bySku = { 'filter[sku]': 'FG-60F' };

  it('updates the product with the same SKU: one search, then a PATCH of what was filled in', async () => {
    const scope = searchFinds(bySku, [product('7301', 'FortiGate 60F (old name)')])
      .patch(`${PRODUCTS}/7301`, changes('products', '7301', sent))
      .matchHeader('content-type', JSON_API)
      .once()
      .reply(200, one('7301', 'FortiGate 60F'));
    expect(await writeThrough(scope, upsertProduct, input)).toEqual({ ...productRecord, upsert_action: 'updated' });
  });

  it('creates the product when no product has the SKU, even if one has the name: the SKU decides, one lookup and one POST', async () => {
    const scope = searchFinds(bySku, [product('7300', 'FortiGate 60F Bundle', { sku: 'FG-60F-B' })])
      .post(PRODUCTS, newRecord('products', sent, { account: toAccount }))
      .once()
      .reply(201, one('7301', 'FortiGate 60F'));
    expect(await writeThrough(scope, upsertProduct, input)).toEqual({ ...productRecord, upsert_action: 'created' });
  });

  it('searches by name only when no SKU is given', async () => {
    const scope = searchFinds({ 'filter[name]': 'FortiGate 60F' }, [])
      .post(PRODUCTS, newRecord('products', { name: 'FortiGate 60F' }, { account: toAccount }))
      .once()
      .reply(201, one('7301', 'FortiGate 60F'));
    const record = await writeThrough(scope, upsertProduct, { name: 'FortiGate 60F', sku: '' });
    expect(record['upsert_action']).toBe('created');
  });

  it('refuses a missing name or a price in words before the search', async () => {
    expect(await refusalOf(upsertProduct, { sku: 'FG-60F' })).toEqual(nothingSent('Name is required.'));
    expect(await refusalOf(upsertProduct, { name: 'FortiGate 60F', unit_price: 'abc' })).toEqual(nothingSent(PRICE_IN_WORDS));
  });

  it('is labelled by what it matches on', () => {
    const description = 'Creates a product, or updates the one with the same SKU or name.';
    expect(upsertProduct.display).toMatchObject({ label: 'Create or Update Product', description });
  });
});

describe('searches.find_product', () => {
  it('keeps only the exact name among the partial matches, same case first', async () => {
    const scope = oneGet(
      PRODUCTS,
      searchQuery({ 'filter[name]': 'FortiGate 60F' }),
      listPage([product('1', 'FortiGate 60F Bundle'), product('2', 'fortigate 60f'), product('3', 'FortiGate 60F')]),
    );
    const found = await readThrough(scope, findProduct, { name: 'FortiGate 60F' });
    expect(found.map((record) => record.id)).toEqual(['3', '2']);
  });

  it('finds by SKU', async () => {
    const scope = searchFinds({ 'filter[sku]': 'FG-60F' }, [product('7301', 'FortiGate 60F')]);
    expect(await readThrough(scope, findProduct, { sku: 'FG-60F' })).toEqual([productRecord]);
  });

  it('finds by manufacturer part number', async () => {
    const scope = searchFinds({ 'filter[manufacturer-part-number]': 'FG-60F-BDL' }, [
      product('7301', 'FortiGate 60F'),
      product('7309', 'FortiGate 60F HA', { 'manufacturer-part-number': 'FG-60F-BDL-HA' }),
    ]);
    const found = await readThrough(scope, findProduct, { manufacturer_part_number: ' FG-60F-BDL ' });
    expect(found.map((record) => record.id)).toEqual(['7301']);
  });

  it('finds by ID with one GET, and a 404 as none', async () => {
    const known = { id: '7301', answer: one('7301', 'FortiGate 60F'), found: productRecord, ignoring: { name: 'ignored' } };
    await expectFindsById(findProduct, { path: PRODUCTS, ...known, unknownId: '7999' });
  });

  it('asks for something to find by before any request', async () => {
    expect(await searchRefusalOf(findProduct)).toEqual(refused('Enter Name or SKU or Manufacturer Part Number to find product by.'));
  });
});

describe('triggers.list_products', () => {
  it('lists products by name, one page per call', async () => {
    const scope = oneGet(PRODUCTS, { sort: 'name', ...pageOf(1) }, listPage([product('7301', 'FortiGate 60F')]));
    expect(await dropdownOf(scope, listProducts)).toEqual([['7301', 'FortiGate 60F']]);
  });
});
