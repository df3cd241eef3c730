/**
 * The workflows `npm start` runs, one row per step. Each step checks what a user would notice
 * (the right record found, no duplicate created, a renewal that happened) and throws otherwise.
 */
import { SEED, type Sandbox } from '../sandbox/index.js';
import type { Row } from './print-table.js';
import { messageOf } from './message-of.js';
import type { ZapRunner } from './zap-runner.js';

interface ClientRecord {
  id: string;
  name: string;
  domain?: string;
  active?: boolean;
  msa_date?: string;
}

interface ProjectRecord {
  id: string;
  project_name: string;
  status: string;
  client_name?: string;
  custom_region?: string;
  upsert_action?: string;
  project_contacts?: { name: string }[];
  project_locations?: { name: string }[];
}
interface Named {
  id: string;
  name: string;
  project_name?: string;
  /** On change triggers, whose `id` names a version. */
  project_id?: string;
  status?: string;
}

const check = (condition: boolean, problem: string): void => {
  if (!condition) throw new Error(problem);
};

const connect = async (runner: ZapRunner): Promise<Row> => {
  const { result, requests } = await runner.connect();
  return { step: 'Connect (token, /v1/me, test)', result: `connected as "${result.label}"`, requests };
};

/** Everything the catalog offers today: poll, find, find-or-create twice, update, renew. */
export async function* sandboxWorkflow(runner: ZapRunner, sandbox: Sandbox): AsyncGenerator<Row> {
  yield await connect(runner);

  const first = await runner.run<ClientRecord[]>('triggers', 'new_client');
  check(first.result.length > 0, 'New Client returned no clients.');
  yield {
    step: 'New Client (poll)',
    result: `${first.result.length} clients, newest "${first.result[0]?.name}"`,
    requests: first.requests,
  };

  const found = await runner.run<ClientRecord[]>('searches', 'find_client', { name: 'northwind' });
  check(found.result.length === 1 && found.result[0]?.name === 'Northwind', 'Find Client did not pick exactly "Northwind".');
  yield {
    step: 'Find Client "northwind"',
    result: `found ${found.result[0]?.name} (${found.result[0]?.id}), not "Northwind Traders"`,
    requests: found.requests,
  };

  const name = 'Contoso Cloud Services';
  const search = await runner.run<ClientRecord[]>('searches', 'find_client', { name });
  check(search.result.length === 0, `"${name}" exists before it was created.`);
  const created = await runner.run<ClientRecord>('creates', 'create_client', {
    name,
    domain: 'contoso.example',
    msa_date: '2025-03-01',
    user_defined_fields: [{ user_defined_fields__name: 'industry', user_defined_fields__value: 'Retail' }],
  });
  yield {
    step: `Find or Create Client "${name}"`,
    result: `not found, created ${created.result.id}`,
    requests: search.requests + created.requests,
  };

  const again = await runner.run<ClientRecord[]>('searches', 'find_client', { name: name.toUpperCase() });
  check(again.result[0]?.id === created.result.id, 'The second find-or-create did not find the client it created.');
  yield { step: 'Find or Create Client again', result: `found ${again.result[0]?.id}: nothing created twice`, requests: again.requests };

  const updated = await runner.run<ClientRecord>('creates', 'update_client', {
    id: created.result.id,
    domain: 'contoso-cloud.example',
    active: 'false',
  });
  check(updated.result.domain === 'contoso-cloud.example' && updated.result.active === false, 'Update Client did not change the client.');
  yield { step: 'Update Client', result: `domain ${updated.result.domain}, active ${updated.result.active}`, requests: updated.requests };

  const newest = await runner.run<ClientRecord[]>('triggers', 'new_client');
  check(newest.result[0]?.id === created.result.id, 'New Client does not show the new client first.');
  yield {
    step: 'New Client (next poll)',
    result: `newest is "${newest.result[0]?.name}" (${newest.result[0]?.id})`,
    requests: newest.requests,
  };

  const dropdown = await runner.run<ClientRecord[]>('triggers', 'list_clients');
  yield {
    step: 'Client dropdown (list_clients)',
    result: `${dropdown.result.length} choices, first "${dropdown.result[0]?.name}"`,
    requests: dropdown.requests,
  };

  yield* projectLifecycle(runner, sandbox, created.result);
  yield* catalogTour(runner, created.result);

  sandbox.clock.advance(25 * 3600);
  const later = await runner.run<ClientRecord[]>('triggers', 'new_client');
  check(later.renewed, 'The expired token was not renewed.');
  yield { step: 'New Client, 25 hours later', result: 'token expired (401), renewed once, poll succeeded', requests: later.requests };
}

/**
 * A project from creation to approval, with four Zaps turned on beforehand: each trigger fires
 * exactly once for what happened, and a second poll fires nothing.
 */
async function* projectLifecycle(runner: ZapRunner, sandbox: Sandbox, client: ClientRecord): AsyncGenerator<Row> {
  const zaps = [
    { key: 'new_project', input: {}, label: 'New Project' },
    { key: 'updated_project', input: {}, label: 'Updated Project' },
    { key: 'project_status_changed', input: { status: ['approved', 'won'] }, label: 'Project Status Changed' },
    { key: 'new_project_approval', input: {}, label: 'New Project Approval' },
    { key: 'new_project_document', input: { status: ['finished', 'error'] }, label: 'New Project Document' },
    { key: 'project_crm_opportunity_changed', input: {}, label: 'Project CRM Opportunity Changed' },
  ];
  let seeding = 0;
  for (const zap of zaps) seeding += (await runner.poll(zap.key, zap.input)).requests;
  yield { step: 'Turn on 6 project Zaps (first polls)', result: 'dedupe filled: nothing fires for existing projects', requests: seeding };

  const project = await runner.run<ProjectRecord>('creates', 'create_project', {
    client_id: client.id,
    project_name: 'Contoso Azure Landing Zone',
    sales_executive_id: SEED.salesExecutives.jordanEllis,
    tag_list: ['cloud', 'azure'],
    msa_date: '2025-03-01',
    custom_region: 'EMEA',
  });
  check(project.result.status === 'building' && project.result.custom_region === 'EMEA', 'Create Project did not keep the custom field.');
  check(project.result.client_name === client.name, 'Create Project did not name the client.');
  yield {
    step: 'Create Project (custom field)',
    result: `${project.result.id} "${project.result.project_name}", Region ${project.result.custom_region}`,
    requests: project.requests,
  };

  const contact = await runner.run<Named>('creates', 'create_project_contact', {
    project_id: project.result.id,
    name: 'Pat Example',
    email: 'pat@contoso.example',
    contact_type: 'primary_customer_contact',
  });
  const address = { street: '1 Pike St', city: 'Seattle', state: 'WA', postal_code: '98101' };
  const location = await runner.run<Named>('creates', 'create_project_location', {
    project_id: project.result.id,
    name: 'Seattle HQ',
    ...address,
    custom_site_code: 'SEA-1',
  });
  check(contact.result.project_name === project.result.project_name, 'The contact does not name its project.');
  yield {
    step: 'Add Contact and Location',
    result: `contact ${contact.result.id}, location ${location.result.id} "${location.result.name}"`,
    requests: contact.requests + location.requests,
  };

  const twin = await runner
    .run<ProjectRecord>('creates', 'create_project_location', { project_id: project.result.id, name: 'Seattle HQ', ...address })
    .then(
      () => 'accepted',
      (error: unknown) => messageOf(error),
    );
  check(twin.includes('already been taken'), `A second "Seattle HQ" location was not refused: ${twin}`);
  yield { step: 'Add the same Location again', result: `refused: ${twin}`, requests: 1 };

  yield* scopeAndDocument(runner, sandbox, project.result, zaps.find((zap) => zap.key === 'new_project_document')?.input ?? {});
  yield* crmDeal(runner, project.result);

  let moves = 0;
  for (const status of ['technical_approval', 'approved'])
    moves += (await runner.run('creates', 'update_project', { id: project.result.id, status })).requests;
  yield { step: 'Update Project: approval, approved', result: 'building -> technical_approval -> approved', requests: moves };

  const refused = await runner.run('creates', 'update_project', { id: project.result.id, status: 'technical_approval' }).then(
    () => 'accepted',
    (error: unknown) => messageOf(error),
  );
  check(refused !== 'accepted' && refused.includes('Won or Lost'), 'A refused status change did not say which moves are allowed.');
  yield { step: 'Update Project: back to approval', result: `refused: ${refused}`, requests: 1 };

  // New Project Document has fired already, for the documents generated above.
  for (const zap of zaps.filter((candidate) => candidate.key !== 'new_project_document')) {
    const first = await runner.poll<Named>(zap.key, zap.input);
    const again = await runner.poll<Named>(zap.key, zap.input);
    const [fired] = first.fired;
    check(
      first.fired.length === 1 && again.fired.length === 0,
      `${zap.label} fired ${first.fired.length} then ${again.fired.length} times.`,
    );
    // A change trigger's id is a version (it holds a timestamp): show the record's own ID.
    const what = `${fired?.project_id ?? fired?.id ?? ''} "${fired?.project_name ?? fired?.name ?? ''}"`;
    yield {
      step: `${zap.label} (2 polls)`,
      result: `fired once (${what}, ${fired?.status ?? ''}), then nothing`,
      requests: first.requests + again.requests,
    };
  }

  const found = await runner.run<ProjectRecord[]>('searches', 'find_project', {
    project_name: 'contoso azure landing zone',
    client_id: client.id,
  });
  const [hit] = found.result;
  check(
    hit?.id === project.result.id && hit.project_contacts?.length === 1 && hit.project_locations?.length === 1,
    'Find Project did not return the project with its contact and location.',
  );
  yield {
    step: 'Find Project (within client)',
    result: `${project.result.id}, ${hit?.status ?? ''}, 1 contact, 1 location as line items`,
    requests: found.requests,
  };

  const upsert = await runner.run<ProjectRecord>('creates', 'upsert_project', {
    client_id: client.id,
    project_name: 'Contoso Azure Landing Zone',
    custom_region: 'APAC',
  });
  check(
    upsert.result.upsert_action === 'updated' && upsert.result.id === project.result.id,
    'Create or Update Project did not update the project.',
  );
  yield {
    step: 'Create or Update Project',
    result: `updated ${upsert.result.id}: Region ${upsert.result.custom_region}`,
    requests: upsert.requests,
  };
}

interface ServiceRecord {
  id: string;
  name: string;
  total_hours: string;
  project_subservices?: { name: string }[];
}
interface DocumentRecord {
  id: string;
  document_id?: string;
  status: string;
  outcome: string;
  error_text?: string | null;
  document_file: string | null;
}

/** What a generate step that ran out of waiting tells, in short. */
const STILL_GENERATING = 'still generating when its waits ran out: New Project Document will fire';

/**
 * Scopes the project (a catalog and a custom service), then generates its SOW and a pricing
 * document for a project without services. A document takes ScopeStack minutes (2 on the strict
 * sandbox's clock), so each step says it is still generating, and New Project Document reports
 * both once they are done; a later step then uses the SOW's file.
 */
async function* scopeAndDocument(
  runner: ZapRunner,
  sandbox: Sandbox,
  project: ProjectRecord,
  documentZap: Record<string, unknown>,
): AsyncGenerator<Row> {
  const catalog = await runner.run<ServiceRecord>('creates', 'add_project_service', {
    project_id: project.id,
    service_id: SEED.services.networkAssessment,
  });
  const custom = await runner.run<ServiceRecord>('creates', 'add_project_service', {
    project_id: project.id,
    name: 'Azure Landing Zone Build',
    quantity: '2',
    override_hours: '12.5',
    service_description: 'Build the landing zone with the client’s team.',
  });
  check(catalog.result.project_subservices?.length === 2, 'The catalog service came without its subservices.');
  yield {
    step: 'Add Service: catalog and custom',
    result: `"${catalog.result.name}" ${catalog.result.total_hours} h (2 subservices), "${custom.result.name}" ${custom.result.total_hours} h`,
    requests: catalog.requests + custom.requests,
  };

  const sow = await runner.run<DocumentRecord>('creates', 'generate_project_document', {
    project_id: project.id,
    template_id: SEED.documentTemplates.standardSow,
  });
  check(sow.result.status === 'created' && sow.result.outcome.includes('New Project Document will fire'), `The SOW: ${sow.result.outcome}`);
  yield { step: 'Generate Project Document (SOW)', result: STILL_GENERATING, requests: sow.requests };

  const empty = await runner.run<DocumentRecord>('creates', 'generate_project_document', {
    project_id: SEED.projects.fourthCoffeeWifi,
    document_type: 'pricing',
  });
  check(empty.result.status === 'created', `The pricing document: ${empty.result.outcome}`);
  yield { step: 'Generate for a project without services', result: STILL_GENERATING, requests: empty.requests };

  sandbox.clock.advance(120);
  const done = await runner.poll<DocumentRecord>('new_project_document', documentZap);
  const again = await runner.poll<DocumentRecord>('new_project_document', documentZap);
  const finished = done.fired.find((record) => record.document_id === sow.result.id);
  const failed = done.fired.find((record) => record.document_id === empty.result.id);
  check(
    done.fired.length === 2 && finished?.status === 'finished' && failed?.status === 'error' && again.fired.length === 0,
    `New Project Document fired ${done.fired.length} then ${again.fired.length} times.`,
  );
  yield {
    step: 'New Project Document, 2 min later (2 polls)',
    result: `SOW finished; pricing failed: ${failed?.error_text ?? ''}`,
    requests: done.requests + again.requests,
  };

  const file = await runner.hydrate(finished?.document_file ?? '');
  yield {
    step: 'A later step uses Document File',
    result: `${file.result.name}, ${file.result.type}, ${file.result.size} bytes`,
    requests: file.requests,
  };
}

interface OpportunityRecord {
  id: string;
  display_name: string;
  projects_ids?: string[];
}

/** A deal from the CRM: find or create its opportunity with the project linked, then read what the catalog leaves out. */
async function* crmDeal(runner: ZapRunner, project: ProjectRecord): AsyncGenerator<Row> {
  const deal = {
    opportunity_id: '0065g00000Zap01',
    name: 'Azure Landing Zone',
    account_name: 'Contoso Cloud Services',
    amount: '48,000.00',
  };
  const search = await runner.run<OpportunityRecord[]>('searches', 'find_crm_opportunity', { opportunity_id: deal.opportunity_id });
  check(search.result.length === 0, 'The CRM opportunity exists before it was created.');
  const created = await runner.run<OpportunityRecord>('creates', 'create_crm_opportunity', {
    ...deal,
    stage: 'Proposal',
    projects_ids: [project.id],
  });
  check(created.result.projects_ids?.includes(project.id) === true, 'The opportunity was not linked to the project.');
  yield {
    step: 'Find or Create CRM Opportunity',
    result: `not found, created ${created.result.id} "${created.result.display_name}", linked to ${project.id}`,
    requests: search.requests + created.requests,
  };

  const again = await runner.run<OpportunityRecord[]>('searches', 'find_crm_opportunity', {
    opportunity_id: ` ${deal.opportunity_id} `,
  });
  check(again.result[0]?.id === created.result.id, 'The second find-or-create did not find the opportunity.');
  yield {
    step: 'Find or Create CRM Opportunity again',
    result: `found ${created.result.id}: nothing created twice`,
    requests: again.requests,
  };

  const read = await runner.run<{ status: number; data: { id: string; name: string }[] }>('creates', 'api_request', {
    method: 'GET',
    path: '/project-services',
    query: { 'filter[project]': project.id, include: 'service' },
  });
  check(read.result.status === 200 && read.result.data.length === 2, 'API Request did not read the project services.');
  yield {
    step: 'API Request: GET /project-services',
    result: `HTTP ${read.result.status}, ${read.result.data.length} records flattened`,
    requests: read.requests,
  };

  const refused = await runner.run('creates', 'api_request', { method: 'GET', path: '//evil.example/steal' }).then(
    () => 'sent',
    (error: unknown) => messageOf(error),
  );
  check(refused.startsWith('Nothing was sent'), 'API Request sent a request to another host.');
  yield { step: 'API Request: //evil.example/steal', result: `refused: ${refused}`, requests: 0 };
}

interface Found {
  id: string;
  name?: string;
  upsert_action?: string;
  deleted?: boolean;
  project_contacts?: { id: string }[];
  project_locations?: { id: string }[];
}

/** Runs a step and fails the workflow unless `expect` holds for its result. */
const step = async <T>(
  runner: ZapRunner,
  kind: 'triggers' | 'searches' | 'creates',
  key: string,
  input: Record<string, unknown>,
  expect: (result: T) => boolean,
): Promise<{ result: T; requests: number }> => {
  const outcome = await runner.run<T>(kind, key, input);
  check(expect(outcome.result), `${key} did not give what it should.`);
  return outcome;
};

/** Every other step of the catalog, once each, so that none goes untried: dropdowns, finds, updates, upserts, a delete. */
async function* catalogTour(runner: ZapRunner, client: ClientRecord): AsyncGenerator<Row> {
  const found = await step<Found[]>(
    runner,
    'searches',
    'find_project',
    { project_name: 'Contoso Azure Landing Zone', client_id: client.id },
    (r) => r.length === 1,
  );
  const [project] = found.result;
  const projectId = project?.id ?? '';
  const contactId = project?.project_contacts?.[0]?.id ?? '';
  const locationId = project?.project_locations?.[0]?.id ?? '';

  const dropdowns = [
    'list_projects',
    'list_sales_executives',
    'list_presales_engineers',
    'list_rate_tables',
    'list_payment_terms',
    'list_business_units',
    'list_services',
    'list_document_templates',
    'list_products',
    'list_crm_opportunities',
    'list_vendors',
  ];
  let choices = 0;
  let requests = found.requests;
  for (const key of [...dropdowns, 'list_project_contacts', 'list_project_locations']) {
    const listed = await step<Found[]>(runner, 'triggers', key, { project_id: projectId }, (r) => r.length > 0);
    choices += listed.result.length;
    requests += listed.requests;
  }
  yield { step: 'Find Project, 13 more dropdowns', result: `${choices} choices, none empty`, requests };

  const contact = await step<Found>(
    runner,
    'creates',
    'update_project_contact',
    { project_id: projectId, id: contactId, title: 'CIO' },
    (r) => r.id === contactId,
  );
  const location = await step<Found>(
    runner,
    'creates',
    'update_project_location',
    { id: locationId, city: 'Redmond' },
    (r) => r.id === locationId,
  );
  yield {
    step: 'Update Contact and Location',
    result: `contact ${contactId} CIO, location ${locationId} in Redmond`,
    requests: contact.requests + location.requests,
  };

  const service = await step<Found[]>(runner, 'searches', 'find_service', { name: 'network assessment' }, (r) => r.length === 1);
  const template = await step<Found[]>(runner, 'searches', 'find_document_template', { name: 'standard sow' }, (r) => r.length === 1);
  yield {
    step: 'Find Service, Find Document Template',
    result: `"${service.result[0]?.name ?? ''}"; "${template.result[0]?.name ?? ''}" in another case`,
    requests: service.requests + template.requests,
  };

  const product = { name: 'FortiGate 60F (Zap)', sku: 'FG-60F-ZAP', unit_price: '1,500.00' };
  const created = await step<Found>(runner, 'creates', 'create_product', product, (r) => r.name === product.name);
  const updated = await step<Found>(
    runner,
    'creates',
    'update_product',
    { id: created.result.id, unit_cost: '1100' },
    (r) => r.id === created.result.id,
  );
  const upserted = await step<Found>(
    runner,
    'creates',
    'upsert_product',
    { ...product, unit_price: '1450' },
    (r) => r.upsert_action === 'updated',
  );
  const foundProduct = await step<Found[]>(runner, 'searches', 'find_product', { sku: product.sku }, (r) => r[0]?.id === created.result.id);
  yield {
    step: 'Product: create, update, upsert, find',
    result: `${created.result.id}, then updated twice, found by SKU: one product`,
    requests: created.requests + updated.requests + upserted.requests + foundProduct.requests,
  };

  const seller = { name: 'Morgan Zap', email: 'morgan.zap@acme-it.example' };
  const people = [
    await step<Found[]>(runner, 'searches', 'find_sales_executive', { email: 'JORDAN.ELLIS@ACME-IT.EXAMPLE' }, (r) => r.length === 1),
    await step<Found[]>(runner, 'searches', 'find_presales_engineer', { name: 'sam okafor' }, (r) => r.length === 1),
    await step<Found[]>(runner, 'searches', 'find_user', { email: SEED.serviceUser.email.toUpperCase() }, (r) => r.length === 1),
  ];
  const hired = await step<Found>(runner, 'creates', 'create_sales_executive', seller, (r) => r.name === seller.name);
  const titled = await step<Found>(
    runner,
    'creates',
    'update_sales_executive',
    { id: hired.result.id, title: 'Account Executive' },
    (r) => r.id === hired.result.id,
  );
  const again = await step<Found>(
    runner,
    'creates',
    'upsert_sales_executive',
    { ...seller, email: seller.email.toUpperCase() },
    (r) => r.upsert_action === 'updated',
  );
  yield {
    step: 'People: 3 finds, sales executive',
    result: `found by email and name in another case; ${hired.result.id} created, updated, upserted`,
    requests: [...people, hired, titled, again].reduce((sum, outcome) => sum + outcome.requests, 0),
  };

  const vendor = await step<Found>(runner, 'creates', 'create_vendor', { name: 'Zap Distribution' }, (r) => r.name === 'Zap Distribution');
  const moved = await step<Found>(
    runner,
    'creates',
    'update_vendor',
    { id: vendor.result.id, city: 'Denver' },
    (r) => r.id === vendor.result.id,
  );
  const vendorAgain = await step<Found>(
    runner,
    'creates',
    'upsert_vendor',
    { name: 'zap distribution', country: 'US' },
    (r) => r.upsert_action === 'updated',
  );
  const foundVendor = await step<Found[]>(
    runner,
    'searches',
    'find_vendor',
    { name: 'ZAP DISTRIBUTION' },
    (r) => r[0]?.id === vendor.result.id,
  );
  yield {
    step: 'Vendor: create, update, upsert, find',
    result: `${vendor.result.id}, then updated twice, found by name: one vendor`,
    requests: vendor.requests + moved.requests + vendorAgain.requests + foundVendor.requests,
  };

  const newest = await step<Found[]>(runner, 'triggers', 'new_crm_opportunity', {}, (r) => r.length > 0);
  const deal = '0065g00000Zap01';
  const [opportunity] = (await step<Found[]>(runner, 'searches', 'find_crm_opportunity', { opportunity_id: deal }, (r) => r.length === 1))
    .result;
  const staged = await step<Found>(
    runner,
    'creates',
    'update_crm_opportunity',
    { id: opportunity?.id, stage: 'Negotiation' },
    (r) => r.id === opportunity?.id,
  );
  const upsertDeal = await step<Found>(
    runner,
    'creates',
    'upsert_crm_opportunity',
    { opportunity_id: deal, name: 'Azure Landing Zone', stage: 'Won' },
    (r) => r.upsert_action === 'updated',
  );
  const spare = await step<Found>(runner, 'creates', 'create_crm_opportunity', { opportunity_id: '0065g00000Zap02', name: 'Spare' }, (r) =>
    Boolean(r.id),
  );
  const deleted = await step<Found>(runner, 'creates', 'delete_crm_opportunity', { id: spare.result.id }, (r) => r.deleted === true);
  const gone = await runner.run('creates', 'delete_crm_opportunity', { id: spare.result.id }).then(
    () => 'deleted again',
    (error: unknown) => messageOf(error),
  );
  check(gone.startsWith('There is no CRM opportunity'), `Deleting twice did not say there was nothing to delete: ${gone}`);
  yield {
    step: 'CRM: poll, update, upsert, delete',
    result: `newest ${newest.result[0]?.id ?? ''}; ${opportunity?.id ?? ''} updated twice; ${spare.result.id} deleted, then "nothing was deleted"`,
    requests: newest.requests + staged.requests + upsertDeal.requests + spare.requests + deleted.requests + 1,
  };

  const upsertClient = await step<Found>(
    runner,
    'creates',
    'upsert_client',
    { name: client.name, domain: 'contoso.example' },
    (r) => r.id === client.id && r.upsert_action === 'updated',
  );
  yield { step: 'Create or Update Client', result: `updated ${client.id}, found by name`, requests: upsertClient.requests };
}

/** What is safe against a real account: nothing is written. */
export async function* readOnlyWorkflow(runner: ZapRunner): AsyncGenerator<Row> {
  yield await connect(runner);
  const polled = await runner.run<ClientRecord[]>('triggers', 'new_client');
  yield {
    step: 'New Client (poll)',
    result: `${polled.result.length} clients, newest "${polled.result[0]?.name ?? '-'}"`,
    requests: polled.requests,
  };
  const newest = polled.result[0];
  if (newest) {
    const found = await runner.run<ClientRecord[]>('searches', 'find_client', { name: newest.name });
    check(
      found.result.some((record) => record.id === newest.id),
      `Find Client did not find "${newest.name}".`,
    );
    yield { step: `Find Client "${newest.name}"`, result: `found ${found.result.length} exact match(es)`, requests: found.requests };
  }
  const dropdown = await runner.run<ClientRecord[]>('triggers', 'list_clients');
  yield {
    step: 'Client dropdown (list_clients)',
    result: `${dropdown.result.length} choices on the first page`,
    requests: dropdown.requests,
  };

  const projects = await runner.run<ProjectRecord[]>('triggers', 'new_project');
  const [project] = projects.result;
  yield {
    step: 'New Project (poll)',
    result: `${projects.result.length} projects, newest "${project?.project_name ?? '-'}"`,
    requests: projects.requests,
  };
  if (project) {
    const found = await runner.run<ProjectRecord[]>('searches', 'find_project', { id: project.id });
    check(found.result[0]?.id === project.id, `Find Project did not find project ${project.id} by its ID.`);
    yield { step: `Find Project ${project.id} (by ID)`, result: `found, ${found.result[0]?.status ?? ''}`, requests: found.requests };
  }
  const fields = await runner.inputFields('creates', 'create_project');
  const custom = fields.result.filter((field) => field.key.startsWith('custom_'));
  yield { step: 'Create Project fields', result: `${custom.length} custom field(s) of the account`, requests: fields.requests };
}
