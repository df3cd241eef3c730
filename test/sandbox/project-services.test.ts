import { SEED, type Sandbox } from '../../sandbox/index.js';
import { SLUG, call, ids, list, one, type Reply, type ResourceObject, useAdminSession } from './sandbox-client.js';
import { errorsOf as errors, invalidAttribute, invalidRelationship } from './errors.js';

let sandbox: Sandbox;
let token: string;
useAdminSession((started, admin) => {
  sandbox = started;
  token = admin;
});

const post = (path: string, body: unknown) => call(sandbox, 'POST', `/${SLUG}/v1/${path}`, { token, body });
const get = (path: string) => call(sandbox, 'GET', `/${SLUG}/v1/${path}`, { token });
const included = (answer: Reply) => (answer.body as { included?: ResourceObject[] }).included ?? [];
const keys = (resources: ResourceObject[]) => resources.map((resource) => `${resource.type}:${resource.id}`);

const projectLink = (id: string) => ({ project: { data: { type: 'projects', id } } });
const catalogBody = (service: string, attributes: Record<string, unknown> = {}, project: string = SEED.projects.fourthCoffeeWifi) => ({
  data: {
    type: 'project-services',
    attributes: { 'task-source': 'service', ...attributes },
    relationships: { ...projectLink(project), service: { data: { type: 'services', id: service } } },
  },
});
const INCLUDE = 'include=project-subservices,service';

describe('catalog services', () => {
  it('lists subservices of a service, and includes them on services', async () => {
    const service = await get(`services/${SEED.services.networkAssessment}?include=subservices`);
    expect(one(service).attributes).toMatchObject({ 'base-hours': '16.0', 'suggested-hours': '16.0', 'total-hours': '26.0' });
    expect(one(service).relationships['subservices']?.data).toEqual([
      { type: 'subservices', id: SEED.subservices.discoveryWorkshop },
      { type: 'subservices', id: SEED.subservices.assessmentReport },
      { type: 'subservices', id: SEED.subservices.cablingAuditInactive },
    ]);
    expect(keys(included(service))).toHaveLength(3);
    expect(one(await get(`services/${SEED.services.networkAssessment}`)).relationships['subservices']?.data).toBeUndefined();
    const active = await get(`subservices?filter[service]=${SEED.services.networkAssessment}&filter[active]=true`);
    expect(ids(active)).toEqual([SEED.subservices.discoveryWorkshop, SEED.subservices.assessmentReport]);
    const subservice = one(await get(`subservices/${SEED.subservices.ruleBaseMigration}`));
    expect(subservice.attributes).toMatchObject({
      name: 'Rule Base Migration',
      'suggested-hours': '8.0',
      quantity: 1,
      position: 1,
      active: true,
    });
    expect(subservice.relationships['service']?.data).toEqual({ type: 'services', id: SEED.services.firewallDeployment });
    expect(list(await get('subservices')).meta['record-count']).toBe(SEED.counts.subservices);
    expect(ids(await get('services?filter[active]=false'))).toEqual([...SEED.inactiveServices]);
    const write = await post('subservices', { data: { type: 'subservices', attributes: { name: 'X' } } });
    expect(write.status).toBe(404);
  });
});

describe('adding a catalog service to a project', () => {
  it('copies what the client did not send, creates the active subservices, and includes them', async () => {
    const answer = await call(sandbox, 'POST', `/${SLUG}/v1/project-services?${INCLUDE}`, {
      token,
      body: catalogBody(SEED.services.networkAssessment, { quantity: 2 }),
    });
    expect(answer.status).toBe(201);
    const service = one(answer);
    expect(service.attributes).toMatchObject({
      name: 'Network Assessment',
      'service-description': 'Acme will perform the network assessment.',
      'service-type': 'professional_services',
      languages: { out: 'Anything beyond the network assessment.', customer: 'Provide site access and a technical contact.' },
      sku: `SVC-${SEED.services.networkAssessment}`,
      'task-source': 'service',
      quantity: 2,
      'override-hours': '16.0',
      'extended-hours': '32.0',
      'total-hours': '52.0',
      'calculated-pricing': {
        service_revenue: '7800.0',
        service_cost: '4680.0',
        material_revenue: '0.0',
        material_cost: 0,
        extended_hours: '52.0',
      },
    });
    expect(service.relationships['service']?.data).toEqual({ type: 'services', id: SEED.services.networkAssessment });
    expect(service.relationships['project-subservices']?.data).toEqual([
      { type: 'project-subservices', id: '2801' },
      { type: 'project-subservices', id: '2802' },
    ]);
    expect(keys(included(answer)).sort()).toEqual(
      ['project-subservices:2801', 'project-subservices:2802', `services:${SEED.services.networkAssessment}`].sort(),
    );
    const workshop = included(answer).find((resource) => resource.id === '2801');
    expect(workshop?.attributes).toMatchObject({
      name: 'Discovery Workshop',
      'service-description': 'Acme will deliver the discovery workshop.',
      quantity: 2,
      'override-hours': '4.0',
      'extended-hours': '8.0',
      'total-hours': '8.0',
      position: 1,
      'task-source': 'service',
      active: true,
      'calculated-pricing': {
        service_revenue: '1200.0',
        service_cost: '720.0',
        material_revenue: '0.0',
        material_cost: 0,
        extended_hours: '8.0',
      },
    });
    expect(workshop?.relationships['project-service']?.data).toEqual({ type: 'project-services', id: service.id });
    expect(workshop?.relationships['project']?.data).toEqual({ type: 'projects', id: SEED.projects.fourthCoffeeWifi });
    expect(workshop?.relationships['subservice']?.data).toEqual({ type: 'subservices', id: SEED.subservices.discoveryWorkshop });
    expect(included(answer).find((resource) => resource.id === '2802')?.attributes['name']).toBe('Assessment Report');
    const project = one(await get(`projects/${SEED.projects.fourthCoffeeWifi}`));
    expect(project.attributes).toMatchObject({ 'contract-revenue': '7800.0', 'contract-cost': '4680.0', 'contract-margin': 40 });
  });

  it('keeps the values the client sent over the catalog ones', async () => {
    const answer = await post(
      'project-services',
      catalogBody(SEED.services.firewallDeployment, { name: 'Firewall (HQ)', 'override-hours': 10, languages: { out: 'Branch sites.' } }),
    );
    expect(answer.status).toBe(201);
    expect(one(answer).attributes).toMatchObject({
      name: 'Firewall (HQ)',
      'override-hours': '10.0',
      languages: { out: 'Branch sites.' },
      'service-description': 'Acme will perform the firewall deployment.',
      'total-hours': '22.0',
    });
  });

  it('creates no subservices for a service that has none', async () => {
    const answer = await call(sandbox, 'POST', `/${SLUG}/v1/project-services?${INCLUDE}`, {
      token,
      body: catalogBody(SEED.services.wifiSurvey),
    });
    expect(answer.status).toBe(201);
    expect(one(answer).relationships['project-subservices']?.data).toEqual([]);
    expect(one(answer).attributes).toMatchObject({ name: 'Wi-Fi Site Survey', 'override-hours': '8.0', 'total-hours': '8.0' });
  });

  it('answers 422 at the service relationship for an unknown, inactive or missing service', async () => {
    const unknown = await post('project-services', catalogBody('999999'));
    expect(unknown.status).toBe(422);
    expect(errors(unknown)).toEqual([invalidRelationship('service', 'must exist')]);
    const inactive = await post('project-services', catalogBody(SEED.services.pbxDecommission));
    expect(inactive.status).toBe(422);
    expect(errors(inactive)).toEqual([invalidRelationship('service', 'must be an active service of the account')]);
    const missing = await post('project-services', {
      data: { type: 'project-services', attributes: { 'task-source': 'service', name: 'X' }, relationships: projectLink('2001') },
    });
    expect(missing.status).toBe(422);
    expect(errors(missing).map((error) => error['source'])).toEqual([{ pointer: '/data/relationships/service' }]);
    const wrongType = await post('project-services', {
      data: {
        type: 'project-services',
        attributes: { 'task-source': 'service' },
        relationships: { ...projectLink('2001'), service: { data: { type: 'subservices', id: SEED.subservices.cutoverSupport } } },
      },
    });
    expect(errors(wrongType).map((error) => error['detail'])).toEqual(['service - must have type services']);
    expect(list(await get('project-services')).meta['record-count']).toBe(SEED.counts['project-services']);
    expect(list(await get('project-subservices')).meta['record-count']).toBe(0);
  });
});

describe('custom services', () => {
  it('creates a custom service with the values sent and no subservices', async () => {
    const answer = await call(sandbox, 'POST', `/${SLUG}/v1/project-services?${INCLUDE}`, {
      token,
      body: {
        data: {
          type: 'project-services',
          attributes: {
            'task-source': 'custom',
            name: 'Discovery',
            quantity: 3,
            'override-hours': '5',
            'service-description': 'Workshops.',
            languages: { out: 'Cabling.', implementation_language: 'Run the workshops.' },
          },
          relationships: projectLink(SEED.projects.northwindSdWan),
        },
      },
    });
    expect(answer.status).toBe(201);
    expect(one(answer).attributes).toMatchObject({
      name: 'Discovery',
      quantity: 3,
      'override-hours': '5.0',
      'extended-hours': '15.0',
      'total-hours': '15.0',
      'task-source': 'custom',
      'service-description': 'Workshops.',
      languages: { out: 'Cabling.', implementation_language: 'Run the workshops.' },
      sku: null,
    });
    expect(one(answer).relationships['service']?.data).toBeNull();
    expect(one(answer).relationships['project-subservices']?.data).toEqual([]);
    expect(included(answer)).toEqual([]);
    expect(one(await get(`projects/${SEED.projects.northwindSdWan}`)).attributes['contract-revenue']).toBe('8250.0');
  });

  it("answers 422 can't be blank for a custom service without a name", async () => {
    const answer = await post('project-services', {
      data: { type: 'project-services', attributes: { 'task-source': 'custom', name: ' ' }, relationships: projectLink('2001') },
    });
    expect(answer.status).toBe(422);
    expect(errors(answer)).toEqual([invalidAttribute('name', "can't be blank")]);
    const nothing = await post('project-services', { data: { type: 'project-services', attributes: {} } });
    expect(errors(nothing).map((error) => error['detail'])).toEqual(["name - can't be blank", 'project - must exist']);
  });
});

describe('project-subservices', () => {
  const addNetworkAssessment = async () => one(await post('project-services', catalogBody(SEED.services.networkAssessment))).id;

  it('serves them on GET, through the project-service and with include', async () => {
    const serviceId = await addNetworkAssessment();
    const shown = await get(`project-services/${serviceId}?${INCLUDE}`);
    expect(one(shown).relationships['project-subservices']?.data).toEqual([
      { type: 'project-subservices', id: '2801' },
      { type: 'project-subservices', id: '2802' },
    ]);
    expect(keys(included(shown)).sort()).toEqual(
      ['project-subservices:2801', 'project-subservices:2802', `services:${SEED.services.networkAssessment}`].sort(),
    );
    expect(one(await get(`project-services/${serviceId}`)).relationships['project-subservices']?.data).toBeUndefined();
    expect(ids(await get(`project-services/${serviceId}/project-subservices?filter[active]=true`))).toEqual(['2801', '2802']);
    expect(ids(await get(`project-subservices?filter[project]=${SEED.projects.fourthCoffeeWifi}`))).toEqual(['2801', '2802']);
    const deep = await get(`project-services?filter[project]=${SEED.projects.fourthCoffeeWifi}&include=project-subservices.subservice`);
    expect(keys(included(deep)).sort()).toEqual(
      [
        'project-subservices:2801',
        'project-subservices:2802',
        `subservices:${SEED.subservices.discoveryWorkshop}`,
        `subservices:${SEED.subservices.assessmentReport}`,
      ].sort(),
    );
    const subservice = await get('project-subservices/2801?include=project-service,subservice');
    expect(keys(included(subservice)).sort()).toEqual(
      [`project-services:${serviceId}`, `subservices:${SEED.subservices.discoveryWorkshop}`].sort(),
    );
  });

  it('adds a custom subservice to a project-service, on that service’s project, and counts its hours', async () => {
    const serviceId = await addNetworkAssessment();
    const parent = { 'project-service': { data: { type: 'project-services', id: serviceId } } };
    const answer = await post('project-subservices', {
      data: {
        type: 'project-subservices',
        attributes: {
          name: 'Extra Site Visit',
          quantity: 2,
          'override-hours': 3,
          'task-source': 'custom',
          'service-description': 'One more site.',
        },
        relationships: parent,
      },
    });
    expect(answer.status).toBe(201);
    expect(one(answer).id).toBe('2803');
    expect(one(answer).attributes).toMatchObject({ name: 'Extra Site Visit', 'extended-hours': '6.0', 'task-source': 'custom' });
    expect(one(answer).relationships['project']?.data).toEqual({ type: 'projects', id: SEED.projects.fourthCoffeeWifi });
    expect(one(answer).relationships['subservice']?.data).toBeNull();
    expect(one(await get(`project-services/${serviceId}`)).attributes['total-hours']).toBe('32.0');
    expect(one(await get(`projects/${SEED.projects.fourthCoffeeWifi}`)).attributes['contract-revenue']).toBe('4800.0');

    const fromCatalog = await post('project-subservices', {
      data: {
        type: 'project-subservices',
        attributes: { 'task-source': 'service' },
        relationships: { ...parent, subservice: { data: { type: 'subservices', id: SEED.subservices.cutoverSupport } } },
      },
    });
    expect(one(fromCatalog).attributes).toMatchObject({ name: 'Cutover Support', 'override-hours': '4.0', position: 2 });

    const wrongProject = await post('project-subservices', {
      data: { type: 'project-subservices', attributes: { name: 'X' }, relationships: { ...parent, ...projectLink('2001') } },
    });
    expect(wrongProject.status).toBe(422);
    expect(errors(wrongProject).map((error) => error['detail'])).toEqual(['project - must be the project of the project-service']);
    const inactive = await post('project-subservices', {
      data: {
        type: 'project-subservices',
        attributes: { 'task-source': 'service' },
        relationships: { ...parent, subservice: { data: { type: 'subservices', id: SEED.subservices.cablingAuditInactive } } },
      },
    });
    expect(errors(inactive).map((error) => error['detail'])).toEqual(['subservice - must be an active subservice of the account']);
    const orphan = await post('project-subservices', { data: { type: 'project-subservices', attributes: {} } });
    expect(errors(orphan).map((error) => error['detail'])).toEqual(["name - can't be blank", 'project-service - must exist']);
  });
});

describe('documents of a project that gained a service', () => {
  const generate = (project: string) =>
    post('project-documents', {
      data: {
        type: 'project-documents',
        attributes: { 'template-id': SEED.documentTemplates.standardSow, 'document-type': 'sow' },
        relationships: projectLink(project),
      },
    });

  it('ends in error without services and finishes once a catalog service is added', async () => {
    const project = SEED.projects.fourthCoffeeWifi;
    const failed = one(await generate(project)).id;
    sandbox.clock.advance(120);
    expect(one(await get(`project-documents/${failed}`)).attributes).toMatchObject({
      status: 'error',
      'error-text': 'The project has no services, so there is nothing to document.',
    });
    await post('project-services', catalogBody(SEED.services.networkAssessment));
    sandbox.clock.advance(1);
    const finished = one(await generate(project)).id;
    const page = `project-documents?filter[project]=${project}&sort=-updated-at&include=project`;
    expect(list(await get(page)).data.map((document) => document.attributes['status'])).toEqual(['created', 'error']);
    sandbox.clock.advance(120);
    const second = await get(page);
    expect(list(second).data.map((document) => [document.id, document.attributes['status']])).toEqual([
      [finished, 'finished'],
      [failed, 'error'],
    ]);
    expect(keys(included(second))).toEqual([`projects:${project}`]);
  });

  it('a list shows a document finished once its time has come, without earlier reads', async () => {
    const project = SEED.projects.northwindSdWan;
    const id = one(await generate(project)).id;
    const documents = `project-documents?filter[project]=${project}&sort=-updated-at&include=project`;
    const statusOf = async () => list(await get(documents)).data.find((document) => document.id === id)?.attributes['status'];
    expect(await statusOf()).not.toBe('finished');
    sandbox.clock.advance(120);
    const answer = await get(documents);
    expect(answer.status).toBe(200);
    const [document] = list(answer).data.filter((candidate) => candidate.id === id);
    expect(document?.attributes['status']).toBe('finished');
    expect(document?.attributes['document-url']).toBe(`${sandbox.url}/downloads/${SLUG}/${id}/northwind-sd-wan-rollout-sow.pdf`);
    expect(document?.relationships['project']?.data).toEqual({ type: 'projects', id: project });
    expect(keys(included(answer))).toContain(`projects:${project}`);
  });

  it('refuses a status filter on documents, as no public client sends one (strict profile)', async () => {
    const answer = await get(`project-documents?filter[status]=finished`);
    expect(answer.status).toBe(400);
  });

  it('takes exactly the set number of seconds when a duration is set, however often it is read', async () => {
    sandbox.admin.setDocumentSeconds(20);
    const id = one(await generate(SEED.projects.northwindSdWan)).id;
    for (const step of [1, 2, 3, 5, 8]) {
      sandbox.clock.advance(step);
      expect(one(await get(`project-documents/${id}`)).attributes['status']).toBe('created');
    }
    sandbox.clock.advance(1);
    expect(one(await get(`project-documents/${id}`)).attributes['status']).toBe('finished');
  });
});
