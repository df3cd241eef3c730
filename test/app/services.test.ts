/**
 * Services against nock: adding a catalog or a custom service to a project, finding and listing
 * catalog services. Each test pins the exact request and what the user gets back or reads.
 */
import nock from 'nock';
import addProjectService from '../../creates/add_project_service.js';
import findService from '../../searches/find_service.js';
import listServices from '../../triggers/list_services.js';
import { API } from '../support/bundle.js';
import { listPage } from '../support/json-api-page.js';
import { dropdownOf, itRefuses, notAnId, nothingSent, pickedFrom, readThrough, refusalOf, refused } from '../support/app-expect.js';
import { searchRefusalOf, writeThrough } from '../support/app-expect.js';
import { collection, FIRST_PAGE, newRecord, notFound, oneGet, onePost, pageOf, SIGNED, toOne, toProject } from '../support/app-requests.js';
import { fixture, type Resource, runStep, useAppSuite } from '../support/app-suite.js';

/** A catalog service added to a project, as ScopeStack answers the POST with everything included. */
const catalogAnswer = fixture('services/project-service.json');
/** A custom service added to a project: no catalog service, no subservices. */
const customAnswer = fixture('services/custom-project-service.json');

const PROJECT_SERVICES = collection('project-services');
const SERVICES = collection('services');
const WITH_EVERYTHING = { include: 'project,service,project-subservices' };

/** The body of adding catalog service 259302 to the project, with the overrides filled in. */
const addingTheCatalogService = (overrides: Record<string, string | number> = {}) =>
  newRecord('project-services', { 'task-source': 'service', ...overrides }, { project: toProject, service: toOne('services', '259302') });

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

/** A search of the catalog by `filter`: archived services too, subservices included. */
const searchQuery = (filter: Record<string, string>) => ({
  ...filter,
  'filter[active]': 'true,false',
  include: 'subservices',
  ...FIRST_PAGE,
});

useAppSuite();

describe('creates.add_project_service: a catalog service', () => {
  it('links the catalog service and the project, marks it as from the catalog, and sends no account: one POST', async () => {
    const scope = onePost(PROJECT_SERVICES, addingTheCatalogService(), catalogAnswer, WITH_EVERYTHING);
    const record = await writeThrough(scope, addProjectService, { project_id: '90425', service_id: '259302' });
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
    const body = addingTheCatalogService({ quantity: 3, 'override-hours': '8' });
    const scope = nock(API).post(PROJECT_SERVICES, body).query(WITH_EVERYTHING).once().reply(201, catalogAnswer);
    const input = { project_id: '90425', service_id: '259302', quantity: ' 3 ', override_hours: '8', name: '', service_description: '' };
    await writeThrough(scope, addProjectService, input);
  });

  it('refuses a service name mapped into the Catalog Service field before any request', async () => {
    const error = await refusalOf(addProjectService, { project_id: '90425', service_id: 'Firewall Deployment' });
    expect(error).toEqual(nothingSent(notAnId('Catalog Service', 'Firewall Deployment')));
  });
});

describe('creates.add_project_service: a custom service', () => {
  it('sends a custom service with its name, a whole-number quantity and the hours as a decimal string: one POST', async () => {
    const attributes = {
      name: 'Discovery Workshop',
      quantity: 2,
      'override-hours': '12.5',
      'service-description': "Two days on site with the client's IT team.",
      'service-type': 'professional_services',
      'task-source': 'custom',
    };
    const scope = onePost(
      PROJECT_SERVICES,
      newRecord('project-services', attributes, { project: toProject }),
      customAnswer,
      WITH_EVERYTHING,
    );
    const record = await writeThrough(scope, addProjectService, {
      project_id: '90425',
      name: ' Discovery Workshop ',
      quantity: '2',
      override_hours: '12.5',
      service_description: "Two days on site with the client's IT team.",
      service_type: 'professional_services',
      service_id: '',
    });
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

  /** A POST of the custom service that nock would answer: each refused input must leave it unmade. */
  const unsentPost = () => nock(API).post(PROJECT_SERVICES).query(true).reply(201, customAnswer);

  itRefuses(
    addProjectService,
    [
      [
        'asks for a name when no catalog service is picked, before any request',
        { project_id: '90425', quantity: '2' },
        'Name is required.',
      ],
      ['asks for a name when the name is only spaces, before any request', { project_id: '90425', name: '  ' }, 'Name is required.'],
      ['asks for the project before any request', { service_id: '259302' }, 'Project is required.'],
      [
        'refuses a quantity in words, naming the field, before any request',
        { project_id: '90425', name: 'Discovery Workshop', quantity: 'two' },
        'Quantity must be a whole number, for example 3 (got "two").',
      ],
    ],
    unsentPost,
  );

  it('refuses hours in words, naming the field, before any request', async () => {
    const post = unsentPost();
    const error = await refusalOf(addProjectService, { project_id: '90425', name: 'Discovery Workshop', override_hours: 'lots' });
    expect(post.isDone()).toBe(false);
    expect(error.code).toBe('ValidationError');
    expect(error.message).toMatch(/^Nothing was sent to ScopeStack: Hours must be a number/);
    expect(error.message).toContain('(got "lots")');
  });

  it('reports every problem at once: the missing name, the quantity and the hours', async () => {
    const error = await refusalOf(addProjectService, { project_id: '90425', quantity: '1.5', override_hours: 'lots' });
    expect(error.message).toMatch(
      /^Nothing was sent to ScopeStack: Name is required\. Quantity must be a whole number, for example 3 \(got "1\.5"\)\. Hours must be a number/,
    );
  });
});

describe('searches.find_service', () => {
  it('keeps only the exact name among the partial matches, same case first, with subservices included', async () => {
    const partialMatches = [
      service('1', 'Firewall Deployment Plus'),
      service('2', 'firewall deployment'),
      service('3', 'Firewall Deployment', {}, ['8101']),
    ];
    const subservice = { id: '8101', type: 'subservices', attributes: { name: 'Rule Review', 'suggested-hours': '4.0' } };
    const scope = oneGet(SERVICES, searchQuery({ 'filter[name]': 'Firewall Deployment' }), list(partialMatches, [subservice]));
    const found = await readThrough(scope, findService, { name: ' Firewall Deployment ' });
    expect(found.map((record) => record.id)).toEqual(['3', '2']);
    expect(found[0]).toMatchObject({
      name: 'Firewall Deployment',
      sku: 'PS-3',
      subservices_ids: ['8101'],
      subservices: [{ id: '8101', name: 'Rule Review', suggested_hours: '4.0' }],
    });
  });

  it('keeps the exact name, archived or not, and drops the active partial match listed before it', async () => {
    oneGet(
      SERVICES,
      searchQuery({ 'filter[name]': 'firewall' }),
      list([service('1', 'Firewall Upgrade'), service('2', 'Firewall', { active: false })]),
    );
    const found = await runStep(findService, { name: 'firewall' });
    expect(found.map((record) => record.id)).toEqual(['2']);
  });

  it('finds by SKU, without a name filter', async () => {
    const scope = oneGet(
      SERVICES,
      searchQuery({ 'filter[sku]': 'PS-FW-01' }),
      list([service('259302', 'Firewall Deployment', { sku: 'PS-FW-01' })]),
    );
    expect(await readThrough(scope, findService, { sku: 'PS-FW-01' })).toEqual([
      expect.objectContaining({ id: '259302', sku: 'PS-FW-01' }),
    ]);
  });

  // By ID, one GET of the service with its subservices; another name given is ignored, and an ID
  // ScopeStack does not know is found as none.
  const byId = (id: string) => nock(API, { reqheaders: SIGNED }).get(`${SERVICES}/${id}`).query({ include: 'subservices' }).once();

  it('finds by ID with one GET, ignoring the other fields', async () => {
    const scope = byId('259302').reply(200, { data: service('259302', 'Firewall Deployment') });
    const found = await readThrough(scope, findService, { id: '259302', name: 'Something Else' });
    expect(found).toEqual([expect.objectContaining({ id: '259302', name: 'Firewall Deployment' })]);
  });

  it('returns an empty list, not an error, for an ID ScopeStack does not know (404)', async () => {
    expect(await readThrough(byId('999999').reply(404, notFound()), findService, { id: '999999' })).toEqual([]);
  });

  it('returns an empty list when only partial matches come back', async () => {
    const partialOnly = list([service('1', 'Firewall Upgrade')]);
    nock(API).get(SERVICES).query(true).reply(200, partialOnly);
    await expect(runStep(findService, { name: 'Firewall' })).resolves.toEqual([]);
  });

  it('asks for a name or SKU before searching', async () => {
    expect(await searchRefusalOf(findService, { name: ' ' })).toEqual(refused('Enter Name or SKU to find service by.'));
  });
});

describe('triggers.list_services', () => {
  it('lists active services by name, one page per call, without their subservices, labelled "Name (SKU)"', async () => {
    // A dropdown needs no related records: no include.
    const page = list([service('259302', 'Firewall Deployment', { sku: 'PS-FW-01' }), service('7', 'Site Survey', { sku: null })]);
    const scope = oneGet(SERVICES, { 'filter[active]': 'true', sort: 'name', ...pageOf(2) }, page);
    expect(await dropdownOf(scope, listServices, 1)).toEqual([
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
      ...pickedFrom('list_services', 'find_service'),
    });
  });
});
