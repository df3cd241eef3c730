import { SEED, startSandbox, type Sandbox } from '../../sandbox/index.js';
import { SLUG, adminToken, call, clientCredentialsToken, ids, list, one, useAdminSession } from './sandbox-client.js';
import { errorBody, errorsOf as errors, invalidAttribute, invalidRelationship, paramNotAllowed } from './errors.js';

let sandbox: Sandbox;
let token: string;
useAdminSession((started, admin) => {
  sandbox = started;
  token = admin;
});

const post = (resource: string, body: unknown, options: { contentType?: string; token?: string } = {}) =>
  call(sandbox, 'POST', `/${SLUG}/v1/${resource}`, { token, body, ...options });
const patch = (resource: string, id: string, body: unknown) => call(sandbox, 'PATCH', `/${SLUG}/v1/${resource}/${id}`, { token, body });
const get = (path: string) => call(sandbox, 'GET', `/${SLUG}/v1/${path}`, { token });

describe('creates', () => {
  it('creates a client (201) stamped by the sandbox clock', async () => {
    const answer = await post('clients', {
      data: {
        type: 'clients',
        attributes: { name: 'Southridge Video', domain: 'southridge.example', 'msa-date': '2025-02-01' },
        relationships: { account: { data: { type: 'accounts', id: String(SEED.account.id) } } },
      },
    });
    expect(answer.status).toBe(201);
    const client = one(answer);
    expect(client.type).toBe('clients');
    expect(client.id).toBe('1015');
    expect(client.attributes).toMatchObject({
      name: 'Southridge Video',
      domain: 'southridge.example',
      active: true,
      'msa-date': '2025-02-01',
    });
    const createdAt = Date.parse(String(client.attributes['created-at']));
    expect(Math.abs(createdAt - sandbox.clock.now().getTime())).toBeLessThan(5000);
    expect(client.attributes['updated-at']).toBe(client.attributes['created-at']);
    expect(one(await get(`clients/${client.id}`)).attributes['name']).toBe('Southridge Video');
  });

  it('answers 422 with one error per problem, pointing at the attribute or relationship', async () => {
    const answer = await post('projects', { data: { type: 'projects', attributes: { 'project-name': '' } } });
    expect(answer.status).toBe(422);
    expect(answer.body).toEqual({
      errors: [invalidAttribute('project-name', "can't be blank"), invalidRelationship('client', 'must exist')],
    });
  });

  it('answers 422 for bad enum values, foreign accounts and missing relationship targets', async () => {
    const contact = await post('project-contacts', {
      data: {
        type: 'project-contacts',
        attributes: { name: 'Ann', 'contact-type': 'boss' },
        relationships: { project: { data: { type: 'projects', id: 2001 } } },
      },
    });
    expect(contact.status).toBe(422);
    expect(errors(contact)).toEqual([invalidAttribute('contact-type', 'is not included in the list')]);
    const foreign = await post('clients', {
      data: {
        type: 'clients',
        attributes: { name: 'X' },
        relationships: { account: { data: { type: 'accounts', id: String(SEED.otherAccount.id) } } },
      },
    });
    expect(foreign.status).toBe(422);
    expect(errors(foreign)[0]?.['source']).toEqual({ pointer: '/data/relationships/account' });
    expect(errors(foreign)[0]?.['title']).toBe('must be the account of the URL');
    const otherAccountClient = await post('projects', {
      data: {
        type: 'projects',
        attributes: { 'project-name': 'P' },
        relationships: { client: { data: { type: 'clients', id: SEED.clients.otherAccountInitech } } },
      },
    });
    expect(otherAccountClient.status).toBe(422);
    expect(errors(otherAccountClient)[0]?.['detail']).toBe('client - must exist');
  });

  it('keeps project-location names unique per project', async () => {
    const body = (project: string) => ({
      data: {
        type: 'project-locations',
        attributes: { name: 'Northwind HQ', street: '1 Pike St', city: 'Seattle', state: 'WA', 'postal-code': '98101' },
        relationships: { project: { data: { type: 'projects', id: project } } },
      },
    });
    const duplicate = await post('project-locations', body(SEED.projects.northwindSdWan));
    expect(duplicate.status).toBe(422);
    expect(errors(duplicate)).toEqual([invalidAttribute('name', 'has already been taken')]);
    expect((await post('project-locations', body(SEED.projects.contosoM365))).status).toBe(201);
  });

  it('requires a whole address on a new project location (strict profile)', async () => {
    const partial = await post('project-locations', {
      data: {
        type: 'project-locations',
        attributes: { name: 'Annex', city: 'Seattle' },
        relationships: { project: { data: { type: 'projects', id: SEED.projects.northwindSdWan } } },
      },
    });
    expect(partial.status).toBe(422);
    expect(errors(partial).map((error) => error['detail'])).toEqual([
      "street - can't be blank",
      "state - can't be blank",
      "postal-code - can't be blank",
    ]);
  });

  it('answers 400 naming an unknown or read-only attribute, 409 for a wrong type, 400 for no data', async () => {
    const unknown = await post('clients', {
      data: { type: 'clients', attributes: { name: 'X', colour: 'red', 'created-at': '2020-01-01' } },
    });
    expect(unknown.status).toBe(400);
    expect(errors(unknown)).toEqual([paramNotAllowed('colour'), paramNotAllowed('created-at')]);
    const wrongType = await post('clients', { data: { type: 'projects', attributes: { name: 'X' } } });
    expect(wrongType.status).toBe(409);
    expect(errors(wrongType)[0]?.['source']).toEqual({ pointer: '/data/type' });
    const noData = await post('clients', { name: 'X' });
    expect(noData.status).toBe(400);
    expect(errors(noData)[0]?.['title']).toBe('Missing Parameter');
  });

  it('answers 415 for a write without the JSON:API Content-Type', async () => {
    const answer = await post('clients', { data: { type: 'clients', attributes: { name: 'X' } } }, { contentType: 'application/json' });
    expect(answer.status).toBe(415);
    expect(errors(answer)[0]?.['detail']).toBe('The Content-Type header must be application/vnd.api+json.');
  });

  it('answers 403 to a read_only user on writes, while reads work', async () => {
    const readOnly = await clientCredentialsToken(sandbox, SEED.readOnlyServiceUser.clientId, SEED.readOnlyServiceUser.clientSecret);
    expect((await call(sandbox, 'GET', `/${SLUG}/v1/clients`, { token: readOnly })).status).toBe(200);
    const answer = await post('clients', { data: { type: 'clients', attributes: { name: 'X' } } }, { token: readOnly });
    expect(answer.status).toBe(403);
    expect(answer.body).toEqual(errorBody(403, 'Forbidden', "This user's role does not allow POST on clients."));
    sandbox.admin.setRole(SEED.readOnlyServiceUser.userId, 'admin');
    expect((await post('clients', { data: { type: 'clients', attributes: { name: 'X' } } }, { token: readOnly })).status).toBe(201);
  });

  it('answers 404 for a method the resource does not offer', async () => {
    expect((await post('users', { data: { type: 'users', attributes: { name: 'X' } } })).status).toBe(404);
  });
});

describe('updates', () => {
  it('PATCH requires data.id equal to the URL id and bumps updated-at', async () => {
    const before = one(await get(`clients/${SEED.clients.fabrikam}`));
    const missingId = await patch('clients', SEED.clients.fabrikam, { data: { type: 'clients', attributes: { active: false } } });
    expect(missingId.status).toBe(400);
    const mismatch = await patch('clients', SEED.clients.fabrikam, {
      data: { type: 'clients', id: '1001', attributes: { active: false } },
    });
    expect(mismatch.status).toBe(409);
    sandbox.clock.advance(60);
    const answer = await patch('clients', SEED.clients.fabrikam, {
      data: { type: 'clients', id: Number(SEED.clients.fabrikam), attributes: { active: false } },
    });
    expect(answer.status).toBe(200);
    const after = one(answer);
    expect(after.attributes['active']).toBe(false);
    expect(after.attributes['name']).toBe(before.attributes['name']);
    expect(after.attributes['created-at']).toBe(before.attributes['created-at']);
    expect(Date.parse(String(after.attributes['updated-at']))).toBeGreaterThan(Date.parse(String(before.attributes['updated-at'])));
  });

  it('moves a project through approval, stamping submitted-at/approved-at and recording approvals', async () => {
    const id = SEED.projects.northwindSdWan;
    const status = (value: string) => patch('projects', id, { data: { type: 'projects', id, attributes: { status: value } } });
    const approvalsBefore = ids(await get(`project-approvals?filter[project]=${id}`));
    expect(approvalsBefore).toEqual([]);
    const submitted = one(await status('technical_approval'));
    expect(submitted.attributes['submitted-at']).toEqual(expect.any(String));
    const approvals = await get(`project-approvals?filter[project]=${id}`);
    expect(ids(approvals)).toEqual(['2706']);
    expect(list(approvals).data[0]?.attributes).toMatchObject({ status: null, role: 'technical' });
    const backwards = await status('building');
    expect(backwards.status).toBe(200);
    await status('sales_approval');
    const approved = one(await status('approved'));
    expect(approved.attributes['approved-at']).toEqual(expect.any(String));
    const invalid = await status('technical_approval');
    expect(invalid.status).toBe(422);
    expect(errors(invalid)).toEqual([invalidAttribute('status', 'cannot change from approved to technical_approval')]);
    expect(one(await status('won')).attributes['status']).toBe('won');
    expect((await status('building')).status).toBe(422);
    const outcomes = (await get(`project-approvals?filter[project]=${id}`)).body as { data: { attributes: Record<string, unknown> }[] };
    expect(outcomes.data.map((approval) => approval.attributes['status'])).toEqual(['rescope', 'approved']);
  });

  it('refuses a new project that does not start in building, and an unknown status', async () => {
    const client = { client: { data: { type: 'clients', id: SEED.clients.northwind } } };
    const won = await post('projects', {
      data: { type: 'projects', attributes: { 'project-name': 'P', status: 'won' }, relationships: client },
    });
    expect(won.status).toBe(422);
    expect(errors(won)[0]?.['title']).toBe('must be building for a new project');
    const unknown = await patch('projects', '2001', { data: { type: 'projects', id: '2001', attributes: { status: 'done' } } });
    expect(unknown.status).toBe(422);
    expect(errors(unknown)[0]?.['title']).toBe('is not included in the list');
  });
});

describe('project documents', () => {
  const generate = (project: string, templateId: string) =>
    post('project-documents', {
      data: {
        type: 'project-documents',
        attributes: { 'template-id': templateId, 'document-type': 'sow', 'generate-pdf': true },
        relationships: { project: { data: { type: 'projects', id: project } } },
      },
    });

  it('starts created, takes two minutes of sandbox clock however often it is read, and serves the document-url', async () => {
    const created = await generate(SEED.projects.northwindSdWan, SEED.documentTemplates.standardSow);
    expect(created.status).toBe(201);
    const id = one(created).id;
    expect(one(created).attributes).toMatchObject({ status: 'created', 'document-url': null });
    expect(one(await get(`project-documents/${id}`)).attributes['status']).toBe('created');
    sandbox.clock.advance(119);
    expect(one(await get(`project-documents/${id}`)).attributes['status']).toBe('created');
    sandbox.clock.advance(1);
    const finished = one(await get(`project-documents/${id}`)).attributes;
    expect(finished['status']).toBe('finished');
    expect(finished['template-name']).toBe('Standard SOW');
    expect(finished['document-url']).toBe(`${sandbox.url}/downloads/${SLUG}/${id}/northwind-sd-wan-rollout-sow.pdf`);
    const file = await fetch(String(finished['document-url']));
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect((await file.text()).startsWith('%PDF-1.4')).toBe(true);
  });

  it('finishes by the clock too, and ends in error for an unknown template or a project without services', async () => {
    const unknownTemplate = one(await generate(SEED.projects.northwindSdWan, '999999')).id;
    const noServices = one(await generate(SEED.projects.fourthCoffeeWifi, SEED.documentTemplates.standardSow)).id;
    sandbox.clock.advance(120);
    const first = one(await get(`project-documents/${unknownTemplate}`)).attributes;
    expect(first).toMatchObject({ status: 'error', 'error-text': 'Document template 999999 was not found.', 'document-url': null });
    const second = one(await get(`project-documents/${noServices}`)).attributes;
    expect(second).toMatchObject({ status: 'error', 'error-text': 'The project has no services, so there is nothing to document.' });
  });

  it('in the permissive profile, finishes on the second read', async () => {
    const permissive = await startSandbox({ port: 0, profile: 'permissive' });
    try {
      const permissiveToken = await adminToken(permissive);
      const created = await call(permissive, 'POST', `/${SLUG}/v1/project-documents`, {
        token: permissiveToken,
        body: {
          data: {
            type: 'project-documents',
            attributes: { 'template-id': SEED.documentTemplates.standardSow, 'document-type': 'sow' },
            relationships: { project: { data: { type: 'projects', id: SEED.projects.northwindSdWan } } },
          },
        },
      });
      const read = async () =>
        one(await call(permissive, 'GET', `/${SLUG}/v1/project-documents/${one(created).id}`, { token: permissiveToken })).attributes;
      expect((await read())['status']).toBe('created');
      expect((await read())['status']).toBe('finished');
    } finally {
      await permissive.close();
    }
  });

  it('requires a template-id and a project', async () => {
    const answer = await post('project-documents', { data: { type: 'project-documents', attributes: {} } });
    expect(answer.status).toBe(422);
    expect(errors(answer).map((error) => error['detail'])).toEqual(["template-id - can't be blank", 'project - must exist']);
  });
});

describe('crm-opportunities', () => {
  it('creates with project linkage, requires name and opportunity-id, and deletes (204) unlinking projects', async () => {
    const missing = await post('crm-opportunities', { data: { type: 'crm-opportunities', attributes: { amount: '10' } } });
    expect(missing.status).toBe(422);
    expect(errors(missing).map((error) => error['detail'])).toEqual(["name - can't be blank", "opportunity-id - can't be blank"]);
    const created = await post('crm-opportunities', {
      data: {
        type: 'crm-opportunities',
        attributes: {
          'opportunity-id': 'OPP-2000',
          name: 'Wi-Fi Upgrade',
          'account-name': 'Fourth Coffee',
          amount: 10000,
          'is-closed': false,
        },
        relationships: { projects: { data: [{ type: 'projects', id: SEED.projects.fourthCoffeeWifi }] } },
      },
    });
    expect(created.status).toBe(201);
    const opportunity = one(created);
    expect(opportunity.attributes).toMatchObject({ amount: '10000.00', 'display-name': 'Fourth Coffee / Wi-Fi Upgrade / OPP-2000' });
    expect(one(await get(`projects/${SEED.projects.fourthCoffeeWifi}`)).relationships['crm-opportunity']?.data).toEqual({
      type: 'crm-opportunities',
      id: opportunity.id,
    });
    const duplicate = await post('crm-opportunities', {
      data: { type: 'crm-opportunities', attributes: { 'opportunity-id': 'OPP-2000', name: 'Again' } },
    });
    expect(duplicate.status).toBe(422);
    const deleted = await call(sandbox, 'DELETE', `/${SLUG}/v1/crm-opportunities/${opportunity.id}`, { token });
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    expect((await get(`crm-opportunities/${opportunity.id}`)).status).toBe(404);
    expect(one(await get(`projects/${SEED.projects.fourthCoffeeWifi}`)).relationships['crm-opportunity']?.data).toBeNull();
  });
});
