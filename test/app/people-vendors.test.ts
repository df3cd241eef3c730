/**
 * People (sales executives, presales engineers, users) and vendors against nock: the searches,
 * the vendor dropdown, and the sales executive and vendor writes. Each test pins the exact
 * requests (method, path, query, JSON body) and what the user gets back or reads.
 */
import nock from 'nock';
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
import listVendors from '../../triggers/list_vendors.js';
import { API } from '../support/bundle.js';
import { listPage } from '../support/json-api-page.js';
import { dropdownOf, expectFindsById, notAnId, nothingSent, pickedFrom, readThrough, refusalOf, refused } from '../support/app-expect.js';
import { searchRefusalOf, writeThrough } from '../support/app-expect.js';
import { changes, collection, FIRST_PAGE, newRecord, oneGet, onePatch, onePost, pageOf, toAccount } from '../support/app-requests.js';
import { type Resource, runStep, useAppSuite } from '../support/app-suite.js';

const SALES_EXECUTIVES = collection('sales-executives');
const VENDORS = collection('vendors');

/** The to-one relationships a sample record names by `<name>_id`, and the type each points at. */
const RELATED_TYPES: Record<string, string> = { account_id: 'accounts', rate_table_id: 'rate-tables' };

/**
 * A resource as ScopeStack sends it, built back from a catalog sample (snake_case keys become
 * kebab-case attributes, `<name>_id` keys relationships), so that its record is the sample itself.
 */
const resourceOf = (type: string, sample: Readonly<Record<string, unknown>>, attributes: Record<string, unknown> = {}): Resource => {
  const built: Record<string, unknown> = {};
  const relationships: Record<string, { data: { type: string; id: string } }> = {};
  for (const [key, value] of Object.entries(sample)) {
    const related = RELATED_TYPES[key];
    if (key === 'id') continue;
    if (related) relationships[key.slice(0, -'_id'.length).replace(/_/g, '-')] = { data: { type: related, id: String(value) } };
    else built[key.replace(/_/g, '-')] = value;
  }
  return { id: String(sample['id']), type, attributes: { ...built, ...attributes }, relationships };
};

/** A step's sample, which every visible step has. */
const sampleOf = (step: { operation: { sample?: Record<string, unknown> } }): Record<string, unknown> => {
  const { sample } = step.operation;
  if (!sample) throw new Error('the step has no sample');
  return sample;
};

const salesExecutiveSample = sampleOf(createSalesExecutive);
const vendorSample = sampleOf(createVendor);
const vendor = (id: string, attributes: Record<string, unknown> = {}) => resourceOf('vendors', { ...vendorSample, id }, attributes);

/** The query of a search by `filter`: the filter, then the first page. */
const page = (filter: Record<string, string> = {}) => ({ ...filter, ...FIRST_PAGE });

useAppSuite();

/** Sales executives and presales engineers are searched among inactive people too; users as ScopeStack lists them. */
const ACTIVE_OR_NOT = { 'filter[active]': 'true,false' };

describe.each([
  ['searches.find_sales_executive', findSalesExecutive, 'sales-executives', 'sales executive', ACTIVE_OR_NOT],
  ['searches.find_presales_engineer', findPresalesEngineer, 'presales-engineers', 'presales engineer', ACTIVE_OR_NOT],
  ['searches.find_user', findUser, 'users', 'user', {}],
])('%s', (_name, step, type, noun, searchParams) => {
  const path = collection(type);
  /** The query of a search by `filter`: the step's own parameters, the filter, the first page. */
  const search = (filter: Record<string, string>) => page({ ...searchParams, ...filter });
  const sample = sampleOf(step);
  const id = String(sample['id']);
  const name = String(sample['name']);
  const email = String(sample['email']);
  const person = (personId: string, attributes: Record<string, unknown> = {}) => resourceOf(type, { ...sample, id: personId }, attributes);

  it('finds by the whole name among the partial matches, same case first', async () => {
    const partialMatches = [person('901', { name: `${name} Jr` }), person('902', { name: name.toUpperCase() }), person(id)];
    const scope = oneGet(path, search({ 'filter[name]': name }), listPage([...partialMatches, person('903', { name: `Not ${name}` })]));
    const found = await readThrough(scope, step, { name: ` ${name} ` });
    expect(found.map((record) => record.id)).toEqual([id, '902']);
    expect(found[0]).toEqual(sample);
  });

  it('finds by email, compared ignoring case', async () => {
    const stored = person(id, { email: email.replace(/^./, (first) => first.toUpperCase()) });
    const scope = oneGet(path, search({ 'filter[email]': email.toUpperCase() }), listPage([stored]));
    const found = await readThrough(scope, step, { email: ` ${email.toUpperCase()} ` });
    expect(found.map((record) => record.id)).toEqual([id]);
  });

  it('keeps no one whose email is another, whatever the server filter returns', async () => {
    oneGet(path, search({ 'filter[email]': email }), listPage([person('904', { email: `x.${email}` })]));
    await expect(runStep(step, { email })).resolves.toEqual([]);
  });

  it('tries the name first, then the email', async () => {
    const byName = oneGet(path, search({ 'filter[name]': 'Nobody Example' }), listPage([]));
    const byEmail = oneGet(path, search({ 'filter[email]': email }), listPage([person(id)]));
    expect(await readThrough(byEmail, step, { name: 'Nobody Example', email })).toEqual([sample]);
    expect(byName.isDone()).toBe(true);
  });

  it('finds by ScopeStack ID with one GET, and a 404 as none', async () => {
    await expectFindsById(step, {
      path,
      id,
      answer: { data: person(id) },
      found: sample,
      unknownId: '9999',
      ignoring: { name: 'ignored' },
    });
  });

  it('asks for a name or email before any request', async () => {
    expect(await searchRefusalOf(step, { name: ' ', email: '' })).toEqual(refused(`Enter Name or Email to find ${noun} by.`));
  });

  it('refuses a name mapped into the ID before any request', async () => {
    const error = await searchRefusalOf(step, { id: name });
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
    const query = page({ 'filter[active]': 'true,false', 'filter[email]': email });
    const scope = oneGet(collection(type), query, listPage([resourceOf(type, sample, { active: false })]));
    expect(await readThrough(scope, step, { email })).toEqual([{ ...sample, active: false }]);
  });
});

describe('creates.create_sales_executive', () => {
  it('posts the filled-in fields linked to the account: one POST', async () => {
    const attributes = { name: 'Jordan Example', email: 'jordan@yourfirm.example', title: 'Account Executive', phone: '+1 555 0100' };
    const scope = onePost(SALES_EXECUTIVES, newRecord('sales-executives', { ...attributes, active: true }, { account: toAccount }), {
      data: resourceOf('sales-executives', sampleOf(createSalesExecutive)),
    });
    const record = await writeThrough(scope, createSalesExecutive, {
      name: ' Jordan Example ',
      email: 'jordan@yourfirm.example',
      title: 'Account Executive',
      phone: '+1 555 0100',
      active: 'true',
    });
    expect(record).toEqual(sampleOf(createSalesExecutive));
  });

  it('names the missing Name before any request', async () => {
    expect(await refusalOf(createSalesExecutive, { email: 'jordan@yourfirm.example' })).toEqual(nothingSent('Name is required.'));
  });
});

describe('creates.update_sales_executive', () => {
  it('patches only the filled-in fields, with the id in the body: one PATCH', async () => {
    const changed = { title: 'Sales Director', active: false };
    const scope = onePatch(`${SALES_EXECUTIVES}/12`, changes('sales-executives', '12', changed), {
      data: resourceOf('sales-executives', sampleOf(createSalesExecutive), changed),
    });
    const input = { id: '12', title: 'Sales Director', active: 'no', name: '', email: ' ' };
    expect(await writeThrough(scope, updateSalesExecutive, input)).toEqual({ ...sampleOf(createSalesExecutive), ...changed });
  });

  it('offers the sales executive list and Find Sales Executive', () => {
    const [idField] = updateSalesExecutive.operation.inputFields ?? [];
    expect(idField).toMatchObject({ key: 'id', label: 'Sales Executive', ...pickedFrom('list_sales_executives', 'find_sales_executive') });
  });
});

describe('vendors', () => {
  const sample = vendorSample;
  const searchQuery = (name: string) => page({ 'filter[active]': 'true,false', 'filter[name]': name });

  describe('searches.find_vendor', () => {
    it('finds by the whole name among the partial matches, archived vendors too, same case first', async () => {
      const partialMatches = [
        vendor('3690', { name: 'Example Distribution West' }),
        vendor('3691', { name: 'example distribution', active: false }),
      ];
      const scope = oneGet(VENDORS, searchQuery('Example Distribution'), listPage([...partialMatches, vendor('3601')]));
      const found = await readThrough(scope, findVendor, { name: 'Example Distribution' });
      expect(found.map((record) => record.id)).toEqual(['3601', '3691']);
      expect(found[0]).toEqual(sample);
    });

    it('finds by ScopeStack ID with one GET', async () => {
      const scope = nock(API)
        .get(`${VENDORS}/3601`)
        .once()
        .reply(200, { data: vendor('3601') });
      expect(await readThrough(scope, findVendor, { id: '3601' })).toEqual([sample]);
    });

    it('asks for a name before any request', async () => {
      expect(await searchRefusalOf(findVendor)).toEqual(refused('Enter Name to find vendor by.'));
    });
  });

  describe('triggers.list_vendors', () => {
    it('lists vendors by name, one page per call, labelled by name', async () => {
      const scope = oneGet(VENDORS, { sort: 'name', ...pageOf(3) }, listPage([vendor('3601'), vendor('3602', { name: 'Ingram Micro' })]));
      expect(await dropdownOf(scope, listVendors, 2)).toEqual([
        ['3601', 'Example Distribution'],
        ['3602', 'Ingram Micro'],
      ]);
    });
  });

  describe('creates.create_vendor', () => {
    it('posts the filled-in fields linked to the account: one POST', async () => {
      const address = { city: 'Denver', state: 'CO', 'postal-code': '80202', country: 'US' };
      const attributes = { name: 'Example Distribution', active: true, 'street-address': '1 Main St', ...address };
      const scope = onePost(VENDORS, newRecord('vendors', attributes, { account: toAccount }), { data: vendor('3601') });
      const record = await writeThrough(scope, createVendor, {
        name: 'Example Distribution',
        active: 'yes',
        street_address: '1 Main St',
        street2: '',
        city: 'Denver',
        state: 'CO',
        postal_code: '80202',
        country: 'US',
      });
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
      const changed = { street2: 'Suite 200', active: false };
      const scope = onePatch(`${VENDORS}/3601`, changes('vendors', '3601', changed), { data: vendor('3601', changed) });
      const input = { id: '3601', street2: 'Suite 200', active: 'false', name: ' ' };
      expect(await writeThrough(scope, updateVendor, input)).toEqual({ ...sample, ...changed });
    });

    it('refuses a vendor name mapped into the Vendor field, before any request', async () => {
      const error = await refusalOf(updateVendor, { id: 'Example Distribution', city: 'Denver' });
      expect(error).toEqual(nothingSent(notAnId('Vendor', 'Example Distribution')));
    });
  });
});

/**
 * The create-or-update steps of sales executives and vendors: one search by the field they match
 * on, archived records too (so that a deactivated one is updated, not duplicated), then a PATCH
 * of the record that matches exactly, or a POST linked to the account.
 */
describe.each([
  {
    key: 'creates.upsert_sales_executive',
    step: upsertSalesExecutive,
    noun: 'sales executive',
    type: 'sales-executives',
    matchedOn: 'email',
    input: { name: 'Jordan Example', email: 'jordan@yourfirm.example', title: 'Account Executive', phone: '' },
    sent: { name: 'Jordan Example', email: 'jordan@yourfirm.example', title: 'Account Executive' },
    search: { 'filter[email]': 'jordan@yourfirm.example' },
    sameKey: 'with the same email (any case)',
    withMatch: [resourceOf('sales-executives', salesExecutiveSample, { email: 'Jordan@YourFirm.example', name: 'J. Example' })],
    noneMatch: 'no one has the email',
    withoutMatch: [],
    record: salesExecutiveSample,
    refusal: { input: { name: 'Jordan Example' }, problem: 'Email is required.' },
    display: {
      label: 'Create or Update Sales Executive',
      description: 'Creates a sales executive, or updates the one with the same email.',
    },
  },
  {
    key: 'creates.upsert_vendor',
    step: upsertVendor,
    noun: 'vendor',
    type: 'vendors',
    matchedOn: 'name',
    input: { name: 'Example Distribution', city: 'Denver', country: '' },
    sent: { name: 'Example Distribution', city: 'Denver' },
    search: { 'filter[name]': 'Example Distribution' },
    sameKey: 'of the exact name (ignoring case)',
    withMatch: [vendor('3690', { name: 'Example Distribution West' }), vendor('3601', { name: 'EXAMPLE DISTRIBUTION' })],
    noneMatch: 'only partial names match',
    withoutMatch: [vendor('3690', { name: 'Example Distribution West' })],
    record: vendorSample,
    refusal: { input: { city: 'Denver' }, problem: 'Name is required.' },
    display: { label: 'Create or Update Vendor', description: 'Creates a vendor, or updates the one with the same name.' },
  },
])(
  '$key',
  ({ step, noun, type, matchedOn, input, sent, search, sameKey, withMatch, noneMatch, withoutMatch, record, refusal, display }) => {
    const path = collection(type);
    const searched = (results: Resource[]) => oneGet(path, page({ ...ACTIVE_OR_NOT, ...search }), listPage(results));
    const answer = { data: resourceOf(type, record) };
    const id = String(record['id']);

    it(`updates the ${noun} ${sameKey}: one search, then a PATCH`, async () => {
      const update = onePatch(`${path}/${id}`, changes(type, id, sent), answer);
      expect(await writeThrough([searched(withMatch), update], step, input)).toEqual({ ...record, upsert_action: 'updated' });
    });

    it(`creates the ${noun}, linked to the account, when ${noneMatch}: search, then POST`, async () => {
      const create = onePost(path, newRecord(type, sent, { account: toAccount }), answer);
      expect(await writeThrough([searched(withoutMatch), create], step, input)).toEqual({ ...record, upsert_action: 'created' });
    });

    it(`asks for the ${matchedOn} it matches on before any request`, async () => {
      expect(await refusalOf(step, refusal.input)).toEqual(nothingSent(refusal.problem));
    });

    it('is labelled by what it matches on', () => {
      expect(step.display).toMatchObject(display);
    });
  },
);
