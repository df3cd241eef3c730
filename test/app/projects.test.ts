/**
 * The project steps against nock: each test pins the exact request (method, path, query, JSON body,
 * and headers where they matter) and what the user gets back, or the message they read.
 */
import nock from 'nock';
import createProject from '../../creates/create_project.js';
import updateProject from '../../creates/update_project.js';
import upsertClient from '../../creates/upsert_client.js';
import upsertProject from '../../creates/upsert_project.js';
import findProject from '../../searches/find_project.js';
import listPaymentTerms from '../../triggers/list_payment_terms.js';
import listProjects from '../../triggers/list_projects.js';
import listRateTables from '../../triggers/list_rate_tables.js';
import listSalesExecutives from '../../triggers/list_sales_executives.js';
import newProject from '../../triggers/new_project.js';
import projectStatusChanged from '../../triggers/project_status_changed.js';
import updatedProject from '../../triggers/updated_project.js';
import { API } from '../support/bundle.js';
import { accountDefaultsLookedUp, DEFAULT_LINKS } from '../support/account-defaults.js';
import { listPage } from '../support/json-api-page.js';
import { dropdownOf, notAnId, nothingSearched, nothingSent, readThrough, refusalOf, refused } from '../support/app-expect.js';
import { searchRefusalOf, writeThrough } from '../support/app-expect.js';
import { DENVER_HQ, PAT_EXAMPLE } from '../support/app-fixtures.js';
import { changes, collection, FIRST_PAGE, newRecord, notFound, oneGet, onePatch, onePost, pageOf } from '../support/app-requests.js';
import { PROJECT_INCLUDE, refusedAttribute, toAccount, toMany, toOne } from '../support/app-requests.js';
import { fixture, type Resource, runStep, useAppSuite } from '../support/app-suite.js';

/** One project as ScopeStack answers a GET, POST or PATCH: every relationship of the create form, all included. */
const one = fixture('projects/one.json');

const PROJECTS = collection('projects');

/** An ISO timestamp `minutes` before now: the burst rule compares with the clock. */
const minutesAgo = (minutes: number): string => new Date(Date.now() - minutes * 60_000).toISOString();

const project = (id: string, name: string, attributes: Record<string, unknown> = {}): Resource => ({
  id,
  type: 'projects',
  attributes: {
    'project-name': name,
    status: 'building',
    active: true,
    'created-at': '2025-02-03T14:05:00Z',
    'updated-at': '2025-02-04T09:30:00Z',
    ...attributes,
  },
  relationships: { client: toOne('clients', '1001') },
});

const list = (data: unknown[], links: Record<string, string> = {}, included: unknown[] = []) => listPage(data, { included, links });

/** A full page of 100 projects, newest first, the newest `newestMinutes` old; says that another page follows. */
const fullPage = (page: number, newestMinutes: number, timestamp: 'created-at' | 'updated-at' = 'created-at') =>
  list(
    Array.from({ length: 100 }, (_, index) => {
      const id = String(100_000 - (page - 1) * 100 - index);
      return project(id, `Project ${id}`, { [timestamp]: minutesAgo(newestMinutes + index * 0.1) });
    }),
    { next: `${API}${PROJECTS}?page%5Bnumber%5D=${page + 1}&page%5Bsize%5D=100` },
  );

/** What a user reads for a date in words in the MSA Date field. */
const BAD_MSA_DATE = 'MSA Date must be a date like 2025-01-31, Jan 31, 2025 or 31 Jan 2025 (got "soon").';

/** The flat record the fixture makes: the catalog's sample, with the custom field also under its own key. */
const oneAsRecord = { ...createProject.operation.sample, custom_region: 'EMEA' };

useAppSuite();

describe('triggers.new_project', () => {
  it('asks for the newest projects first, with their related records included, in one request', async () => {
    const scope = oneGet(
      PROJECTS,
      { include: PROJECT_INCLUDE, sort: '-created-at', ...FIRST_PAGE },
      { ...one, data: [one.data], meta: { 'record-count': 1, 'page-count': 1 } },
    );
    const records = await readThrough(scope, newProject);
    // New records keep their own ID as Zapier's dedupe key.
    expect(records).toEqual([oneAsRecord]);
    expect(records[0]?.id).toBe('90425');
  });

  it('returns the records as they are, ids unchanged, newest first', async () => {
    nock(API)
      .get(PROJECTS)
      .query(true)
      .reply(200, list([project('90427', 'Newest'), project('90426', 'Older')]));
    const records = await runStep(newProject);
    expect(records.map((record) => [record.id, record['project_name'], record['client_id']])).toEqual([
      ['90427', 'Newest', '1001'],
      ['90426', 'Older', '1001'],
    ]);
  });
});

describe('triggers.updated_project', () => {
  it('asks for the most recently changed projects first, in one request', async () => {
    const page = list([project('90425', 'Cloud Migration', { 'updated-at': '2025-02-04T09:30:00Z' })]);
    const scope = oneGet(PROJECTS, { include: PROJECT_INCLUDE, sort: '-updated-at', ...FIRST_PAGE }, page);
    expect(await readThrough(scope, updatedProject)).toEqual([
      expect.objectContaining({
        id: '90425@2025-02-04T09:30:00.000Z',
        project_id: '90425',
        project_name: 'Cloud Migration',
        updated_at: '2025-02-04T09:30:00Z',
      }),
    ]);
  });

  it('gives each version of a project its own id, and an unchanged poll the same ids', async () => {
    const poll = async (updatedAt: string) => {
      const scope = nock(API)
        .get(PROJECTS)
        .query(true)
        .reply(200, list([project('90425', 'Cloud Migration', { 'updated-at': updatedAt }), project('90300', 'Unchanged')]));
      const records = await readThrough(scope, updatedProject);
      return records.map((record) => ({ id: record.id, project_id: record['project_id'] }));
    };
    const first = await poll('2025-02-04T09:30:00Z');
    const second = await poll('2025-02-05T16:00:00Z');
    const again = await poll('2025-02-05T16:00:00Z');
    expect(first).toEqual([
      { id: '90425@2025-02-04T09:30:00.000Z', project_id: '90425' },
      { id: '90300@2025-02-04T09:30:00.000Z', project_id: '90300' },
    ]);
    // The change fires once (a new id); the project that did not change keeps its id.
    expect(second).toEqual([
      { id: '90425@2025-02-05T16:00:00.000Z', project_id: '90425' },
      { id: '90300@2025-02-04T09:30:00.000Z', project_id: '90300' },
    ]);
    expect(again).toEqual(second);
  });
});

describe('triggers.project_status_changed', () => {
  it('watches the chosen statuses, comma-separated in one filter, and versions each project by its status', async () => {
    const page = list([project('90425', 'Cloud Migration', { status: 'won' }), project('90300', 'Backup', { status: 'approved' })]);
    const scope = oneGet(
      PROJECTS,
      { include: PROJECT_INCLUDE, sort: '-updated-at', 'filter[status]': 'approved,won', ...FIRST_PAGE },
      page,
    );
    const records = await readThrough(scope, projectStatusChanged, { status: ['approved', 'won'] });
    expect(records.map((record) => [record.id, record['project_id'], record['status']])).toEqual([
      ['90425@won', '90425', 'won'],
      ['90300@approved', '90300', 'approved'],
    ]);
  });

  it('reads a mapped comma-separated text the same way', async () => {
    const scope = nock(API)
      .get(PROJECTS)
      .query((query) => query['filter[status]'] === 'approved,won')
      .reply(200, list([]));
    await readThrough(scope, projectStatusChanged, { status: 'approved, won' });
  });

  it('asks for a status before any request', async () => {
    expect(await searchRefusalOf(projectStatusChanged, { status: '' })).toEqual(refused('Status is required.'));
    expect(await searchRefusalOf(projectStatusChanged)).toEqual(refused('Status is required.'));
  });

  it.each([[[]], [['']], [' , ']])('counts a status list with no value in it (%j) as missing, before any request', async (status) => {
    // Sent as it is, it becomes `filter[status]=` (empty): a filter on no status at all.
    expect(await searchRefusalOf(projectStatusChanged, { status })).toEqual(refused('Status is required.'));
  });

  it('refuses a status ScopeStack does not have before any request, listing the accepted ones', async () => {
    const accepted = 'building, technical_approval, sales_approval, business_approval, approved, won, lost, canceled';
    const message = `Status has a value that is not accepted: one or more of ${accepted}.`;
    expect(await searchRefusalOf(projectStatusChanged, { status: ['approved', 'done'] })).toEqual(refused(message));
  });
});

describe('burst paging of polling triggers', () => {
  /** Serves full pages of recent changes for every page asked, and records the page numbers asked for. */
  const recentPages = (timestamp: 'created-at' | 'updated-at', newestMinutes = 1) => {
    const pages: string[] = [];
    const scope = nock(API)
      .get(PROJECTS)
      .query((query) => {
        pages.push(String(query['page[number]']));
        return query['page[size]'] === '100' && query['include'] === PROJECT_INCLUDE;
      })
      .times(5)
      .reply((request: Request) => {
        // nock 15 hands the reply function the fetch Request.
        const page = Number(new URL(request.url).searchParams.get('page[number]'));
        return [200, fullPage(page, newestMinutes + (page - 1) * 10, timestamp)];
      });
    return { scope, pages };
  };

  it('reads the next page while a full page changed within the last hour, up to 5 pages', async () => {
    const { scope, pages } = recentPages('updated-at');
    const records = await readThrough(scope, updatedProject);
    expect(pages).toEqual(['1', '2', '3', '4', '5']);
    expect(records).toHaveLength(500);
    expect(new Set(records.map((record) => record.id)).size).toBe(500);
  });

  it('reads on for new projects created within the last hour too', async () => {
    const { scope, pages } = recentPages('created-at');
    const records = await readThrough(scope, newProject);
    expect(pages).toEqual(['1', '2', '3', '4', '5']);
    expect(records).toHaveLength(500);
  });

  it('stops after the page whose oldest change is more than an hour old', async () => {
    const scope = nock(API)
      .get(PROJECTS)
      .query((query) => query['page[number]'] === '1')
      .reply(200, fullPage(1, 30, 'updated-at'))
      .get(PROJECTS)
      .query((query) => query['page[number]'] === '2')
      .reply(200, fullPage(2, 55, 'updated-at'));
    // Page 1 spans 30 to 39.9 minutes ago: read on. Page 2 reaches 64.9 minutes ago: stop.
    expect(await readThrough(scope, updatedProject)).toHaveLength(200);
  });

  it('reads one page when the page is older than an hour, even with more pages behind it', async () => {
    const scope = nock(API).get(PROJECTS).query(true).once().reply(200, fullPage(1, 120));
    expect(await readThrough(scope, newProject)).toHaveLength(100);
  });

  it('reads one page when the page is not full', async () => {
    const page = fullPage(1, 1);
    const scope = nock(API)
      .get(PROJECTS)
      .query(true)
      .once()
      .reply(200, { ...page, data: page.data.slice(0, 99) });
    expect(await readThrough(scope, newProject)).toHaveLength(99);
  });

  it('asks for as many records as Zapier gives as its limit, and reads no further page', async () => {
    // A full page of 3 recent changes, with more behind it: the limit alone stops the reading.
    const page = fullPage(1, 1, 'updated-at');
    const query = { include: PROJECT_INCLUDE, sort: '-updated-at', 'page[number]': '1', 'page[size]': '3' };
    const scope = oneGet(PROJECTS, query, { ...page, data: page.data.slice(0, 3) });
    expect(await readThrough(scope, updatedProject, {}, { limit: 3 })).toHaveLength(3);
  });

  it('reads one page to load a sample', async () => {
    const scope = oneGet(PROJECTS, { include: PROJECT_INCLUDE, sort: '-created-at', ...FIRST_PAGE }, fullPage(1, 1));
    expect(await readThrough(scope, newProject, {}, { isLoadingSample: true })).toHaveLength(100);
  });

  it('reads every page there is (up to 5) while Zapier seeds its dedupe list, however old the records', async () => {
    const last = list([project('1', 'First Ever')], { next: '' });
    const scope = nock(API)
      .get(PROJECTS)
      .query((query) => query['page[number]'] === '1')
      .reply(200, fullPage(1, 60 * 24 * 30))
      .get(PROJECTS)
      .query((query) => query['page[number]'] === '2')
      .reply(200, last);
    expect(await readThrough(scope, newProject, {}, { isPopulatingDedupe: true })).toHaveLength(101);
  });
});

describe('triggers.list_projects', () => {
  it('lists projects by name, one page per call, without related records, labelled with their client', async () => {
    // A dropdown needs no related records: no include, so the client comes from the client-name attribute.
    const page = list([
      project('90425', 'Cloud Migration', { 'client-name': 'Example Client Ltd' }),
      project('90426', 'Cloud Migration', { 'client-name': 'Contoso' }),
    ]);
    const scope = oneGet(PROJECTS, { sort: 'project-name', ...pageOf(2) }, page);
    // Two projects of one name are told apart by their client.
    expect(await dropdownOf(scope, listProjects, 1)).toEqual([
      ['90425', 'Cloud Migration (Example Client Ltd)'],
      ['90426', 'Cloud Migration (Contoso)'],
    ]);
  });

  it('falls back to the client-name attribute, and to the name alone', async () => {
    nock(API)
      .get(PROJECTS)
      .query(true)
      .reply(
        200,
        list([
          { ...project('1', 'Backup'), attributes: { 'project-name': 'Backup', 'client-name': 'Contoso' }, relationships: {} },
          { ...project('2', 'Network'), attributes: { 'project-name': 'Network' }, relationships: {} },
        ]),
      );
    const records = await runStep(listProjects);
    expect(records.map((record) => record['label'])).toEqual(['Backup (Contoso)', 'Network']);
  });
});

describe('triggers.list_rate_tables and triggers.list_payment_terms', () => {
  it.each([
    ['rate-tables', listRateTables, { id: '7', name: 'Standard Rates', default: true }, 'Standard Rates'],
    ['payment-terms', listPaymentTerms, { id: '5', name: 'Net 30', default: true }, 'Net 30'],
  ])('lists active %s, the account default first, then by name', async (path, step, row, label) => {
    const page = list([{ id: row.id, type: path, attributes: { name: row.name, default: row.default, active: true } }]);
    const scope = oneGet(collection(path), { 'filter[active]': 'true', sort: '-default,name', ...FIRST_PAGE }, page);
    expect(await readThrough(scope, step)).toEqual([{ id: row.id, name: row.name, default: true, active: true, label }]);
  });
});

describe('triggers.list_sales_executives', () => {
  const SALES_EXECUTIVES = collection('sales-executives');
  const executives = list([
    { id: '12', type: 'sales-executives', attributes: { name: 'Jordan Example', email: 'jordan@yourfirm.example', active: true } },
    { id: '13', type: 'sales-executives', attributes: { name: 'Jordan Example', email: 'jordan.e@yourfirm.example', active: true } },
  ]);

  it('labels each sales executive with their email, so two of one name can be told apart', async () => {
    const scope = nock(API)
      .get(SALES_EXECUTIVES)
      .query((query) => query['sort'] === 'name' && query['page[number]'] === '1' && query['page[size]'] === '100')
      .reply(200, executives);
    expect(await dropdownOf(scope, listSalesExecutives)).toEqual([
      ['12', 'Jordan Example (jordan@yourfirm.example)'],
      ['13', 'Jordan Example (jordan.e@yourfirm.example)'],
    ]);
  });

  it('offers only active sales executives, the ones that can be picked on projects', async () => {
    // The catalog's own help says `active` is "Whether they can be picked on new projects", and the
    // rate table and payment term dropdowns send filter[active]=true: this dropdown should too.
    await readThrough(oneGet(SALES_EXECUTIVES, { 'filter[active]': 'true', sort: 'name', ...FIRST_PAGE }, executives), listSalesExecutives);
  });
});

describe('searches.find_project', () => {
  const SEARCH_INCLUDE = `${PROJECT_INCLUDE},project-contacts,project-locations,project-services`;

  const byName = (active: string, name: string) => ({
    include: SEARCH_INCLUDE,
    'filter[active]': active,
    'filter[project-name]': name,
    ...FIRST_PAGE,
  });

  it('finds by the whole project name among active projects, keeping only exact matches (ignoring case) among the partial ones', async () => {
    const partialMatches = [
      project('1', 'Cloud Migration Phase 2'),
      project('2', 'CLOUD MIGRATION', { 'updated-at': '2025-01-01T00:00:00Z' }),
      project('3', 'Cloud Migration', { 'updated-at': '2025-02-01T00:00:00Z' }),
    ];
    const scope = oneGet(PROJECTS, byName('true', 'cloud migration'), list(partialMatches));
    const found = await readThrough(scope, findProject, { project_name: ' cloud migration ' });
    // The most recently changed first; "Phase 2" is another project. Archived ones are not read.
    expect(found.map((record) => record.id)).toEqual(['3', '2']);
  });

  it('finds an archived project in a second read, one value of Active per read as public clients ask', async () => {
    const active = oneGet(PROJECTS, byName('true', 'Cloud Migration'), list([project('1', 'Cloud Migration Phase 2')]));
    const archived = oneGet(PROJECTS, byName('false', 'Cloud Migration'), list([project('4', 'cloud migration', { active: false })]));
    const found = await readThrough([active, archived], findProject, { project_name: 'Cloud Migration' });
    expect(found.map((record) => [record.id, record['active']])).toEqual([['4', false]]);
  });

  it("narrows the search to one client's projects", async () => {
    const query = { ...byName('true', 'Cloud Migration'), 'filter[client_id]': '1001' };
    const scope = oneGet(PROJECTS, query, list([project('3', 'Cloud Migration')]));
    const found = await readThrough(scope, findProject, { project_name: 'Cloud Migration', client_id: '1001' });
    expect(found.map((record) => [record.id, record['client_id']])).toEqual([['3', '1001']]);
  });

  it('returns contacts, locations and services as line items of the project', async () => {
    const withLineItems = {
      ...project('90425', 'Cloud Migration'),
      relationships: {
        client: toOne('clients', '1001'),
        'project-contacts': toMany('project-contacts', ['7701']),
        'project-locations': toMany('project-locations', ['8801']),
        'project-services': toMany('project-services', ['3301']),
      },
    };
    const included = [
      { id: '7701', type: 'project-contacts', attributes: PAT_EXAMPLE },
      { id: '8801', type: 'project-locations', attributes: DENVER_HQ },
      {
        id: '3301',
        type: 'project-services',
        attributes: { name: 'Discovery', quantity: 1, 'total-hours': '40.0', 'service-type': 'professional_services' },
      },
    ];
    nock(API)
      .get(PROJECTS)
      .query((query) => query['include'] === SEARCH_INCLUDE)
      .reply(200, list([withLineItems], {}, included));
    const [found] = await runStep(findProject, { project_name: 'Cloud Migration' });
    expect(found).toMatchObject({
      id: '90425',
      project_contacts_ids: ['7701'],
      project_contacts: [
        {
          id: '7701',
          name: 'Pat Example',
          email: 'pat@client.example',
          phone: '+1 555 0100',
          title: 'IT Director',
          contact_type: 'primary_customer_contact',
        },
      ],
      project_locations_ids: ['8801'],
      project_locations: [
        {
          id: '8801',
          name: 'Denver HQ',
          street: '1 Main St',
          city: 'Denver',
          state: 'CO',
          postal_code: '80202',
          country: 'US',
          remote: false,
        },
      ],
      project_services_ids: ['3301'],
      project_services: [{ id: '3301', name: 'Discovery', quantity: 1, total_hours: '40.0', service_type: 'professional_services' }],
    });
  });

  it('finds by ID with one GET of the project, line items included, ignoring the name', async () => {
    const scope = nock(API).get(`${PROJECTS}/90425`).query({ include: SEARCH_INCLUDE }).once().reply(200, one);
    expect(await readThrough(scope, findProject, { id: ' 90425 ', project_name: 'Something Else' })).toEqual([oneAsRecord]);
  });

  it('finds nothing, rather than failing, for an ID ScopeStack does not know', async () => {
    const scope = nock(API).get(`${PROJECTS}/99999`).query({ include: SEARCH_INCLUDE }).reply(404, notFound('99999'));
    expect(await readThrough(scope, findProject, { id: '99999' })).toEqual([]);
  });

  it('refuses a name mapped into the ID before any request', async () => {
    expect(await searchRefusalOf(findProject, { id: 'Cloud Migration' })).toEqual(
      nothingSearched(notAnId('Project ID', 'Cloud Migration')),
    );
  });

  it('refuses a client name mapped into the Client before any request', async () => {
    const error = await searchRefusalOf(findProject, { project_name: 'Cloud Migration', client_id: 'Acme' });
    expect(error).toEqual(nothingSearched(notAnId('Client', 'Acme')));
  });

  it('asks for a project name or ID', async () => {
    expect(await searchRefusalOf(findProject, { client_id: '1001' })).toEqual(refused('Enter Project Name to find project by.'));
  });
});

describe('creates.create_project', () => {
  /** Custom field definitions of the account, as GET /project-variables lists them. */
  const definitions = list([
    {
      id: '3901',
      type: 'project-variables',
      attributes: {
        name: 'region',
        label: 'Region',
        'variable-type': 'select',
        'variable-context': 'project',
        required: false,
        'select-options': [
          { key: 'emea', value: 'EMEA' },
          { key: 'apac', value: 'APAC' },
        ],
        active: true,
      },
    },
    {
      id: '3902',
      type: 'project-variables',
      attributes: {
        name: 'budget',
        label: 'Budget',
        'variable-type': 'number',
        'variable-context': 'project',
        required: false,
        minimum: 0,
        maximum: null,
        active: true,
      },
    },
    {
      id: '3903',
      type: 'project-variables',
      attributes: { name: 'kickoff', label: 'Kickoff', 'variable-type': 'date', 'variable-context': 'project', active: true },
    },
  ]);

  /**
   * One read of the definitions: the Zap editor makes one when the step is set up (it shows the
   * custom fields), and the step makes one more when a custom field is filled in.
   */
  const definitionsRead = () =>
    oneGet(
      collection('project-variables'),
      { 'filter[variable-context]': 'project', 'filter[active]': 'true', ...FIRST_PAGE },
      definitions,
    );
  /** The relationships of a create that names only its client: the account and the account's defaults besides. */
  const clientAndDefaults = { account: toAccount, client: toOne('clients', '1001'), ...DEFAULT_LINKS };
  /** The POST of a project with exactly `attributes` and `relationships`, answered with the fixture. */
  const postsTheProject = (attributes: nock.DataMatcherMap, relationships: nock.DataMatcherMap) =>
    onePost(PROJECTS, newRecord('projects', attributes, relationships), one, { include: PROJECT_INCLUDE });

  it('posts the exact JSON:API body: attributes, tags as a list, the client and the account', async () => {
    const attributes = {
      'project-name': 'Cloud Migration',
      status: 'building',
      'executive-summary': 'Move the servers to Azure.\nKeep the old ones a month.',
      'msa-date': '2025-01-31',
      'service-start-date': '2025-03-01',
      'tag-list': ['cloud', 'azure'],
      active: true,
    };
    const scope = postsTheProject(attributes, {
      account: toAccount,
      client: toOne('clients', '1001'),
      'sales-executive': toOne('sales-executives', '12'),
      'presales-engineer': toOne('presales-engineers', '34'),
      'rate-table': toOne('rate-tables', '7'),
      'payment-term': toOne('payment-terms', '5'),
      'business-unit': toOne('business-units', '3'),
    });
    const record = await writeThrough(scope, createProject, {
      client_id: '1001',
      project_name: ' Cloud Migration ',
      status: 'building',
      executive_summary: 'Move the servers to Azure.\nKeep the old ones a month.',
      key_objectives: '',
      msa_date: '2025-01-31T00:00:00Z',
      service_start_date: '2025-03-01',
      tag_list: ['cloud', 'azure'],
      active: 'yes',
      sales_executive_id: '12',
      presales_engineer_id: '34',
      rate_table_id: '7',
      payment_term_id: '5',
      business_unit_id: '3',
    });
    expect(record).toEqual(oneAsRecord);
  });

  it('sends the smallest body when no custom field is filled in: the default lookups, then one POST', async () => {
    // The account's default rate table and payment term are looked up, as public clients do.
    const defaults = accountDefaultsLookedUp();
    const setUp = definitionsRead();
    const scope = postsTheProject({ 'project-name': 'Cloud Migration', 'tag-list': ['cloud', 'azure'] }, clientAndDefaults);
    const input = { client_id: '1001', project_name: 'Cloud Migration', tag_list: 'cloud, azure', custom_region: '' };
    await writeThrough([scope, setUp, defaults], createProject, input);
  });

  it('reads the custom field definitions once, then posts the values as project variables', async () => {
    // The account's default rate table and payment term are looked up, as public clients do.
    const defaults = accountDefaultsLookedUp();
    const reads = [definitionsRead(), definitionsRead()];
    const variables = [
      { name: 'region', value: 'EMEA' },
      { name: 'budget', value: '12500.50' },
      { name: 'kickoff', value: '2025-03-03' },
    ];
    const scope = postsTheProject({ 'project-name': 'Cloud Migration', 'project-variables': variables }, clientAndDefaults);
    const record = await writeThrough([scope, ...reads, defaults], createProject, {
      client_id: '1001',
      project_name: 'Cloud Migration',
      custom_region: 'EMEA',
      custom_budget: '12,500.50',
      custom_kickoff: '2025-03-03T00:00:00Z',
    });
    expect(record).toMatchObject({ id: '90425', custom_region: 'EMEA' });
  });

  it.each([
    [
      'refuses a select value that is not one of its options, after reading the definitions and before the POST',
      { custom_region: 'Mars' },
      'Region must be one of EMEA, APAC (got "Mars").',
    ],
    [
      'refuses text in a number custom field before the POST',
      { custom_budget: 'abc' },
      'Budget must be a number, for example 1500.00 (got "abc").',
    ],
  ])('%s', async (_case, custom, problem) => {
    const reads = [definitionsRead(), definitionsRead()];
    const error = await refusalOf(createProject, { client_id: '1001', project_name: 'Cloud Migration', ...custom });
    expect(reads.map((read) => read.isDone())).toEqual([true, true]);
    expect(error).toEqual(nothingSent(problem));
  });

  it('names the missing Client before any request', async () => {
    expect(await refusalOf(createProject, { project_name: 'Cloud Migration' })).toEqual(nothingSent('Client is required.'));
  });

  it('reports every problem at once, custom fields included, before any write', async () => {
    // The definitions are read to check the custom value even though other fields already failed.
    const reads = [definitionsRead(), definitionsRead()];
    const error = await refusalOf(createProject, { client_id: 'Acme', status: 'done', msa_date: 'soon', custom_region: 'Mars' });
    expect(error).toEqual(
      nothingSent(
        'Project Name is required. ' +
          'Status must be one of building, technical_approval, sales_approval, business_approval, approved, won, lost, canceled (got "done"). ' +
          `${BAD_MSA_DATE} ${notAnId('Client', 'Acme')} ` +
          'Region must be one of EMEA, APAC (got "Mars").',
      ),
    );
    expect(reads.map((read) => read.isDone())).toEqual([true, true]);
  });
});

describe('creates.update_project', () => {
  /** A PATCH of project 90425 with exactly `body`, its related records asked for; the test gives the answer. */
  const patched = (body: nock.DataMatcherMap) => nock(API).patch(`${PROJECTS}/90425`, body).query({ include: PROJECT_INCLUDE }).once();

  it('patches only the filled-in fields, with the id in the body', async () => {
    const scope = onePatch(
      `${PROJECTS}/90425`,
      changes('projects', '90425', { status: 'approved', 'service-start-date': '2025-04-01' }),
      one,
      {
        include: PROJECT_INCLUDE,
      },
    );
    const input = { id: '90425', status: 'approved', service_start_date: '2025-04-01', project_name: '', client_id: '', msa_date: ' ' };
    expect(await writeThrough(scope, updateProject, input)).toEqual(oneAsRecord);
  });

  it.each([[[]], [['']], [[' ', '']]])(
    'leaves the tags alone when the Tags field is blank (%j), as every other blank field',
    async (tags) => {
      // A blank list is "not given", like a blank text: sending `tag-list: []` would erase the project's tags.
      const scope = patched(changes('projects', '90425', { status: 'approved' })).reply(200, one);
      await writeThrough(scope, updateProject, { id: '90425', status: 'approved', tag_list: tags });
    },
  );

  it('says what to do when ScopeStack will not take Status at all (no public client writes it)', async () => {
    const notAllowed = { errors: [{ title: 'Param not allowed', detail: 'status is not allowed.', code: '105', status: '400' }] };
    patched(changes('projects', '90425', { status: 'approved' })).reply(400, notAllowed);
    const error = await refusalOf(updateProject, { id: '90425', status: 'approved' });
    expect(error).toEqual({
      code: 'ValidationError',
      status: 400,
      message:
        'ScopeStack says: Status is not allowed. ScopeStack does not take Status from this connection, and nothing was written: ' +
        'leave it empty and change it in ScopeStack itself.',
    });
  });

  it('moves the project to another client when a client is given', async () => {
    const scope = patched(changes('projects', '90425', {}, { client: toOne('clients', '2002') })).reply(200, one);
    await writeThrough(scope, updateProject, { id: '90425', client_id: '2002' });
  });

  it('explains a refused status move with the moves ScopeStack allows', async () => {
    const refusedMove = refusedAttribute('status', 'is invalid', 'status - cannot transition from won to building');
    const scope = nock(API).patch(`${PROJECTS}/90425`).query(true).once().reply(422, refusedMove);
    const error = await refusalOf(updateProject, { id: '90425', status: 'building' });
    expect(scope.isDone()).toBe(true);
    expect(error.code).toBe('ValidationError');
    expect(error.message).toBe(
      'ScopeStack says: Status cannot transition from won to building. ' +
        'A project usually moves forward from Building through the approval steps to Approved, then to Won or Lost; ' +
        'it can go back to Building to rescope, or be canceled; Won, Lost and Canceled are final. Correct the field and try again.',
    );
  });

  it('asks for something to change', async () => {
    const error = await refusalOf(updateProject, { id: '90425', project_name: ' ' });
    expect(error).toEqual(nothingSent('Fill in at least one field to change on the project.'));
  });
});

describe('creates.upsert_project', () => {
  const search = (found: Resource[], active = 'true') => {
    const query = {
      include: PROJECT_INCLUDE,
      'filter[active]': active,
      'filter[client_id]': '1001',
      'filter[project-name]': 'Cloud Migration',
    };
    return oneGet(PROJECTS, { ...query, ...FIRST_PAGE }, list(found));
  };
  const sent = { 'project-name': 'Cloud Migration', 'service-start-date': '2025-04-01' };
  const input = { project_name: 'Cloud Migration', client_id: '1001', service_start_date: '2025-04-01' };

  it("updates the client's project of the same name: one search, then a PATCH of what was filled in", async () => {
    const found = search([project('90500', 'Cloud Migration Phase 2'), project('90425', 'cloud migration')]);
    const update = onePatch(`${PROJECTS}/90425`, changes('projects', '90425', sent, { client: toOne('clients', '1001') }), one, {
      include: PROJECT_INCLUDE,
    });
    const record = await writeThrough([found, update], upsertProject, { ...input, status: '' });
    expect(record).toEqual({ ...oneAsRecord, upsert_action: 'updated' });
  });

  it('creates the project, linked to the account, when the client has none of that name, active or archived', async () => {
    const defaults = accountDefaultsLookedUp();
    const reads = [search([project('90500', 'Cloud Migration Phase 2')]), search([], 'false')];
    const links = { client: toOne('clients', '1001'), account: toAccount, ...DEFAULT_LINKS };
    const create = onePost(PROJECTS, newRecord('projects', sent, links), one, { include: PROJECT_INCLUDE });
    const record = await writeThrough([create, ...reads, defaults], upsertProject, input);
    expect(record).toEqual({ ...oneAsRecord, upsert_action: 'created' });
  });

  it('refuses invalid input before the search', async () => {
    expect(await refusalOf(upsertProject, { project_name: 'Cloud Migration' })).toEqual(nothingSent('Client is required.'));
    const badDate = await refusalOf(upsertProject, { project_name: 'Cloud Migration', client_id: '1001', msa_date: 'soon' });
    expect(badDate).toEqual(nothingSent(BAD_MSA_DATE));
  });
});

describe('creates.upsert_client', () => {
  const CLIENTS = collection('clients');
  /** Every client request sideloads its rate table and contacts. */
  const WITH_RELATED = { include: 'rate-table,contacts' };
  const client = (id: string, name: string, domain: string) => ({
    id,
    type: 'clients',
    attributes: { name, domain, active: true },
    relationships: { account: toAccount },
  });
  /** The one lookup of a client by name, archived ones too, that finds `found`. */
  const lookup = (found: unknown[]) =>
    oneGet(CLIENTS, { 'filter[name]': 'Acme', 'filter[active]': 'true,false', ...WITH_RELATED, ...FIRST_PAGE }, list(found));
  const answer = (id: string, name: string, domain: string) => ({ data: client(id, name, domain) });

  it('updates the client found by name', async () => {
    const found = lookup([client('1', 'Acme Corp', 'corp.example'), client('2', 'ACME', 'acme.example')]);
    const update = onePatch(
      `${CLIENTS}/2`,
      changes('clients', '2', { name: 'Acme', domain: 'acme.example' }),
      answer('2', 'Acme', 'acme.example'),
      WITH_RELATED,
    );
    const record = await writeThrough([found, update], upsertClient, { name: 'Acme', domain: 'acme.example' });
    expect(record).toMatchObject({ id: '2', name: 'Acme', upsert_action: 'updated' });
  });

  it('creates the client, linked to the account, when no client has the name: one lookup (by name), then the POST', async () => {
    const found = lookup([client('1', 'Acme Corp', 'acme.example')]);
    const body = newRecord('clients', { name: 'Acme', domain: 'acme.example' }, { account: toAccount });
    const create = onePost(CLIENTS, body, answer('9', 'Acme', 'acme.example'), WITH_RELATED);
    const record = await writeThrough([found, create], upsertClient, { name: 'Acme', domain: 'acme.example' });
    expect(record).toMatchObject({ id: '9', name: 'Acme', upsert_action: 'created' });
  });

  it('refuses a missing name before any request', async () => {
    expect(await refusalOf(upsertClient, { domain: 'acme.example' })).toEqual(nothingSent('Name is required.'));
  });
});
