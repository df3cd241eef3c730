/**
 * People (sales executives, presales engineers, users) and vendors against nock: the searches,
 * the vendor dropdown, and the sales executive and vendor writes. Each test pins the exact
 * requests (method, path, query, JSON body) and what the user gets back or reads.
 */
import nock from 'nock';
import zapier from 'zapier-platform-core';
import createSalesExecutive from '../../creates/create_sales_executive.js';
import createVendor from '../../creates/create_vendor.js';
import updateSalesExecutive from '../../creates/update_sales_executive.js';
import updateVendor from '../../creates/update_vendor.js';
import upsertSalesExecutive from '../../creates/upsert_sales_executive.js';
import upsertVendor from '../../creates/upsert_vendor.js';
import findPresalesEngineer from '../../searches/find_presales_engineer.js';
import findSalesExecutive from '../../searches/find_sales_executive.js';
import findUser from '../../searches/find_user.js';
import findVendor from '../../searches/find_vendor.js';
import App from '../../src/index.js';
import listVendors from '../../triggers/list_vendors.js';
import { ACCESS_TOKEN, API, bundleWith, SLUG, useTestHosts } from '../support/bundle.js';
import { appErrorOf } from '../support/errors.js';
import { useNock } from '../support/nock.js';
import { performOf } from '../support/steps.js';
import { performAsProduction } from '../support/production-input.js';

const appTester = zapier.createAppTester(App);

type FlatRecord = { id: string } & Record<string, unknown>;
interface Resource {
  id: string;
  type: string;
  attributes: Record<string, unknown>;
  relationships: Record<string, { data: { type: string; id: string } }>;
}

const JSON_API = 'application/vnd.api+json';
const SALES_EXECUTIVES = `/${SLUG}/v1/sales-executives`;
const VENDORS = `/${SLUG}/v1/vendors`;
const toAccount = { data: { type: 'accounts', id: '42' } };

/** The to-one relationships a sample record names by `<name>_id`, and the type each points at. */
const RELATED_TYPES: Record<string, string> = { account_id: 'accounts', rate_table_id: 'rate-tables' };

/**
 * A resource as ScopeStack sends it, built back from a catalog sample (snake_case keys become
 * kebab-case attributes, `<name>_id` keys relationships), so that its record is the sample itself.
 */
const resourceOf = (type: string, sample: Readonly<Record<string, unknown>>, attributes: Record<string, unknown> = {}): Resource => {
  const resource: Resource = { id: String(sample['id']), type, attributes: {}, relationships: {} };
  for (const [key, value] of Object.entries(sample)) {
    const related = RELATED_TYPES[key];
    if (key === 'id') continue;
    if (related) resource.relationships[key.slice(0, -'_id'.length).replace(/_/g, '-')] = { data: { type: related, id: String(value) } };
    else resource.attributes[key.replace(/_/g, '-')] = value;
  }
  resource.attributes = { ...resource.attributes, ...attributes };
  return resource;
};

/** A step's sample, which every visible step has. */
const sampleOf = (step: { operation: { sample?: Record<string, unknown> } }): Record<string, unknown> => {
  const { sample } = step.operation;
  if (!sample) throw new Error('the step has no sample');
  return sample;
};

const list = (data: unknown[]) => ({ data, meta: { 'record-count': data.length, 'page-count': 1 }, links: {} });
const page = (filter: Record<string, string> = {}) => ({ ...filter, 'page[number]': '1', 'page[size]': '100' });

useNock();
beforeAll(useTestHosts);

/** Sales executives and presales engineers are searched among inactive people too; users as ScopeStack lists them. */
const ACTIVE_OR_NOT = { 'filter[active]': 'true,false' };

describe.each([
  ['searches.find_sales_executive', findSalesExecutive, 'sales-executives', 'sales executive', ACTIVE_OR_NOT],
  ['searches.find_presales_engineer', findPresalesEngineer, 'presales-engineers', 'presales engineer', ACTIVE_OR_NOT],
  ['searches.find_user', findUser, 'users', 'user', {}],
])('%s', (_name, step, type, noun, searchParams) => {
  const path = `/${SLUG}/v1/${type}`;
  /** The query of a search by `filter`: the step's own parameters, the filter, the first page. */
  const search = (filter: Record<string, string>) => page({ ...searchParams, ...filter });
  const sample = sampleOf(step);
  const name = String(sample['name']);
  const email = String(sample['email']);
  const person = (id: string, attributes: Record<string, unknown> = {}) => resourceOf(type, { ...sample, id }, attributes);

  it('finds by the whole name among the partial matches, same case first', async () => {
    const scope = nock(API)
      .get(path)
      .query(search({ 'filter[name]': name }))
      .matchHeader('accept', JSON_API)
      .matchHeader('authorization', `Bearer ${ACCESS_TOKEN}`)
      .once()
      .reply(
        200,
        list([
          person('901', { name: `${name} Jr` }),
          person('902', { name: name.toUpperCase() }),
          person(String(sample['id'])),
          person('903', { name: `Not ${name}` }),
        ]),
      );
    const found = await appTester(performOf<FlatRecord[]>(step), bundleWith({ name: ` ${name} ` }));
    expect(scope.isDone()).toBe(true);
    expect(found.map((record) => record.id)).toEqual([String(sample['id']), '902']);
    expect(found[0]).toEqual(sample);
  });

  it('finds by email, compared ignoring case', async () => {
    const scope = nock(API)
      .get(path)
      .query(search({ 'filter[email]': email.toUpperCase() }))
      .once()
      .reply(200, list([person(String(sample['id']), { email: email.replace(/^./, (first) => first.toUpperCase()) })]));
    const found = await appTester(performOf<FlatRecord[]>(step), bundleWith({ email: ` ${email.toUpperCase()} ` }));
    expect(scope.isDone()).toBe(true);
    expect(found.map((record) => record.id)).toEqual([String(sample['id'])]);
  });

  it('keeps no one whose email is another, whatever the server filter returns', async () => {
    nock(API)
      .get(path)
      .query(search({ 'filter[email]': email }))
      .once()
      .reply(200, list([person('904', { email: `x.${email}` })]));
    await expect(appTester(performOf(step), bundleWith({ email }))).resolves.toEqual([]);
  });

  it('tries the name first, then the email', async () => {
    const scope = nock(API)
      .get(path)
      .query(search({ 'filter[name]': 'Nobody Example' }))
      .once()
      .reply(200, list([]))
      .get(path)
      .query(search({ 'filter[email]': email }))
      .once()
      .reply(200, list([person(String(sample['id']))]));
    const found = await appTester(performOf<FlatRecord[]>(step), bundleWith({ name: 'Nobody Example', email }));
    expect(scope.isDone()).toBe(true);
    expect(found).toEqual([sample]);
  });

  it('finds by ScopeStack ID with one GET, and a 404 as none', async () => {
    const id = String(sample['id']);
    const scope = nock(API)
      .get(`${path}/${id}`)
      .once()
      .reply(200, { data: person(id) })
      .get(`${path}/9999`)
      .once()
      .reply(404, { errors: [{ title: 'Record not found', status: '404' }] });
    await expect(appTester(performOf(step), bundleWith({ id, name: 'ignored' }))).resolves.toEqual([sample]);
    await expect(appTester(performOf(step), bundleWith({ id: '9999' }))).resolves.toEqual([]);
    expect(scope.isDone()).toBe(true);
  });

  it('asks for a name or email before any request', async () => {
    expect(await appErrorOf(appTester(performOf(step), bundleWith({ name: ' ', email: '' })))).toEqual({
      code: 'ValidationError',
      message: `Enter Name or Email to find ${noun} by.`,
    });
  });

  it('refuses a name mapped into the ID before any request', async () => {
    const error = await appErrorOf(appTester(performOf(step), bundleWith({ id: name })));
    expect(error.code).toBe('ValidationError');
    expect(error.message).toMatch(/^Nothing was searched: .+ ID must be a ScopeStack ID, a whole number such as 1001/);
  });

  it('says what it finds by', () => {
    expect(step.display.description).toBe(`Finds ${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun} by name, email or ID.`);
  });
});

describe.each([
  ['searches.find_sales_executive', findSalesExecutive, 'sales-executives'],
  ['searches.find_presales_engineer', findPresalesEngineer, 'presales-engineers'],
])('%s among inactive people', (_name, step, type) => {
  it('asks for active and inactive people, and keeps an inactive one that matches', async () => {
    const sample = sampleOf(step);
    const email = String(sample['email']);
    const scope = nock(API)
      .get(`/${SLUG}/v1/${type}`)
      .query(page({ 'filter[active]': 'true,false', 'filter[email]': email }))
      .once()
      .reply(200, list([resourceOf(type, sample, { active: false })]));
    const found = await appTester(performOf<FlatRecord[]>(step), bundleWith({ email }));
    expect(scope.isDone()).toBe(true);
    expect(found).toEqual([{ ...sample, active: false }]);
  });
});

describe('creates.create_sales_executive', () => {
  it('posts the filled-in fields linked to the account: one POST', async () => {
    const scope = nock(API)
      .post(SALES_EXECUTIVES, {
        data: {
          type: 'sales-executives',
          attributes: {
            name: 'Jordan Example',
            email: 'jordan@yourfirm.example',
            title: 'Account Executive',
            phone: '+1 555 0100',
            active: true,
          },
          relationships: { account: toAccount },
        },
      })
      .matchHeader('content-type', JSON_API)
      .matchHeader('accept', JSON_API)
      .matchHeader('authorization', `Bearer ${ACCESS_TOKEN}`)
      .once()
      .reply(201, { data: resourceOf('sales-executives', sampleOf(createSalesExecutive)) });
    const record = await performAsProduction<FlatRecord>(
      appTester,
      createSalesExecutive,
      bundleWith({
        name: ' Jordan Example ',
        email: 'jordan@yourfirm.example',
        title: 'Account Executive',
        phone: '+1 555 0100',
        active: 'true',
      }),
    );
    expect(scope.isDone()).toBe(true);
    expect(record).toEqual(sampleOf(createSalesExecutive));
  });

  it('names the missing Name before any request', async () => {
    expect(
      await appErrorOf(performAsProduction(appTester, createSalesExecutive, bundleWith({ email: 'jordan@yourfirm.example' }))),
    ).toEqual({
      code: 'ValidationError',
      message: 'Nothing was sent to ScopeStack: Name is required.',
    });
  });
});

describe('creates.update_sales_executive', () => {
  it('patches only the filled-in fields, with the id in the body: one PATCH', async () => {
    const scope = nock(API)
      .patch(`${SALES_EXECUTIVES}/12`, {
        data: { type: 'sales-executives', id: '12', attributes: { title: 'Sales Director', active: false } },
      })
      .matchHeader('content-type', JSON_API)
      .once()
      .reply(200, {
        data: resourceOf('sales-executives', sampleOf(createSalesExecutive), { title: 'Sales Director', active: false }),
      });
    const record = await performAsProduction<FlatRecord>(
      appTester,
      updateSalesExecutive,
      bundleWith({ id: '12', title: 'Sales Director', active: 'no', name: '', email: ' ' }),
    );
    expect(scope.isDone()).toBe(true);
    expect(record).toEqual({ ...sampleOf(createSalesExecutive), title: 'Sales Director', active: false });
  });

  it('offers the sales executive list and Find Sales Executive', () => {
    expect(updateSalesExecutive.operation.inputFields?.[0]).toMatchObject({
      key: 'id',
      label: 'Sales Executive',
      dynamic: 'list_sales_executives.id.label',
      search: 'find_sales_executive.id',
    });
  });
});

describe('creates.upsert_sales_executive', () => {
  const sample = sampleOf(createSalesExecutive);
  // Inactive people are searched too, so that a deactivated sales executive is updated, not duplicated.
  const byEmail = (found: Resource[]) =>
    nock(API)
      .get(SALES_EXECUTIVES)
      .query(page({ ...ACTIVE_OR_NOT, 'filter[email]': 'jordan@yourfirm.example' }))
      .once()
      .reply(200, list(found));
  const input = { name: 'Jordan Example', email: 'jordan@yourfirm.example', title: 'Account Executive', phone: '' };
  const attributes = { name: 'Jordan Example', email: 'jordan@yourfirm.example', title: 'Account Executive' };

  it('updates the sales executive with the same email (any case): one search, then a PATCH', async () => {
    const scope = byEmail([resourceOf('sales-executives', sample, { email: 'Jordan@YourFirm.example', name: 'J. Example' })])
      .patch(`${SALES_EXECUTIVES}/12`, { data: { type: 'sales-executives', id: '12', attributes } })
      .matchHeader('content-type', JSON_API)
      .once()
      .reply(200, { data: resourceOf('sales-executives', sample) });
    const record = await performAsProduction<FlatRecord>(appTester, upsertSalesExecutive, bundleWith(input));
    expect(scope.isDone()).toBe(true);
    expect(record).toEqual({ ...sample, upsert_action: 'updated' });
  });

  it('creates the sales executive, linked to the account, when no one has the email: search, then POST', async () => {
    const scope = byEmail([])
      .post(SALES_EXECUTIVES, { data: { type: 'sales-executives', attributes, relationships: { account: toAccount } } })
      .once()
      .reply(201, { data: resourceOf('sales-executives', sample) });
    const record = await performAsProduction<FlatRecord>(appTester, upsertSalesExecutive, bundleWith(input));
    expect(scope.isDone()).toBe(true);
    expect(record).toEqual({ ...sample, upsert_action: 'created' });
  });

  it('asks for the email it matches on before any request', async () => {
    expect(await appErrorOf(performAsProduction(appTester, upsertSalesExecutive, bundleWith({ name: 'Jordan Example' })))).toEqual({
      code: 'ValidationError',
      message: 'Nothing was sent to ScopeStack: Email is required.',
    });
  });

  it('is labelled by what it matches on', () => {
    expect(upsertSalesExecutive.display).toMatchObject({
      label: 'Create or Update Sales Executive',
      description: 'Creates a sales executive, or updates the one with the same email.',
    });
  });
});

describe('vendors', () => {
  const sample = sampleOf(createVendor);
  const vendor = (id: string, attributes: Record<string, unknown> = {}) => resourceOf('vendors', { ...sample, id }, attributes);
  const searchQuery = (name: string) => page({ 'filter[active]': 'true,false', 'filter[name]': name });

  describe('searches.find_vendor', () => {
    it('finds by the whole name among the partial matches, archived vendors too, same case first', async () => {
      const scope = nock(API)
        .get(VENDORS)
        .query(searchQuery('Example Distribution'))
        .matchHeader('authorization', `Bearer ${ACCESS_TOKEN}`)
        .once()
        .reply(
          200,
          list([
            vendor('3690', { name: 'Example Distribution West' }),
            vendor('3691', { name: 'example distribution', active: false }),
            vendor('3601'),
          ]),
        );
      const found = await appTester(performOf<FlatRecord[]>(findVendor), bundleWith({ name: 'Example Distribution' }));
      expect(scope.isDone()).toBe(true);
      expect(found.map((record) => record.id)).toEqual(['3601', '3691']);
      expect(found[0]).toEqual(sample);
    });

    it('finds by ScopeStack ID with one GET', async () => {
      const scope = nock(API)
        .get(`${VENDORS}/3601`)
        .once()
        .reply(200, { data: vendor('3601') });
      await expect(appTester(performOf(findVendor), bundleWith({ id: '3601' }))).resolves.toEqual([sample]);
      expect(scope.isDone()).toBe(true);
    });

    it('asks for a name before any request', async () => {
      expect(await appErrorOf(appTester(performOf(findVendor), bundleWith({})))).toEqual({
        code: 'ValidationError',
        message: 'Enter Name to find vendor by.',
      });
    });
  });

  describe('triggers.list_vendors', () => {
    it('lists vendors by name, one page per call, labelled by name', async () => {
      const scope = nock(API)
        .get(VENDORS)
        .query({ sort: 'name', 'page[number]': '3', 'page[size]': '100' })
        .once()
        .reply(200, list([vendor('3601'), vendor('3602', { name: 'Ingram Micro' })]));
      const records = await appTester(performOf<FlatRecord[]>(listVendors), { ...bundleWith(), meta: { page: 2 } });
      expect(scope.isDone()).toBe(true);
      expect(records.map((record) => [record.id, record['label']])).toEqual([
        ['3601', 'Example Distribution'],
        ['3602', 'Ingram Micro'],
      ]);
    });
  });

  describe('creates.create_vendor', () => {
    it('posts the filled-in fields linked to the account: one POST', async () => {
      const scope = nock(API)
        .post(VENDORS, {
          data: {
            type: 'vendors',
            attributes: {
              name: 'Example Distribution',
              active: true,
              'street-address': '1 Main St',
              city: 'Denver',
              state: 'CO',
              'postal-code': '80202',
              country: 'US',
            },
            relationships: { account: toAccount },
          },
        })
        .matchHeader('content-type', JSON_API)
        .once()
        .reply(201, { data: vendor('3601') });
      const record = await performAsProduction<FlatRecord>(
        appTester,
        createVendor,
        bundleWith({
          name: 'Example Distribution',
          active: 'yes',
          street_address: '1 Main St',
          street2: '',
          city: 'Denver',
          state: 'CO',
          postal_code: '80202',
          country: 'US',
        }),
      );
      expect(scope.isDone()).toBe(true);
      expect(record).toEqual(sample);
    });

    it('labels the street fields as a person writes an address', () => {
      const fields = createVendor.operation.inputFields as { key: string; label?: string }[];
      expect(fields.filter((field) => field.key.startsWith('street')).map((field) => [field.key, field.label])).toEqual([
        ['street_address', 'Street'],
        ['street2', 'Street (Line 2)'],
      ]);
    });
  });

  describe('creates.update_vendor', () => {
    it('patches only the filled-in fields, with the id in the body: one PATCH', async () => {
      const scope = nock(API)
        .patch(`${VENDORS}/3601`, { data: { type: 'vendors', id: '3601', attributes: { street2: 'Suite 200', active: false } } })
        .matchHeader('content-type', JSON_API)
        .once()
        .reply(200, { data: vendor('3601', { street2: 'Suite 200', active: false }) });
      const record = await performAsProduction<FlatRecord>(
        appTester,
        updateVendor,
        bundleWith({ id: '3601', street2: 'Suite 200', active: 'false', name: ' ' }),
      );
      expect(scope.isDone()).toBe(true);
      expect(record).toEqual({ ...sample, street2: 'Suite 200', active: false });
    });

    it('refuses a vendor name mapped into the Vendor field, before any request', async () => {
      const error = await appErrorOf(
        performAsProduction(appTester, updateVendor, bundleWith({ id: 'Example Distribution', city: 'Denver' })),
      );
      expect(error.message).toBe(
        'Nothing was sent to ScopeStack: Vendor must be a ScopeStack ID, a whole number such as 1001 (got "Example Distribution"). ' +
          'Pick one from the dropdown, or map the ID (not the name) from an earlier step.',
      );
    });
  });

  describe('creates.upsert_vendor', () => {
    const search = (found: Resource[]) => nock(API).get(VENDORS).query(searchQuery('Example Distribution')).once().reply(200, list(found));
    const input = { name: 'Example Distribution', city: 'Denver', country: '' };

    it('updates the vendor of the exact name (ignoring case): one search, then a PATCH', async () => {
      const scope = search([vendor('3690', { name: 'Example Distribution West' }), vendor('3601', { name: 'EXAMPLE DISTRIBUTION' })])
        .patch(`${VENDORS}/3601`, { data: { type: 'vendors', id: '3601', attributes: { name: 'Example Distribution', city: 'Denver' } } })
        .once()
        .reply(200, { data: vendor('3601') });
      const record = await performAsProduction<FlatRecord>(appTester, upsertVendor, bundleWith(input));
      expect(scope.isDone()).toBe(true);
      expect(record).toEqual({ ...sample, upsert_action: 'updated' });
    });

    it('creates the vendor, linked to the account, when only partial names match: search, then POST', async () => {
      const scope = search([vendor('3690', { name: 'Example Distribution West' })])
        .post(VENDORS, {
          data: { type: 'vendors', attributes: { name: 'Example Distribution', city: 'Denver' }, relationships: { account: toAccount } },
        })
        .once()
        .reply(201, { data: vendor('3601') });
      const record = await performAsProduction<FlatRecord>(appTester, upsertVendor, bundleWith(input));
      expect(scope.isDone()).toBe(true);
      expect(record).toEqual({ ...sample, upsert_action: 'created' });
    });

    it('asks for the name it matches on before any request', async () => {
      expect(await appErrorOf(performAsProduction(appTester, upsertVendor, bundleWith({ city: 'Denver' })))).toEqual({
        code: 'ValidationError',
        message: 'Nothing was sent to ScopeStack: Name is required.',
      });
    });

    it('is labelled by what it matches on', () => {
      expect(upsertVendor.display).toMatchObject({
        label: 'Create or Update Vendor',
        description: 'Creates a vendor, or updates the one with the same name.',
      });
    });
  });
});
