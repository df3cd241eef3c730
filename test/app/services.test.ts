/**
 * Services against nock: adding a catalog or a custom service to a project, finding and listing
 * catalog services. Each test pins the exact request and what the user gets back or reads.
 */
import nock from 'nock';
import { readFileSync } from 'node:fs';
import zapier from 'zapier-platform-core';
import addProjectService from '../../creates/add_project_service.js';
import findService from '../../searches/find_service.js';
import App from '../../src/index.js';
import listServices from '../../triggers/list_services.js';
import { ACCESS_TOKEN, API, bundleWith, SLUG, useTestHosts } from '../support/bundle.js';
import { appErrorOf } from '../support/errors.js';
import { useNock } from '../support/nock.js';
import { performOf } from '../support/steps.js';
import { performAsProduction } from '../support/production-input.js';
import { listPage } from '../support/json-api-page.js';

const appTester = zapier.createAppTester(App);

type FlatRecord = { id: string } & Record<string, unknown>;
interface Resource {
  id: string;
  type: string;
  attributes: Record<string, unknown>;
  relationships?: Record<string, { data?: unknown }>;
}
interface OneDocument {
  data: Resource;
  included: Resource[];
}

const fixture = (name: string): OneDocument =>
  JSON.parse(readFileSync(new URL(`../fixtures/services/${name}.json`, import.meta.url), 'utf8')) as OneDocument;

/** A catalog service added to a project, as ScopeStack answers the POST with everything included. */
const catalogAnswer = fixture('project-service');
/** A custom service added to a project: no catalog service, no subservices. */
const customAnswer = fixture('custom-project-service');

const PROJECT_SERVICES = `/${SLUG}/v1/project-services`;
const SERVICES = `/${SLUG}/v1/services`;
const PROJECT_SERVICE_INCLUDE = 'project,service,project-subservices';
const JSON_API = 'application/vnd.api+json';

const toProject = { data: { type: 'projects', id: '90425' } };

const service = (id: string, name: string, attributes: Record<string, unknown> = {}, subservices: string[] = []): Resource => ({
  id,
  type: 'services',
  attributes: {
    name,
    sku: `PS-${id}`,
    'service-type': 'professional_services',
    'suggested-hours': '16.0',
    active: true,
    'created-at': '2024-11-04T10:00:00Z',
    'updated-at': '2025-01-15T08:30:00Z',
    ...attributes,
  },
  relationships: { subservices: { data: subservices.map((subservice) => ({ type: 'subservices', id: subservice })) } },
});

const list = (data: unknown[], included: unknown[] = []) => listPage(data, { included });

const searchQuery = (filter: Record<string, string>) => ({
  ...filter,
  'filter[active]': 'true,false',
  include: 'subservices',
  'page[number]': '1',
  'page[size]': '100',
});

useNock();
beforeAll(useTestHosts);

describe('creates.add_project_service: a catalog service', () => {
  it('links the catalog service and the project, marks it as from the catalog, and sends no account: one POST', async () => {
    const scope = nock(API)
      .post(PROJECT_SERVICES, {
        data: {
          type: 'project-services',
          attributes: { 'task-source': 'service' },
          relationships: { project: toProject, service: { data: { type: 'services', id: '259302' } } },
        },
      })
      .query({ include: PROJECT_SERVICE_INCLUDE })
      .matchHeader('accept', JSON_API)
      .matchHeader('content-type', JSON_API)
      .matchHeader('authorization', `Bearer ${ACCESS_TOKEN}`)
      .once()
      .reply(201, catalogAnswer);
    const record = await performAsProduction<FlatRecord>(
      appTester,
      addProjectService,
      bundleWith({ project_id: '90425', service_id: '259302' }),
    );
    expect(scope.isDone()).toBe(true);
    expect(record).toEqual({
      id: '526936',
      name: 'Firewall Deployment',
      quantity: 1,
      override_hours: '16.0',
      service_description: 'We will install and configure one firewall pair.',
      service_type: 'professional_services',
      task_source: 'service',
      total_hours: '20.0',
      calculated_pricing: { service_revenue: '3000.0', service_cost: '1800.0', extended_hours: '20.0' },
      created_at: '2025-02-03T14:20:00Z',
      updated_at: '2025-02-03T14:20:00Z',
      project_id: '90425',
      project_name: 'Cloud Migration',
      service_id: '259302',
      service_name: 'Firewall Deployment',
      project_subservices_ids: ['1462926'],
      project_subservices: [{ id: '1462926', name: 'Rule Review', quantity: 1, total_hours: '4.0' }],
    });
    // The answer is the step's own sample: what a user maps while setting up is what a run gives.
    expect(record).toEqual(addProjectService.operation.sample);
  });

  it('lists the hours, the pricing and the subservice line items among the outputs', () => {
    const keys = (addProjectService.operation.outputFields ?? []).map((field) => (field as { key: string }).key);
    expect(keys).toEqual(
      expect.arrayContaining([
        'total_hours',
        'calculated_pricing__service_revenue',
        'calculated_pricing__service_cost',
        'calculated_pricing__extended_hours',
        'project_subservices_ids',
        'project_subservices[]id',
        'project_subservices[]name',
        'project_subservices[]quantity',
        'project_subservices[]total_hours',
        'project_name',
        'service_name',
      ]),
    );
  });

  it('sends the filled-in overrides with the catalog service', async () => {
    const scope = nock(API)
      .post(PROJECT_SERVICES, {
        data: {
          type: 'project-services',
          attributes: { 'task-source': 'service', quantity: 3, 'override-hours': '8' },
          relationships: { project: toProject, service: { data: { type: 'services', id: '259302' } } },
        },
      })
      .query({ include: PROJECT_SERVICE_INCLUDE })
      .once()
      .reply(201, catalogAnswer);
    await performAsProduction(
      appTester,
      addProjectService,
      bundleWith({ project_id: '90425', service_id: '259302', quantity: ' 3 ', override_hours: '8', name: '', service_description: '' }),
    );
    expect(scope.isDone()).toBe(true);
  });

  it('refuses a service name mapped into the Catalog Service field before any request', async () => {
    expect(
      await appErrorOf(
        performAsProduction(appTester, addProjectService, bundleWith({ project_id: '90425', service_id: 'Firewall Deployment' })),
      ),
    ).toEqual({
      code: 'ValidationError',
      message:
        'Nothing was sent to ScopeStack: Catalog Service must be a ScopeStack ID, a whole number such as 1001 (got "Firewall Deployment"). ' +
        'Pick one from the dropdown, or map the ID (not the name) from an earlier step.',
    });
  });
});

describe('creates.add_project_service: a custom service', () => {
  it('sends a custom service with its name, a whole-number quantity and the hours as a decimal string: one POST', async () => {
    const scope = nock(API)
      .post(PROJECT_SERVICES, {
        data: {
          type: 'project-services',
          attributes: {
            name: 'Discovery Workshop',
            quantity: 2,
            'override-hours': '12.5',
            'service-description': "Two days on site with the client's IT team.",
            'service-type': 'professional_services',
            'task-source': 'custom',
          },
          relationships: { project: toProject },
        },
      })
      .query({ include: PROJECT_SERVICE_INCLUDE })
      .matchHeader('content-type', JSON_API)
      .once()
      .reply(201, customAnswer);
    const record = await performAsProduction<FlatRecord>(
      appTester,
      addProjectService,
      bundleWith({
        project_id: '90425',
        name: ' Discovery Workshop ',
        quantity: '2',
        override_hours: '12.5',
        service_description: "Two days on site with the client's IT team.",
        service_type: 'professional_services',
        service_id: '',
      }),
    );
    expect(scope.isDone()).toBe(true);
    expect(record).toEqual({
      id: '526940',
      name: 'Discovery Workshop',
      quantity: 2,
      override_hours: '12.5',
      service_description: "Two days on site with the client's IT team.",
      service_type: 'professional_services',
      task_source: 'custom',
      total_hours: '25.0',
      calculated_pricing: { service_revenue: '3750.0', service_cost: '2250.0', extended_hours: '25.0' },
      created_at: '2025-02-03T14:25:00Z',
      updated_at: '2025-02-03T14:25:00Z',
      project_id: '90425',
      project_name: 'Cloud Migration',
      service_id: null,
      project_subservices_ids: [],
    });
  });

  it('asks for a name when no catalog service is picked, before any request', async () => {
    const scope = nock(API).post(PROJECT_SERVICES).query(true).reply(201, customAnswer);
    expect(await appErrorOf(performAsProduction(appTester, addProjectService, bundleWith({ project_id: '90425', quantity: '2' })))).toEqual(
      {
        code: 'ValidationError',
        message: 'Nothing was sent to ScopeStack: Name is required.',
      },
    );
    expect(await appErrorOf(performAsProduction(appTester, addProjectService, bundleWith({ project_id: '90425', name: '  ' })))).toEqual({
      code: 'ValidationError',
      message: 'Nothing was sent to ScopeStack: Name is required.',
    });
    expect(scope.isDone()).toBe(false);
  });

  it('asks for the project before any request', async () => {
    expect(await appErrorOf(performAsProduction(appTester, addProjectService, bundleWith({ service_id: '259302' })))).toEqual({
      code: 'ValidationError',
      message: 'Nothing was sent to ScopeStack: Project is required.',
    });
  });

  it('refuses a quantity in words, naming the field, before any request', async () => {
    const scope = nock(API).post(PROJECT_SERVICES).query(true).reply(201, customAnswer);
    const error = await appErrorOf(
      performAsProduction(appTester, addProjectService, bundleWith({ project_id: '90425', name: 'Discovery Workshop', quantity: 'two' })),
    );
    expect(scope.isDone()).toBe(false);
    expect(error).toEqual({
      code: 'ValidationError',
      message: 'Nothing was sent to ScopeStack: Quantity must be a whole number, for example 3 (got "two").',
    });
  });

  it('refuses hours in words, naming the field, before any request', async () => {
    const scope = nock(API).post(PROJECT_SERVICES).query(true).reply(201, customAnswer);
    const error = await appErrorOf(
      performAsProduction(
        appTester,
        addProjectService,
        bundleWith({ project_id: '90425', name: 'Discovery Workshop', override_hours: 'lots' }),
      ),
    );
    expect(scope.isDone()).toBe(false);
    expect(error.code).toBe('ValidationError');
    expect(error.message).toMatch(/^Nothing was sent to ScopeStack: Hours must be a number/);
    expect(error.message).toContain('(got "lots")');
  });

  it('reports every problem at once: the missing name, the quantity and the hours', async () => {
    const error = await appErrorOf(
      performAsProduction(appTester, addProjectService, bundleWith({ project_id: '90425', quantity: '1.5', override_hours: 'lots' })),
    );
    expect(error.message).toMatch(
      /^Nothing was sent to ScopeStack: Name is required\. Quantity must be a whole number, for example 3 \(got "1\.5"\)\. Hours must be a number/,
    );
  });
});

describe('searches.find_service', () => {
  it('keeps only the exact name among the partial matches, same case first, with subservices included', async () => {
    const scope = nock(API)
      .get(SERVICES)
      .query(searchQuery({ 'filter[name]': 'Firewall Deployment' }))
      .matchHeader('accept', JSON_API)
      .once()
      .reply(
        200,
        list(
          [
            service('1', 'Firewall Deployment Plus'),
            service('2', 'firewall deployment'),
            service('3', 'Firewall Deployment', {}, ['8101']),
          ],
          [{ id: '8101', type: 'subservices', attributes: { name: 'Rule Review', 'suggested-hours': '4.0' } }],
        ),
      );
    const found = await appTester(performOf<FlatRecord[]>(findService), bundleWith({ name: ' Firewall Deployment ' }));
    expect(scope.isDone()).toBe(true);
    expect(found.map((record) => record.id)).toEqual(['3', '2']);
    expect(found[0]).toMatchObject({
      name: 'Firewall Deployment',
      sku: 'PS-3',
      subservices_ids: ['8101'],
      subservices: [{ id: '8101', name: 'Rule Review', suggested_hours: '4.0' }],
    });
  });

  it('keeps the exact name, archived or not, and drops the active partial match listed before it', async () => {
    nock(API)
      .get(SERVICES)
      .query(searchQuery({ 'filter[name]': 'firewall' }))
      .reply(200, list([service('1', 'Firewall Upgrade'), service('2', 'Firewall', { active: false })]));
    const found = await appTester(performOf<FlatRecord[]>(findService), bundleWith({ name: 'firewall' }));
    expect(found.map((record) => record.id)).toEqual(['2']);
  });

  it('finds by SKU, without a name filter', async () => {
    const scope = nock(API)
      .get(SERVICES)
      .query(searchQuery({ 'filter[sku]': 'PS-FW-01' }))
      .once()
      .reply(200, list([service('259302', 'Firewall Deployment', { sku: 'PS-FW-01' })]));
    const found = await appTester(performOf<FlatRecord[]>(findService), bundleWith({ sku: 'PS-FW-01' }));
    expect(scope.isDone()).toBe(true);
    expect(found).toEqual([expect.objectContaining({ id: '259302', sku: 'PS-FW-01' })]);
  });

  it('finds by ID with one GET, ignoring the other fields', async () => {
    const scope = nock(API)
      .get(`${SERVICES}/259302`)
      .query({ include: 'subservices' })
      .matchHeader('authorization', `Bearer ${ACCESS_TOKEN}`)
      .once()
      .reply(200, { data: service('259302', 'Firewall Deployment') });
    const found = await appTester(performOf<FlatRecord[]>(findService), bundleWith({ id: '259302', name: 'Something Else' }));
    expect(scope.isDone()).toBe(true);
    expect(found).toEqual([expect.objectContaining({ id: '259302', name: 'Firewall Deployment' })]);
  });

  it('returns an empty list, not an error, for an ID ScopeStack does not know (404)', async () => {
    const scope = nock(API)
      .get(`${SERVICES}/999999`)
      .query({ include: 'subservices' })
      .reply(404, { errors: [{ title: 'Record not found', status: '404' }] });
    await expect(appTester(performOf(findService), bundleWith({ id: '999999' }))).resolves.toEqual([]);
    expect(scope.isDone()).toBe(true);
  });

  it('returns an empty list when only partial matches come back', async () => {
    nock(API)
      .get(SERVICES)
      .query(true)
      .reply(200, list([service('1', 'Firewall Upgrade')]));
    await expect(appTester(performOf(findService), bundleWith({ name: 'Firewall' }))).resolves.toEqual([]);
  });

  it('asks for a name or SKU before searching', async () => {
    expect(await appErrorOf(appTester(performOf(findService), bundleWith({ name: ' ' })))).toEqual({
      code: 'ValidationError',
      message: 'Enter Name or SKU to find service by.',
    });
  });
});

describe('triggers.list_services', () => {
  it('lists active services by name, one page per call, without their subservices, labelled "Name (SKU)"', async () => {
    // A dropdown needs no related records: no include.
    const scope = nock(API)
      .get(SERVICES)
      .query({ 'filter[active]': 'true', sort: 'name', 'page[number]': '2', 'page[size]': '100' })
      .once()
      .reply(200, list([service('259302', 'Firewall Deployment', { sku: 'PS-FW-01' }), service('7', 'Site Survey', { sku: null })]));
    const records = await appTester(performOf<FlatRecord[]>(listServices), { ...bundleWith(), meta: { page: 1 } });
    expect(scope.isDone()).toBe(true);
    expect(records.map((record) => [record.id, record['label']])).toEqual([
      ['259302', 'Firewall Deployment (PS-FW-01)'],
      ['7', 'Site Survey'],
    ]);
  });

  it('feeds the Catalog Service field of Add Service to Project, with Find Service beside it', () => {
    const field = addProjectService.operation.inputFields?.find((input) => (input as { key: string }).key === 'service_id');
    expect(field).toMatchObject({
      key: 'service_id',
      label: 'Catalog Service',
      required: false,
      dynamic: 'list_services.id.label',
      search: 'find_service.id',
    });
  });
});
