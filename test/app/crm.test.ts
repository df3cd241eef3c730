/**
 * CRM opportunities against nock: the triggers, the dropdown, the search, create, update,
 * create-or-update and delete, and the CRM opportunity of a project. Each test pins the exact
 * requests (method, path, query, JSON body, headers where they matter) and what the user gets
 * back, or the message they read.
 */
import nock from 'nock';
import createCrmOpportunity from '../../creates/create_crm_opportunity.js';
import createProject from '../../creates/create_project.js';
import deleteCrmOpportunity from '../../creates/delete_crm_opportunity.js';
import updateCrmOpportunity from '../../creates/update_crm_opportunity.js';
import updateProject from '../../creates/update_project.js';
import upsertCrmOpportunity from '../../creates/upsert_crm_opportunity.js';
import findCrmOpportunity from '../../searches/find_crm_opportunity.js';
import listCrmOpportunities from '../../triggers/list_crm_opportunities.js';
import newCrmOpportunity from '../../triggers/new_crm_opportunity.js';
import projectCrmOpportunityChanged from '../../triggers/project_crm_opportunity_changed.js';
import { API } from '../support/bundle.js';
import { accountDefaultsLookedUp, DEFAULT_LINKS } from '../support/account-defaults.js';
import { listPage } from '../support/json-api-page.js';
import { dropdownOf, expectFindsById, itRefuses, notAnId, nothingSent, pickedFrom, readThrough, refusalOf } from '../support/app-expect.js';
import { refused, searchRefusalOf, writeThrough } from '../support/app-expect.js';
import { changes, collection, FIRST_PAGE, JSON_API, newRecord, notFound, oneGet, onePatch, onePost } from '../support/app-requests.js';
import { pageOf, PROJECT_INCLUDE, SIGNED, toAccount, toMany, toOne } from '../support/app-requests.js';
import { fixture, type Resource, runStep, useAppSuite } from '../support/app-suite.js';

/** One opportunity as ScopeStack answers a GET, POST or PATCH: the account linked, one project included. */
const answer = fixture('crm/opportunity.json');
/** One project with every relationship included, its CRM opportunity among them. */
const projectAnswer = fixture('projects/one.json');

const CRM = collection('crm-opportunities');
const PROJECTS = collection('projects');
/** Every opportunity request sideloads its projects, for `projects[]project_name`. */
const CRM_INCLUDE = 'projects';
/** The two projects the writes link the opportunity to. */
const twoProjects = toMany('projects', ['90425', '90426']);

/** The opportunity of the fixture as every step returns it: the catalog's sample. */
const opportunityRecord = createCrmOpportunity.operation.sample;

/** An opportunity of a list: the fixture's, with another id and other attributes. */
const opportunity = (id: string, attributes: Record<string, unknown> = {}): Resource => ({
  ...answer.data,
  id,
  attributes: { ...answer.data.attributes, ...attributes },
});

const list = (data: unknown[], included: unknown[] = []) => listPage(data, { included });

/** One read of a search: open opportunities first (`false`), then closed ones, as public clients ask. */
const searchQuery = (filter: Record<string, string>, closed = 'false') => ({
  include: CRM_INCLUDE,
  'filter[is-closed]': closed,
  ...filter,
  ...FIRST_PAGE,
});
const BY_CRM_ID = { 'filter[opportunity-id]': '0065g00000XyZ12' };

/** nock answering the reads of a search in turn, each `[filter, closed, found]` once. */
const searchReads = (...reads: [Record<string, string>, string, Resource[]][]) =>
  reads.reduce(
    (scope, [filter, closed, found]) => scope.get(CRM).query(searchQuery(filter, closed)).once().reply(200, list(found)),
    nock(API),
  );

useAppSuite();

describe('triggers.new_crm_opportunity', () => {
  it('asks for the newest opportunities first, their projects included, in one request', async () => {
    const scope = oneGet(CRM, { include: CRM_INCLUDE, sort: '-id', ...FIRST_PAGE }, list([answer.data], answer.included));
    expect(await readThrough(scope, newCrmOpportunity)).toEqual([opportunityRecord]);
  });

  it('keeps each opportunity under its own ScopeStack ID, newest first', async () => {
    nock(API)
      .get(CRM)
      .query(true)
      .reply(200, list([opportunity('3203', { name: 'Newest' }), opportunity('3202', { name: 'Older' })]));
    const records = await runStep(newCrmOpportunity);
    expect(records.map((record) => [record.id, record['name'], record['opportunity_id']])).toEqual([
      ['3203', 'Newest', '0065g00000XyZ12'],
      ['3202', 'Older', '0065g00000XyZ12'],
    ]);
  });

  it('keeps the CRM account ID as Account CRM ID, not the ScopeStack account the API also links', async () => {
    nock(API)
      .get(CRM)
      .query(true)
      .reply(200, list([opportunity('3202', { 'account-id': null }), opportunity('3203')]));
    const records = await runStep(newCrmOpportunity);
    // The `account` relationship (ScopeStack's account 42) would flatten to the same key.
    expect(records.map((record) => record['account_id'])).toEqual([null, '0015g00000Cd2']);
  });
});

describe('triggers.list_crm_opportunities', () => {
  it('lists opportunities by display name, one page per call, without their projects, labelled by display name', async () => {
    // A dropdown needs no related records: no include.
    const page = list([opportunity('3201'), opportunity('3202', { 'display-name': 'Contoso / Backup / 0065g00000Zz9' })]);
    const scope = oneGet(CRM, { sort: 'display-name', ...pageOf(2) }, page);
    expect(await dropdownOf(scope, listCrmOpportunities, 1)).toEqual([
      ['3201', 'Example Client Ltd / Azure Migration / 0065g00000XyZ12'],
      ['3202', 'Contoso / Backup / 0065g00000Zz9'],
    ]);
  });

  it('is hidden, feeding the CRM Opportunity dropdowns', () => {
    expect(listCrmOpportunities.display).toMatchObject({ label: 'List CRM Opportunities', hidden: true });
  });
});

describe('triggers.project_crm_opportunity_changed', () => {
  /** A project as a list returns it, linked to `crmId` (null: linkage present and empty, no opportunity). */
  const project = (id: string, name: string, crmId: string | null, updatedAt = '2025-02-04T09:30:00Z'): Resource => ({
    id,
    type: 'projects',
    attributes: { 'project-name': name, status: 'building', 'created-at': '2025-02-03T14:05:00Z', 'updated-at': updatedAt },
    relationships: {
      client: toOne('clients', '1001'),
      'crm-opportunity': crmId === null ? { data: null } : toOne('crm-opportunities', crmId),
    },
  });
  const opportunities = [
    { id: '3201', type: 'crm-opportunities', attributes: { 'display-name': 'Example Client Ltd / Azure Migration / 0065g00000XyZ12' } },
    { id: '3202', type: 'crm-opportunities', attributes: { 'display-name': 'Contoso / Backup / 0065g00000Zz9' } },
  ];

  const poll = async (projects: Resource[]) => {
    const scope = oneGet(PROJECTS, { include: PROJECT_INCLUDE, sort: '-updated-at', ...FIRST_PAGE }, list(projects, opportunities));
    return readThrough(scope, projectCrmOpportunityChanged);
  };

  it('asks for the most recently changed projects, and versions each by its opportunity: <project id>@<opportunity id>', async () => {
    const records = await poll([
      project('90425', 'Cloud Migration', '3201'),
      project('90300', 'Backup', null),
      project('90301', 'Network Refresh', '3202'),
    ]);
    expect(
      records.map((record) => [record.id, record['project_id'], record['crm_opportunity_id'], record['crm_opportunity_name']]),
    ).toEqual([
      ['90425@3201', '90425', '3201', 'Example Client Ltd / Azure Migration / 0065g00000XyZ12'],
      // The project without an opportunity (90300) is left out.
      ['90301@3202', '90301', '3202', 'Contoso / Backup / 0065g00000Zz9'],
    ]);
    expect(records[0]).toMatchObject({ project_name: 'Cloud Migration', client_id: '1001', updated_at: '2025-02-04T09:30:00Z' });
  });

  it('fires once per link and move; another edit of a project keeps its id', async () => {
    const linked = await poll([project('90425', 'Cloud Migration', '3201', '2025-02-04T09:30:00Z')]);
    const renamed = await poll([project('90425', 'Cloud Migration (renamed)', '3201', '2025-02-05T16:00:00Z')]);
    const moved = await poll([project('90425', 'Cloud Migration', '3202', '2025-02-06T08:00:00Z')]);
    expect([linked, renamed, moved].map((records) => records.map((record) => [record.id, record['project_id']]))).toEqual([
      [['90425@3201', '90425']],
      // Same opportunity, other change: the same id, so Zapier does not fire again.
      [['90425@3201', '90425']],
      [['90425@3202', '90425']],
    ]);
  });

  it('fires nothing for an unlink, nor for a new project without an opportunity', async () => {
    // ScopeStack does not say when a link was removed: a project without an opportunity looks the
    // same whether it was just unlinked or never linked, so such projects are never returned.
    const withoutOpportunity = project('90425', 'Cloud Migration', null, '2025-02-07T08:00:00Z');
    const linked = await poll([project('90425', 'Cloud Migration', '3201', '2025-02-04T09:30:00Z')]);
    const unlinked = await poll([withoutOpportunity]);
    const created = await poll([project('90500', 'Firewall Upgrade', null, '2025-02-08T08:00:00Z'), withoutOpportunity]);
    expect(linked.map((record) => record.id)).toEqual(['90425@3201']);
    expect(unlinked).toEqual([]);
    expect(created).toEqual([]);
  });

  it('says it fires for links and moves, not for unlinks', () => {
    expect(projectCrmOpportunityChanged.display).toMatchObject({
      label: 'Project CRM Opportunity Changed',
      description: 'Triggers when a project is linked to a CRM opportunity or moved to another one, once per change.',
    });
  });

  it('labels the version id apart from the project ID, with a sample in the same shape', () => {
    const fields = (projectCrmOpportunityChanged.operation.outputFields ?? []).filter((field) => typeof field !== 'function');
    expect(fields.slice(0, 2)).toEqual([
      { key: 'id', label: 'Project Version ID' },
      { key: 'project_id', label: 'Project ID' },
    ]);
    expect(projectCrmOpportunityChanged.operation.sample).toMatchObject({
      id: '90425@3201',
      project_id: '90425',
      crm_opportunity_id: '3201',
    });
  });
});

describe('searches.find_crm_opportunity', () => {
  it('finds by the CRM opportunity ID over filter[opportunity-id] among open ones, keeping the exact ID only', async () => {
    const scope = oneGet(
      CRM,
      searchQuery(BY_CRM_ID),
      list([opportunity('3299', { 'opportunity-id': '0065g00000XyZ12AAA' }), answer.data], answer.included),
    );
    expect(await readThrough(scope, findCrmOpportunity, { opportunity_id: ' 0065g00000XyZ12 ' })).toEqual([opportunityRecord]);
  });

  it('finds an opportunity whose stored CRM ID has spaces around it, keeping the case of the ID', async () => {
    const stored = [
      opportunity('3298', { 'opportunity-id': '0065G00000XYZ12' }),
      opportunity('3299', { 'opportunity-id': ' 0065g00000XyZ12 ' }),
    ];
    const found = await readThrough(searchReads([BY_CRM_ID, 'false', stored]), findCrmOpportunity, { opportunity_id: '0065g00000XyZ12' });
    expect(found.map((record) => record.id)).toEqual(['3299']);
  });

  it('finds by the whole name among the partial matches, same case first', async () => {
    const partialMatches = [
      opportunity('3290', { name: 'Azure Migration Phase 2' }),
      opportunity('3291', { name: 'azure migration' }),
      opportunity('3201', { name: 'Azure Migration' }),
    ];
    const scope = searchReads([{ 'filter[name]': 'Azure Migration' }, 'false', partialMatches]);
    const found = await readThrough(scope, findCrmOpportunity, { name: 'Azure Migration' });
    expect(found.map((record) => record.id)).toEqual(['3201', '3291']);
  });

  it('finds a closed opportunity in a second read, when no open one matches', async () => {
    const scope = searchReads([BY_CRM_ID, 'false', []], [BY_CRM_ID, 'true', [opportunity('3201', { 'is-closed': true })]]);
    const found = await readThrough(scope, findCrmOpportunity, { opportunity_id: '0065g00000XyZ12' });
    expect(found.map((record) => [record.id, record['is_closed']])).toEqual([['3201', true]]);
  });

  it('tries the CRM opportunity ID first, then the name', async () => {
    const unknownCrmId = { 'filter[opportunity-id]': '0065g00000Nope1' };
    const scope = searchReads(
      [unknownCrmId, 'false', []],
      [unknownCrmId, 'true', []],
      [{ 'filter[name]': 'Azure Migration' }, 'false', [answer.data]],
    );
    const found = await readThrough(scope, findCrmOpportunity, { opportunity_id: '0065g00000Nope1', name: 'Azure Migration' });
    expect(found.map((record) => record.id)).toEqual(['3201']);
  });

  it('finds nothing, rather than failing, when no opportunity matches exactly', async () => {
    const byName = { 'filter[name]': 'Azure' };
    const scope = searchReads([byName, 'false', [answer.data]], [byName, 'true', []]);
    expect(await readThrough(scope, findCrmOpportunity, { name: 'Azure' })).toEqual([]);
  });

  it('finds by ScopeStack ID with one GET, projects included, and a 404 as none', async () => {
    const known = { id: '3201', answer, found: opportunityRecord, ignoring: { name: 'ignored' } };
    await expectFindsById(findCrmOpportunity, { path: CRM, include: CRM_INCLUDE, ...known, unknownId: '3999' });
  });

  it('asks for something to find by, before any request', async () => {
    const message = 'Enter Opportunity ID in CRM or Name to find CRM opportunity by.';
    expect(await searchRefusalOf(findCrmOpportunity, { name: ' ' })).toEqual(refused(message));
  });

  it('marks the CRM opportunity ID as an ID from another system', () => {
    expect(findCrmOpportunity.operation.inputFields?.[0]).toMatchObject({ key: 'opportunity_id', meta: { externalId: true } });
  });

  it("labels the CRM's deal ID and ScopeStack's ID apart, among the inputs and the outputs", () => {
    // Two fields both called "CRM Opportunity ID" (the CRM's deal ID and ScopeStack's record ID)
    // cannot be told apart when a user fills in the search or maps its result in a later step.
    const labelOf = (fields: readonly unknown[], key: string) =>
      (fields as { key?: string; label?: string }[]).find((field) => field.key === key)?.label;
    const { inputFields = [], outputFields = [] } = findCrmOpportunity.operation;
    expect(labelOf(inputFields, 'id')).not.toBe(labelOf(inputFields, 'opportunity_id'));
    expect(labelOf(outputFields, 'id')).not.toBe(labelOf(outputFields, 'opportunity_id'));
    expect([labelOf(inputFields, 'opportunity_id'), labelOf(inputFields, 'id')]).toEqual(['Opportunity ID in CRM', 'CRM Opportunity ID']);
    expect(labelOf(outputFields, 'opportunity_id')).toBe('Opportunity ID in CRM');
  });

  it('names what it finds by in its description, acronyms in capitals', () => {
    // The style guide: acronyms upper-case in every text a user reads.
    expect(findCrmOpportunity.display.description).not.toMatch(/\bcrm\b|\bid\b/);
    expect(findCrmOpportunity.display.description).toBe('Finds a CRM opportunity by opportunity ID in CRM, name or ID.');
  });
});

describe('creates.create_crm_opportunity', () => {
  it('posts the exact JSON:API body, linked to the account and the projects, CRM fields as {key, val}: one POST', async () => {
    const attributes = {
      'opportunity-id': '0065g00000XyZ12',
      name: 'Azure Migration',
      amount: '24000.00',
      stage: 'Proposal',
      'is-closed': false,
      'owner-id': '0055g00000Ab1',
      'owner-name': 'Jordan Example',
      'account-id': '0015g00000Cd2',
      'account-name': 'Example Client Ltd',
      // Left empty, composed as public clients compose it: account / name / CRM ID.
      'display-name': 'Example Client Ltd / Azure Migration / 0065g00000XyZ12',
      'custom-attributes': [
        { key: 'estimated_hours', val: '40' },
        { key: 'region', val: 'EMEA' },
      ],
    };
    const scope = onePost(CRM, newRecord('crm-opportunities', attributes, { account: toAccount, projects: twoProjects }), answer, {
      include: CRM_INCLUDE,
    });
    const record = await writeThrough(scope, createCrmOpportunity, {
      opportunity_id: ' 0065g00000XyZ12 ',
      name: 'Azure Migration',
      amount: '24,000.00',
      stage: 'Proposal',
      is_closed: 'no',
      owner_id: '0055g00000Ab1',
      owner_name: 'Jordan Example',
      account_id: '0015g00000Cd2',
      account_name: 'Example Client Ltd',
      display_name: '',
      city: ' ',
      custom_attributes: [
        { custom_attributes__key: 'estimated_hours', custom_attributes__val: '40' },
        { custom_attributes__key: 'region', custom_attributes__val: 'EMEA' },
        { custom_attributes__key: '', custom_attributes__val: '' },
      ],
      projects_ids: ['90425', '90426'],
    });
    expect(record).toEqual(opportunityRecord);
  });

  it("returns the CRM's account ID as Account CRM ID, though the answer also links ScopeStack's account", async () => {
    const scope = nock(API).post(CRM).query(true).reply(201, answer);
    const input = { opportunity_id: '0065g00000XyZ12', name: 'Azure Migration', account_id: '0015g00000Cd2' };
    const record = await writeThrough(scope, createCrmOpportunity, input);
    expect(record['account_id']).toBe('0015g00000Cd2');
    // ScopeStack's account (42) appears under no key.
    expect(Object.values(record)).not.toContain('42');
  });

  it('reads a mapped comma-separated text of project IDs as the list of projects', async () => {
    const attributes = {
      'opportunity-id': '0065g00000XyZ12',
      name: 'Azure Migration',
      'display-name': 'Azure Migration / 0065g00000XyZ12',
    };
    const scope = onePost(CRM, newRecord('crm-opportunities', attributes, { account: toAccount, projects: twoProjects }), answer, {
      include: CRM_INCLUDE,
    });
    await writeThrough(scope, createCrmOpportunity, {
      opportunity_id: '0065g00000XyZ12',
      name: 'Azure Migration',
      projects_ids: '90425, 90426',
    });
  });

  itRefuses(
    createCrmOpportunity,
    [
      [
        'refuses an amount that is not a number, naming Amount, before any request',
        { opportunity_id: '0065g00000XyZ12', name: 'Azure Migration', amount: '24k' },
        'Amount must be a number, for example 1500.00 (got "24k").',
      ],
      [
        'refuses a project name mapped into Projects, before any request',
        { opportunity_id: '0065g00000XyZ12', name: 'Azure Migration', projects_ids: ['90425', 'Cloud Migration'] },
        notAnId('Projects', 'Cloud Migration'),
      ],
      [
        'reports every problem at once, before any request',
        { amount: 'abc', is_closed: 'maybe' },
        'Opportunity ID in CRM is required. Name is required. ' +
          'Amount must be a number, for example 1500.00 (got "abc"). Closed must be true or false (got "maybe").',
      ],
    ],
    () => nock(API).post(CRM).query(true).reply(201, answer),
  );

  it('shows the CRM fields as line items and the projects as a list of project IDs', () => {
    const fields = createCrmOpportunity.operation.inputFields as { key: string }[];
    expect(fields.find((field) => field.key === 'custom_attributes')).toMatchObject({
      label: 'CRM Fields',
      children: [{ key: 'custom_attributes__key' }, { key: 'custom_attributes__val' }],
    });
    expect(fields.find((field) => field.key === 'projects_ids')).toMatchObject({
      label: 'Projects',
      list: true,
      dynamic: 'list_projects.id.label',
    });
  });
});

describe('creates.update_crm_opportunity', () => {
  it('merges CRM Fields into the ones the opportunity has, as public clients do: one read, then the PATCH', async () => {
    const current = opportunity('3201', {
      'custom-attributes': [
        { key: 'estimated_hours', val: '40' },
        { key: 'region', val: 'EMEA' },
      ],
    });
    const merged = [
      { key: 'estimated_hours', val: '56' },
      { key: 'region', val: 'EMEA' },
      { key: 'partner', val: 'Contoso' },
    ];
    const scope = nock(API)
      .get(`${CRM}/3201`)
      .query({ include: CRM_INCLUDE })
      .once()
      .reply(200, { data: current })
      .patch(`${CRM}/3201`, changes('crm-opportunities', '3201', { 'custom-attributes': merged }))
      .query({ include: CRM_INCLUDE })
      .once()
      .reply(200, { ...answer, data: current });
    await writeThrough(scope, updateCrmOpportunity, {
      id: '3201',
      custom_attributes: [
        { custom_attributes__key: 'estimated_hours', custom_attributes__val: '56' },
        { custom_attributes__key: 'partner', custom_attributes__val: 'Contoso' },
      ],
    });
  });

  it('patches only the filled-in fields, with the id in the body and no account: one PATCH', async () => {
    const closedWon = { stage: 'Closed Won', 'is-closed': true, amount: '26500.50' };
    const scope = onePatch(
      `${CRM}/3201`,
      changes('crm-opportunities', '3201', closedWon, { projects: toMany('projects', ['90425']) }),
      { ...answer, data: opportunity('3201', closedWon) },
      { include: CRM_INCLUDE },
    );
    const input = {
      id: '3201',
      stage: 'Closed Won',
      is_closed: 'yes',
      amount: '26,500.50',
      projects_ids: ['90425'],
      name: '',
      owner_id: ' ',
    };
    const record = await writeThrough(scope, updateCrmOpportunity, input);
    expect(record).toEqual({ ...opportunityRecord, stage: 'Closed Won', is_closed: true, amount: '26500.50' });
  });

  itRefuses(updateCrmOpportunity, [
    [
      'asks for something to change, before any request',
      { id: '3201', name: ' ' },
      'Fill in at least one field to change on the CRM opportunity.',
    ],
    [
      "refuses the CRM's deal ID mapped into the CRM Opportunity field, before any request",
      { id: '0065g00000XyZ12', stage: 'Proposal' },
      notAnId('CRM Opportunity', '0065g00000XyZ12'),
    ],
  ]);

  it('offers the opportunity list and Find CRM Opportunity for the CRM Opportunity field', () => {
    const [idField] = updateCrmOpportunity.operation.inputFields ?? [];
    const picker = pickedFrom('list_crm_opportunities', 'find_crm_opportunity');
    expect(idField).toMatchObject({ key: 'id', label: 'CRM Opportunity', required: true, ...picker });
  });
});

describe('creates.upsert_crm_opportunity', () => {
  const byCrmId = (found: Resource[], closed = 'false') => searchReads([BY_CRM_ID, closed, found]);
  const input = { opportunity_id: '0065g00000XyZ12', name: 'Azure Migration', stage: 'Proposal', amount: '24000', city: '' };
  // One body for both outcomes: the display name is composed (no account name given) and sent either way, as public clients do.
  const attributes = {
    'opportunity-id': '0065g00000XyZ12',
    name: 'Azure Migration',
    'display-name': 'Azure Migration / 0065g00000XyZ12',
    stage: 'Proposal',
    amount: '24000',
  };
  /** The create that follows when the search finds no opportunity of that CRM ID: linked to the account. */
  const postsTheOpportunity = (scope: nock.Scope) =>
    scope
      .post(CRM, newRecord('crm-opportunities', attributes, { account: toAccount }))
      .query({ include: CRM_INCLUDE })
      .once()
      .reply(201, answer);

  it('updates the opportunity with the same CRM opportunity ID: one search, then a PATCH of what was filled in', async () => {
    const scope = byCrmId([opportunity('3201', { name: 'Azure Migration (old)' })])
      .patch(`${CRM}/3201`, changes('crm-opportunities', '3201', attributes))
      .query({ include: CRM_INCLUDE })
      .matchHeader('content-type', JSON_API)
      .once()
      .reply(200, answer);
    expect(await writeThrough(scope, upsertCrmOpportunity, input)).toEqual({ ...opportunityRecord, upsert_action: 'updated' });
  });

  it('creates the opportunity, linked to the account, when no opportunity, open or closed, has that CRM opportunity ID: two reads, then POST', async () => {
    const closed = byCrmId([], 'true');
    const scope = postsTheOpportunity(byCrmId([opportunity('3299', { 'opportunity-id': '0065g00000XyZ12AAA' })]));
    expect(await writeThrough(scope, upsertCrmOpportunity, input)).toEqual({ ...opportunityRecord, upsert_action: 'created' });
    expect(closed.isDone()).toBe(true);
  });

  it('matches by the CRM opportunity ID only, never by name', async () => {
    // An opportunity of the same name but another CRM ID is another deal: a new one is created.
    byCrmId([], 'true');
    const record = await writeThrough(postsTheOpportunity(byCrmId([])), upsertCrmOpportunity, input);
    expect(record['upsert_action']).toBe('created');
  });

  it('refuses missing keys or an amount in words before the search', async () => {
    expect(await refusalOf(upsertCrmOpportunity, { name: 'Azure Migration' })).toEqual(nothingSent('Opportunity ID in CRM is required.'));
    const amountInWords = nothingSent('Amount must be a number, for example 1500.00 (got "lots").');
    expect(await refusalOf(upsertCrmOpportunity, { ...input, amount: 'lots' })).toEqual(amountInWords);
  });

  it('is labelled by what it matches on', () => {
    const description = 'Creates a CRM opportunity, or updates the one with the same opportunity ID in CRM.';
    expect(upsertCrmOpportunity.display).toMatchObject({ label: 'Create or Update CRM Opportunity', description });
  });
});

describe('creates.delete_crm_opportunity', () => {
  it('deletes the opportunity with one DELETE and says so', async () => {
    const scope = nock(API, { reqheaders: SIGNED }).delete(`${CRM}/3201`).once().reply(204);
    expect(await writeThrough(scope, deleteCrmOpportunity, { id: ' 3201 ' })).toEqual({ id: '3201', deleted: true });
  });

  it('says plainly that nothing was deleted when ScopeStack has no such opportunity (404)', async () => {
    const scope = nock(API).delete(`${CRM}/3999`).once().reply(404, notFound('3999'));
    const error = await refusalOf(deleteCrmOpportunity, { id: '3999' });
    expect(scope.isDone()).toBe(true);
    expect(error).toEqual({
      code: 'NotFoundError',
      status: 404,
      message: 'There is no CRM opportunity 3999 in this ScopeStack account (it may have been deleted already): nothing was deleted.',
    });
  });

  it.each([['0065g00000XyZ12'], ['Azure Migration']])('refuses %j as the opportunity before any request', async (id) => {
    const scope = nock(API).delete(/.*/).reply(204);
    const error = await refusalOf(deleteCrmOpportunity, { id });
    expect(scope.isDone()).toBe(false);
    expect(error).toEqual(nothingSent(notAnId('CRM Opportunity', id)));
  });

  it('is labelled and described as a delete, with a sample of what it returns', () => {
    expect(deleteCrmOpportunity.display).toMatchObject({ label: 'Delete CRM Opportunity', description: 'Deletes a CRM opportunity.' });
    expect(deleteCrmOpportunity.operation.sample).toEqual({ id: '3201', deleted: true });
  });
});

describe('the CRM opportunity of a project', () => {
  it('create_project links the CRM opportunity as the crm-opportunity relationship', async () => {
    const defaults = accountDefaultsLookedUp();
    const links = { account: toAccount, client: toOne('clients', '1001'), 'crm-opportunity': toOne('crm-opportunities', '3201') };
    const scope = nock(API)
      .post(PROJECTS, newRecord('projects', { 'project-name': 'Cloud Migration' }, { ...links, ...DEFAULT_LINKS }))
      .query({ include: PROJECT_INCLUDE })
      .matchHeader('content-type', JSON_API)
      .once()
      .reply(201, projectAnswer);
    const input = { client_id: '1001', project_name: 'Cloud Migration', crm_opportunity_id: ' 3201 ' };
    expect(await writeThrough(scope, createProject, input)).toMatchObject({
      id: '90425',
      crm_opportunity_id: '3201',
      crm_opportunity_name: 'Example Client Ltd / Azure Migration / 0065g00000XyZ12',
    });
    expect(defaults.isDone()).toBe(true);
  });

  it('update_project moves the project to another CRM opportunity, sending only that', async () => {
    const moved = changes('projects', '90425', {}, { 'crm-opportunity': toOne('crm-opportunities', '3202') });
    const scope = nock(API).patch(`${PROJECTS}/90425`, moved).query({ include: PROJECT_INCLUDE }).once().reply(200, projectAnswer);
    await writeThrough(scope, updateProject, { id: '90425', crm_opportunity_id: '3202', project_name: '' });
  });

  it("refuses the CRM's deal ID mapped into CRM Opportunity, before any request", async () => {
    const input = { client_id: '1001', project_name: 'Cloud Migration', crm_opportunity_id: '0065g00000XyZ12' };
    expect(await refusalOf(createProject, input)).toEqual(nothingSent(notAnId('CRM Opportunity', '0065g00000XyZ12')));
  });

  it('offers the opportunity list and Find CRM Opportunity on both project writes', () => {
    for (const step of [createProject, updateProject]) {
      const field = (step.operation.inputFields as { key?: string }[]).find((candidate) => candidate.key === 'crm_opportunity_id');
      expect(field).toMatchObject({
        label: 'CRM Opportunity',
        required: false,
        ...pickedFrom('list_crm_opportunities', 'find_crm_opportunity'),
      });
    }
  });
});
