/**
 * CRM opportunities against nock: the triggers, the dropdown, the search, create, update,
 * create-or-update and delete, and the CRM opportunity of a project. Each test pins the exact
 * requests (method, path, query, JSON body, headers where they matter) and what the user gets
 * back, or the message they read.
 */
import nock from 'nock';
import { readFileSync } from 'node:fs';
import zapier from 'zapier-platform-core';
import createCrmOpportunity from '../../creates/create_crm_opportunity.js';
import createProject from '../../creates/create_project.js';
import deleteCrmOpportunity from '../../creates/delete_crm_opportunity.js';
import updateCrmOpportunity from '../../creates/update_crm_opportunity.js';
import updateProject from '../../creates/update_project.js';
import upsertCrmOpportunity from '../../creates/upsert_crm_opportunity.js';
import findCrmOpportunity from '../../searches/find_crm_opportunity.js';
import App from '../../src/index.js';
import listCrmOpportunities from '../../triggers/list_crm_opportunities.js';
import newCrmOpportunity from '../../triggers/new_crm_opportunity.js';
import projectCrmOpportunityChanged from '../../triggers/project_crm_opportunity_changed.js';
import { ACCESS_TOKEN, API, bundleWith, SLUG, useTestHosts } from '../support/bundle.js';
import { appErrorOf } from '../support/errors.js';
import { useNock } from '../support/nock.js';
import { performOf } from '../support/steps.js';
import { performAsProduction } from '../support/production-input.js';
import { accountDefaultsLookedUp, DEFAULT_LINKS } from '../support/account-defaults.js';
import { listPage } from '../support/json-api-page.js';

const appTester = zapier.createAppTester(App);

type FlatRecord = { id: string } & Record<string, unknown>;
interface Resource {
  id: string;
  type: string;
  links?: Record<string, unknown>;
  attributes: Record<string, unknown>;
  relationships?: Record<string, { links?: unknown; data?: unknown }>;
}
interface OneDocument {
  data: Resource;
  included: Resource[];
}

const fixture = (path: string): OneDocument =>
  JSON.parse(readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8')) as OneDocument;

/** One opportunity as ScopeStack answers a GET, POST or PATCH: the account linked, one project included. */
const answer = fixture('crm/opportunity.json');
/** One project with every relationship included, its CRM opportunity among them. */
const projectAnswer = fixture('projects/one.json');

const CRM = `/${SLUG}/v1/crm-opportunities`;
const PROJECTS = `/${SLUG}/v1/projects`;
/** Every opportunity request sideloads its projects, for `projects[]project_name`. */
const CRM_INCLUDE = 'projects';
const PROJECT_INCLUDE = 'client,sales-executive,presales-engineer,rate-table,payment-term,business-unit,crm-opportunity';
const JSON_API = 'application/vnd.api+json';
const toAccount = { data: { type: 'accounts', id: '42' } };

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
  'page[number]': '1',
  'page[size]': '100',
});

useNock();
beforeAll(useTestHosts);

describe('triggers.new_crm_opportunity', () => {
  it('asks for the newest opportunities first, their projects included, in one request', async () => {
    const scope = nock(API)
      .get(CRM)
      .query({ include: CRM_INCLUDE, sort: '-id', 'page[number]': '1', 'page[size]': '100' })
      .matchHeader('accept', JSON_API)
      .matchHeader('authorization', `Bearer ${ACCESS_TOKEN}`)
      .once()
      .reply(200, list([answer.data], answer.included));
    const records = await appTester(performOf<FlatRecord[]>(newCrmOpportunity), bundleWith());
    expect(scope.isDone()).toBe(true);
    expect(records).toEqual([opportunityRecord]);
  });

  it('keeps each opportunity under its own ScopeStack ID, newest first', async () => {
    nock(API)
      .get(CRM)
      .query(true)
      .reply(200, list([opportunity('3203', { name: 'Newest' }), opportunity('3202', { name: 'Older' })]));
    const records = await appTester(performOf<FlatRecord[]>(newCrmOpportunity), bundleWith());
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
    const records = await appTester(performOf<FlatRecord[]>(newCrmOpportunity), bundleWith());
    // The `account` relationship (ScopeStack's account 42) would flatten to the same key.
    expect(records.map((record) => record['account_id'])).toEqual([null, '0015g00000Cd2']);
  });
});

describe('triggers.list_crm_opportunities', () => {
  it('lists opportunities by display name, one page per call, without their projects, labelled by display name', async () => {
    // A dropdown needs no related records: no include.
    const scope = nock(API)
      .get(CRM)
      .query({ sort: 'display-name', 'page[number]': '2', 'page[size]': '100' })
      .once()
      .reply(200, list([opportunity('3201'), opportunity('3202', { 'display-name': 'Contoso / Backup / 0065g00000Zz9' })]));
    const records = await appTester(performOf<FlatRecord[]>(listCrmOpportunities), { ...bundleWith(), meta: { page: 1 } });
    expect(scope.isDone()).toBe(true);
    expect(records.map((record) => [record.id, record['label']])).toEqual([
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
      client: { data: { type: 'clients', id: '1001' } },
      'crm-opportunity': { data: crmId === null ? null : { type: 'crm-opportunities', id: crmId } },
    },
  });
  const opportunities = [
    { id: '3201', type: 'crm-opportunities', attributes: { 'display-name': 'Example Client Ltd / Azure Migration / 0065g00000XyZ12' } },
    { id: '3202', type: 'crm-opportunities', attributes: { 'display-name': 'Contoso / Backup / 0065g00000Zz9' } },
  ];

  const poll = async (projects: Resource[]) => {
    const scope = nock(API)
      .get(PROJECTS)
      .query({ include: PROJECT_INCLUDE, sort: '-updated-at', 'page[number]': '1', 'page[size]': '100' })
      .matchHeader('authorization', `Bearer ${ACCESS_TOKEN}`)
      .once()
      .reply(200, list(projects, opportunities));
    const records = await appTester(performOf<FlatRecord[]>(projectCrmOpportunityChanged), bundleWith());
    expect(scope.isDone()).toBe(true);
    return records;
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
    const scope = nock(API)
      .get(CRM)
      .query(searchQuery({ 'filter[opportunity-id]': '0065g00000XyZ12' }))
      .matchHeader('accept', JSON_API)
      .matchHeader('authorization', `Bearer ${ACCESS_TOKEN}`)
      .once()
      .reply(200, list([opportunity('3299', { 'opportunity-id': '0065g00000XyZ12AAA' }), answer.data], answer.included));
    const found = await appTester(performOf<FlatRecord[]>(findCrmOpportunity), bundleWith({ opportunity_id: ' 0065g00000XyZ12 ' }));
    expect(scope.isDone()).toBe(true);
    expect(found).toEqual([opportunityRecord]);
  });

  it('finds an opportunity whose stored CRM ID has spaces around it, keeping the case of the ID', async () => {
    const scope = nock(API)
      .get(CRM)
      .query(searchQuery({ 'filter[opportunity-id]': '0065g00000XyZ12' }))
      .once()
      .reply(
        200,
        list([
          opportunity('3298', { 'opportunity-id': '0065G00000XYZ12' }),
          opportunity('3299', { 'opportunity-id': ' 0065g00000XyZ12 ' }),
        ]),
      );
    const found = await appTester(performOf<FlatRecord[]>(findCrmOpportunity), bundleWith({ opportunity_id: '0065g00000XyZ12' }));
    expect(scope.isDone()).toBe(true);
    expect(found.map((record) => record.id)).toEqual(['3299']);
  });

  it('finds by the whole name among the partial matches, same case first', async () => {
    const scope = nock(API)
      .get(CRM)
      .query(searchQuery({ 'filter[name]': 'Azure Migration' }))
      .once()
      .reply(
        200,
        list([
          opportunity('3290', { name: 'Azure Migration Phase 2' }),
          opportunity('3291', { name: 'azure migration' }),
          opportunity('3201', { name: 'Azure Migration' }),
        ]),
      );
    const found = await appTester(performOf<FlatRecord[]>(findCrmOpportunity), bundleWith({ name: 'Azure Migration' }));
    expect(scope.isDone()).toBe(true);
    expect(found.map((record) => record.id)).toEqual(['3201', '3291']);
  });

  it('finds a closed opportunity in a second read, when no open one matches', async () => {
    const scope = nock(API)
      .get(CRM)
      .query(searchQuery({ 'filter[opportunity-id]': '0065g00000XyZ12' }))
      .once()
      .reply(200, list([]))
      .get(CRM)
      .query(searchQuery({ 'filter[opportunity-id]': '0065g00000XyZ12' }, 'true'))
      .once()
      .reply(200, list([opportunity('3201', { 'is-closed': true })]));
    const found = await appTester(performOf<FlatRecord[]>(findCrmOpportunity), bundleWith({ opportunity_id: '0065g00000XyZ12' }));
    expect(scope.isDone()).toBe(true);
    expect(found.map((record) => [record.id, record['is_closed']])).toEqual([['3201', true]]);
  });

  it('tries the CRM opportunity ID first, then the name', async () => {
    const scope = nock(API)
      .get(CRM)
      .query(searchQuery({ 'filter[opportunity-id]': '0065g00000Nope1' }))
      .once()
      .reply(200, list([]))
      .get(CRM)
      .query(searchQuery({ 'filter[opportunity-id]': '0065g00000Nope1' }, 'true'))
      .once()
      .reply(200, list([]))
      .get(CRM)
      .query(searchQuery({ 'filter[name]': 'Azure Migration' }))
      .once()
      .reply(200, list([answer.data]));
    const found = await appTester(
      performOf<FlatRecord[]>(findCrmOpportunity),
      bundleWith({ opportunity_id: '0065g00000Nope1', name: 'Azure Migration' }),
    );
    expect(scope.isDone()).toBe(true);
    expect(found.map((record) => record.id)).toEqual(['3201']);
  });

  it('finds nothing, rather than failing, when no opportunity matches exactly', async () => {
    const scope = nock(API)
      .get(CRM)
      .query(searchQuery({ 'filter[name]': 'Azure' }))
      .once()
      .reply(200, list([answer.data]))
      .get(CRM)
      .query(searchQuery({ 'filter[name]': 'Azure' }, 'true'))
      .once()
      .reply(200, list([]));
    await expect(appTester(performOf(findCrmOpportunity), bundleWith({ name: 'Azure' }))).resolves.toEqual([]);
    expect(scope.isDone()).toBe(true);
  });

  it('finds by ScopeStack ID with one GET, projects included, and a 404 as none', async () => {
    const scope = nock(API)
      .get(`${CRM}/3201`)
      .query({ include: CRM_INCLUDE })
      .once()
      .reply(200, answer)
      .get(`${CRM}/3999`)
      .query({ include: CRM_INCLUDE })
      .once()
      .reply(404, { errors: [{ title: 'Record not found', status: '404' }] });
    await expect(appTester(performOf(findCrmOpportunity), bundleWith({ id: '3201', name: 'ignored' }))).resolves.toEqual([
      opportunityRecord,
    ]);
    await expect(appTester(performOf(findCrmOpportunity), bundleWith({ id: '3999' }))).resolves.toEqual([]);
    expect(scope.isDone()).toBe(true);
  });

  it('asks for something to find by, before any request', async () => {
    expect(await appErrorOf(appTester(performOf(findCrmOpportunity), bundleWith({ name: ' ' })))).toEqual({
      code: 'ValidationError',
      message: 'Enter Opportunity ID in CRM or Name to find CRM opportunity by.',
    });
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
    const scope = nock(API)
      .post(CRM, {
        data: {
          type: 'crm-opportunities',
          attributes: {
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
          },
          relationships: {
            account: toAccount,
            projects: {
              data: [
                { type: 'projects', id: '90425' },
                { type: 'projects', id: '90426' },
              ],
            },
          },
        },
      })
      .query({ include: CRM_INCLUDE })
      .matchHeader('content-type', JSON_API)
      .matchHeader('accept', JSON_API)
      .matchHeader('authorization', `Bearer ${ACCESS_TOKEN}`)
      .once()
      .reply(201, answer);
    const record = await performAsProduction<FlatRecord>(
      appTester,
      createCrmOpportunity,
      bundleWith({
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
      }),
    );
    expect(scope.isDone()).toBe(true);
    expect(record).toEqual(opportunityRecord);
  });

  it("returns the CRM's account ID as Account CRM ID, though the answer also links ScopeStack's account", async () => {
    nock(API).post(CRM).query(true).reply(201, answer);
    const record = await performAsProduction<FlatRecord>(
      appTester,
      createCrmOpportunity,
      bundleWith({ opportunity_id: '0065g00000XyZ12', name: 'Azure Migration', account_id: '0015g00000Cd2' }),
    );
    expect(record['account_id']).toBe('0015g00000Cd2');
    // ScopeStack's account (42) appears under no key.
    expect(Object.values(record)).not.toContain('42');
  });

  it('reads a mapped comma-separated text of project IDs as the list of projects', async () => {
    const scope = nock(API)
      .post(CRM, {
        data: {
          type: 'crm-opportunities',
          attributes: { 'opportunity-id': '0065g00000XyZ12', name: 'Azure Migration', 'display-name': 'Azure Migration / 0065g00000XyZ12' },
          relationships: {
            account: toAccount,
            projects: {
              data: [
                { type: 'projects', id: '90425' },
                { type: 'projects', id: '90426' },
              ],
            },
          },
        },
      })
      .query({ include: CRM_INCLUDE })
      .once()
      .reply(201, answer);
    await performAsProduction(
      appTester,
      createCrmOpportunity,
      bundleWith({ opportunity_id: '0065g00000XyZ12', name: 'Azure Migration', projects_ids: '90425, 90426' }),
    );
    expect(scope.isDone()).toBe(true);
  });

  it('refuses an amount that is not a number, naming Amount, before any request', async () => {
    const scope = nock(API).post(CRM).query(true).reply(201, answer);
    const error = await appErrorOf(
      performAsProduction(
        appTester,
        createCrmOpportunity,
        bundleWith({ opportunity_id: '0065g00000XyZ12', name: 'Azure Migration', amount: '24k' }),
      ),
    );
    expect(scope.isDone()).toBe(false);
    expect(error).toEqual({
      code: 'ValidationError',
      message: 'Nothing was sent to ScopeStack: Amount must be a number, for example 1500.00 (got "24k").',
    });
  });

  it('refuses a project name mapped into Projects, before any request', async () => {
    const error = await appErrorOf(
      performAsProduction(
        appTester,
        createCrmOpportunity,
        bundleWith({ opportunity_id: '0065g00000XyZ12', name: 'Azure Migration', projects_ids: ['90425', 'Cloud Migration'] }),
      ),
    );
    expect(error.message).toBe(
      'Nothing was sent to ScopeStack: Projects must be a ScopeStack ID, a whole number such as 1001 (got "Cloud Migration"). ' +
        'Pick one from the dropdown, or map the ID (not the name) from an earlier step.',
    );
  });

  it('reports every problem at once, before any request', async () => {
    const error = await appErrorOf(performAsProduction(appTester, createCrmOpportunity, bundleWith({ amount: 'abc', is_closed: 'maybe' })));
    expect(error).toEqual({
      code: 'ValidationError',
      message:
        'Nothing was sent to ScopeStack: Opportunity ID in CRM is required. Name is required. ' +
        'Amount must be a number, for example 1500.00 (got "abc"). Closed must be true or false (got "maybe").',
    });
  });

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
    const scope = nock(API)
      .get(`${CRM}/3201`)
      .query({ include: CRM_INCLUDE })
      .once()
      .reply(200, { data: current })
      .patch(`${CRM}/3201`, {
        data: {
          type: 'crm-opportunities',
          id: '3201',
          attributes: {
            'custom-attributes': [
              { key: 'estimated_hours', val: '56' },
              { key: 'region', val: 'EMEA' },
              { key: 'partner', val: 'Contoso' },
            ],
          },
        },
      })
      .query({ include: CRM_INCLUDE })
      .once()
      .reply(200, { ...answer, data: current });
    await performAsProduction(
      appTester,
      updateCrmOpportunity,
      bundleWith({
        id: '3201',
        custom_attributes: [
          { custom_attributes__key: 'estimated_hours', custom_attributes__val: '56' },
          { custom_attributes__key: 'partner', custom_attributes__val: 'Contoso' },
        ],
      }),
    );
    expect(scope.isDone()).toBe(true);
  });

  it('patches only the filled-in fields, with the id in the body and no account: one PATCH', async () => {
    const scope = nock(API)
      .patch(`${CRM}/3201`, {
        data: {
          type: 'crm-opportunities',
          id: '3201',
          attributes: { stage: 'Closed Won', 'is-closed': true, amount: '26500.50' },
          relationships: { projects: { data: [{ type: 'projects', id: '90425' }] } },
        },
      })
      .query({ include: CRM_INCLUDE })
      .matchHeader('content-type', JSON_API)
      .once()
      .reply(200, { ...answer, data: opportunity('3201', { stage: 'Closed Won', 'is-closed': true, amount: '26500.50' }) });
    const record = await performAsProduction<FlatRecord>(
      appTester,
      updateCrmOpportunity,
      bundleWith({
        id: '3201',
        stage: 'Closed Won',
        is_closed: 'yes',
        amount: '26,500.50',
        projects_ids: ['90425'],
        name: '',
        owner_id: ' ',
      }),
    );
    expect(scope.isDone()).toBe(true);
    expect(record).toEqual({ ...opportunityRecord, stage: 'Closed Won', is_closed: true, amount: '26500.50' });
  });

  it('asks for something to change, before any request', async () => {
    expect(await appErrorOf(performAsProduction(appTester, updateCrmOpportunity, bundleWith({ id: '3201', name: ' ' })))).toEqual({
      code: 'ValidationError',
      message: 'Nothing was sent to ScopeStack: Fill in at least one field to change on the CRM opportunity.',
    });
  });

  it("refuses the CRM's deal ID mapped into the CRM Opportunity field, before any request", async () => {
    const error = await appErrorOf(
      performAsProduction(appTester, updateCrmOpportunity, bundleWith({ id: '0065g00000XyZ12', stage: 'Proposal' })),
    );
    expect(error.message).toBe(
      'Nothing was sent to ScopeStack: CRM Opportunity must be a ScopeStack ID, a whole number such as 1001 (got "0065g00000XyZ12"). ' +
        'Pick one from the dropdown, or map the ID (not the name) from an earlier step.',
    );
  });

  it('offers the opportunity list and Find CRM Opportunity for the CRM Opportunity field', () => {
    expect(updateCrmOpportunity.operation.inputFields?.[0]).toMatchObject({
      key: 'id',
      label: 'CRM Opportunity',
      required: true,
      dynamic: 'list_crm_opportunities.id.label',
      search: 'find_crm_opportunity.id',
    });
  });
});

describe('creates.upsert_crm_opportunity', () => {
  const byCrmId = (found: Resource[], closed = 'false') =>
    nock(API)
      .get(CRM)
      .query(searchQuery({ 'filter[opportunity-id]': '0065g00000XyZ12' }, closed))
      .once()
      .reply(200, list(found));
  const input = { opportunity_id: '0065g00000XyZ12', name: 'Azure Migration', stage: 'Proposal', amount: '24000', city: '' };
  // One body for both outcomes: the display name is composed (no account name given) and sent either way, as public clients do.
  const attributes = {
    'opportunity-id': '0065g00000XyZ12',
    name: 'Azure Migration',
    'display-name': 'Azure Migration / 0065g00000XyZ12',
    stage: 'Proposal',
    amount: '24000',
  };

  it('updates the opportunity with the same CRM opportunity ID: one search, then a PATCH of what was filled in', async () => {
    const scope = byCrmId([opportunity('3201', { name: 'Azure Migration (old)' })])
      .patch(`${CRM}/3201`, { data: { type: 'crm-opportunities', id: '3201', attributes } })
      .query({ include: CRM_INCLUDE })
      .matchHeader('content-type', JSON_API)
      .once()
      .reply(200, answer);
    const record = await performAsProduction<FlatRecord>(appTester, upsertCrmOpportunity, bundleWith(input));
    expect(scope.isDone()).toBe(true);
    expect(record).toEqual({ ...opportunityRecord, upsert_action: 'updated' });
  });

  it('creates the opportunity, linked to the account, when no opportunity, open or closed, has that CRM opportunity ID: two reads, then POST', async () => {
    const closed = byCrmId([], 'true');
    const scope = byCrmId([opportunity('3299', { 'opportunity-id': '0065g00000XyZ12AAA' })])
      .post(CRM, { data: { type: 'crm-opportunities', attributes, relationships: { account: toAccount } } })
      .query({ include: CRM_INCLUDE })
      .once()
      .reply(201, answer);
    const record = await performAsProduction<FlatRecord>(appTester, upsertCrmOpportunity, bundleWith(input));
    expect(scope.isDone()).toBe(true);
    expect(record).toEqual({ ...opportunityRecord, upsert_action: 'created' });
    expect(closed.isDone()).toBe(true);
  });

  it('matches by the CRM opportunity ID only, never by name', async () => {
    // An opportunity of the same name but another CRM ID is another deal: a new one is created.
    byCrmId([], 'true');
    const scope = byCrmId([])
      .post(CRM, { data: { type: 'crm-opportunities', attributes, relationships: { account: toAccount } } })
      .query({ include: CRM_INCLUDE })
      .once()
      .reply(201, answer);
    const record = await performAsProduction<FlatRecord>(appTester, upsertCrmOpportunity, bundleWith(input));
    expect(scope.isDone()).toBe(true);
    expect(record['upsert_action']).toBe('created');
  });

  it('refuses missing keys or an amount in words before the search', async () => {
    expect(await appErrorOf(performAsProduction(appTester, upsertCrmOpportunity, bundleWith({ name: 'Azure Migration' })))).toEqual({
      code: 'ValidationError',
      message: 'Nothing was sent to ScopeStack: Opportunity ID in CRM is required.',
    });
    const error = await appErrorOf(performAsProduction(appTester, upsertCrmOpportunity, bundleWith({ ...input, amount: 'lots' })));
    expect(error.message).toBe('Nothing was sent to ScopeStack: Amount must be a number, for example 1500.00 (got "lots").');
  });

  it('is labelled by what it matches on', () => {
    expect(upsertCrmOpportunity.display).toMatchObject({
      label: 'Create or Update CRM Opportunity',
      description: 'Creates a CRM opportunity, or updates the one with the same opportunity ID in CRM.',
    });
  });
});

describe('creates.delete_crm_opportunity', () => {
  it('deletes the opportunity with one DELETE and says so', async () => {
    const scope = nock(API)
      .delete(`${CRM}/3201`)
      .matchHeader('authorization', `Bearer ${ACCESS_TOKEN}`)
      .matchHeader('accept', JSON_API)
      .once()
      .reply(204);
    const result = await performAsProduction(appTester, deleteCrmOpportunity, bundleWith({ id: ' 3201 ' }));
    expect(scope.isDone()).toBe(true);
    expect(result).toEqual({ id: '3201', deleted: true });
  });

  it('says plainly that nothing was deleted when ScopeStack has no such opportunity (404)', async () => {
    const scope = nock(API)
      .delete(`${CRM}/3999`)
      .once()
      .reply(404, { errors: [{ title: 'Record not found', detail: 'The record identified by 3999 could not be found.', status: '404' }] });
    const error = await appErrorOf(performAsProduction(appTester, deleteCrmOpportunity, bundleWith({ id: '3999' })));
    expect(scope.isDone()).toBe(true);
    expect(error).toEqual({
      code: 'NotFoundError',
      status: 404,
      message: 'There is no CRM opportunity 3999 in this ScopeStack account (it may have been deleted already): nothing was deleted.',
    });
  });

  it.each([['0065g00000XyZ12'], ['Azure Migration']])('refuses %j as the opportunity before any request', async (id) => {
    const scope = nock(API).delete(/.*/).reply(204);
    const error = await appErrorOf(performAsProduction(appTester, deleteCrmOpportunity, bundleWith({ id })));
    expect(scope.isDone()).toBe(false);
    expect(error).toEqual({
      code: 'ValidationError',
      message:
        `Nothing was sent to ScopeStack: CRM Opportunity must be a ScopeStack ID, a whole number such as 1001 (got "${id}"). ` +
        'Pick one from the dropdown, or map the ID (not the name) from an earlier step.',
    });
  });

  it('is labelled and described as a delete, with a sample of what it returns', () => {
    expect(deleteCrmOpportunity.display).toMatchObject({ label: 'Delete CRM Opportunity', description: 'Deletes a CRM opportunity.' });
    expect(deleteCrmOpportunity.operation.sample).toEqual({ id: '3201', deleted: true });
  });
});

describe('the CRM opportunity of a project', () => {
  it('create_project links the CRM opportunity as the crm-opportunity relationship', async () => {
    const defaults = accountDefaultsLookedUp();
    const scope = nock(API)
      .post(PROJECTS, {
        data: {
          type: 'projects',
          attributes: { 'project-name': 'Cloud Migration' },
          relationships: {
            account: toAccount,
            client: { data: { type: 'clients', id: '1001' } },
            'crm-opportunity': { data: { type: 'crm-opportunities', id: '3201' } },
            ...DEFAULT_LINKS,
          },
        },
      })
      .query({ include: PROJECT_INCLUDE })
      .matchHeader('content-type', JSON_API)
      .once()
      .reply(201, projectAnswer);
    const record = await performAsProduction<FlatRecord>(
      appTester,
      createProject,
      bundleWith({ client_id: '1001', project_name: 'Cloud Migration', crm_opportunity_id: ' 3201 ' }),
    );
    expect(scope.isDone()).toBe(true);
    expect(record).toMatchObject({
      id: '90425',
      crm_opportunity_id: '3201',
      crm_opportunity_name: 'Example Client Ltd / Azure Migration / 0065g00000XyZ12',
    });
    expect(defaults.isDone()).toBe(true);
  });

  it('update_project moves the project to another CRM opportunity, sending only that', async () => {
    const scope = nock(API)
      .patch(`${PROJECTS}/90425`, {
        data: {
          type: 'projects',
          id: '90425',
          attributes: {},
          relationships: { 'crm-opportunity': { data: { type: 'crm-opportunities', id: '3202' } } },
        },
      })
      .query({ include: PROJECT_INCLUDE })
      .once()
      .reply(200, projectAnswer);
    await performAsProduction(appTester, updateProject, bundleWith({ id: '90425', crm_opportunity_id: '3202', project_name: '' }));
    expect(scope.isDone()).toBe(true);
  });

  it("refuses the CRM's deal ID mapped into CRM Opportunity, before any request", async () => {
    const error = await appErrorOf(
      performAsProduction(
        appTester,
        createProject,
        bundleWith({ client_id: '1001', project_name: 'Cloud Migration', crm_opportunity_id: '0065g00000XyZ12' }),
      ),
    );
    expect(error).toEqual({
      code: 'ValidationError',
      message:
        'Nothing was sent to ScopeStack: CRM Opportunity must be a ScopeStack ID, a whole number such as 1001 (got "0065g00000XyZ12"). ' +
        'Pick one from the dropdown, or map the ID (not the name) from an earlier step.',
    });
  });

  it('offers the opportunity list and Find CRM Opportunity on both project writes', () => {
    for (const step of [createProject, updateProject]) {
      const field = (step.operation.inputFields as { key?: string }[]).find((candidate) => candidate.key === 'crm_opportunity_id');
      expect(field).toMatchObject({
        label: 'CRM Opportunity',
        required: false,
        dynamic: 'list_crm_opportunities.id.label',
        search: 'find_crm_opportunity.id',
      });
    }
  });
});
