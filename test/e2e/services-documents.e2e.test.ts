/**
 * Services, documents and products end to end: the built app, driven as Zapier drives it, against
 * the sandbox over real HTTP. The app's waits for a document advance the sandbox clock instead of
 * sleeping (see bin/built-app.ts simulateWaits), so the wait schedule is exact and costs no time.
 */
import type { BuiltApp } from '../../bin/built-app.js';
import type { ZapRunner } from '../../bin/zap-runner.js';
import { failureOf, SEED, useSandbox, connectedTo, loggedBy, upsertsCheckedBy, writesCheckedBy } from './sandbox-harness.js';

const context = useSandbox();

interface LineItem {
  id: string;
  name: string;
  quantity?: number;
  override_hours?: string;
  total_hours?: string;
  subservice_id?: string;
}

interface ProjectServiceRecord {
  id: string;
  name: string;
  quantity: number;
  override_hours: string;
  total_hours: string;
  service_description: string | null;
  task_source: string;
  sku: string | null;
  service_type: string;
  calculated_pricing: { service_revenue: string; service_cost: string; extended_hours: string };
  project_id: string;
  service_id: string | null;
  project_subservices_ids: string[];
  project_subservices?: LineItem[];
}

interface ServiceRecord {
  id: string;
  name: string;
  sku: string;
  active: boolean;
  total_hours: string;
  label?: string;
}

interface TemplateRecord {
  id: string;
  name: string;
  active: boolean;
  label?: string;
}

interface DocumentRecord {
  id: string;
  status: string;
  outcome?: string;
  error_text: string | null;
  document_type: string;
  template_id: string;
  template_name: string | null;
  document_url: string | null;
  document_file: string | null;
  project_id: string;
  /** On trigger records: the document's own ID (`id` is then `<document>@<status>`). */
  document_id?: string;
}

interface ProductRecord {
  id: string;
  name: string;
  sku: string | null;
  manufacturer_name: string | null;
  manufacturer_part_number: string | null;
  unit_price: string | null;
  unit_cost: string | null;
  billing_frequency: string;
  active: boolean;
  upsert_action?: string;
}

const P = SEED.projects;
const S = SEED.services;
const T = SEED.documentTemplates;

const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const connected = connectedTo(context);

const requestsLogged = loggedBy(context);

const write = writesCheckedBy(context);

/** Reads of one document by ID: the wait's polls. */
const documentReads = (id: string): number => context.sandbox.log.count('GET', `/project-documents/${id}`);

const generate = async (runner: ZapRunner, input: Record<string, unknown>) =>
  runner.run<DocumentRecord>('creates', 'generate_project_document', input);

describe('e2e: add_project_service', () => {
  it('adds a catalog service in one request: its defaults copied, its 2 active subservices as line items, hours and pricing out', async () => {
    const runner = await connected();
    const input = { project_id: P.fourthCoffeeWifi, service_id: S.networkAssessment };
    const result = await write<ProjectServiceRecord>(runner, 'add_project_service', input, ['POST /project-services']);
    expect(result).toMatchObject({
      name: 'Network Assessment',
      service_description: 'Acme will perform the network assessment.',
      sku: 'SVC-3001',
      service_type: 'professional_services',
      task_source: 'service',
      quantity: 1,
      override_hours: '16.0',
      project_id: P.fourthCoffeeWifi,
      service_id: S.networkAssessment,
    });
    // The inactive Legacy Cabling Audit is not copied; the two active ones are, in position order.
    expect(result.project_subservices_ids).toHaveLength(2);
    expect(result.project_subservices?.map(({ name, override_hours, subservice_id }) => ({ name, override_hours, subservice_id }))).toEqual(
      [
        { name: 'Discovery Workshop', override_hours: '4.0', subservice_id: SEED.subservices.discoveryWorkshop },
        { name: 'Assessment Report', override_hours: '6.0', subservice_id: SEED.subservices.assessmentReport },
      ],
    );
    // 16 h + 4 h + 6 h at $150 an hour, costing 60 %.
    expect(result.total_hours).toBe('26.0');
    expect(result.calculated_pricing).toMatchObject({ service_revenue: '3900.0', service_cost: '2340.0', extended_hours: '26.0' });
  });

  it('adds a custom service with its name, quantity, hours and SOW language, and no line items', async () => {
    const runner = await connected();
    const input = {
      project_id: P.fourthCoffeeWifi,
      name: 'Onsite Staff Training',
      quantity: '3',
      override_hours: '2.5',
      service_description: 'Acme trains the store staff on the new Wi-Fi.',
    };
    const result = await write<ProjectServiceRecord>(runner, 'add_project_service', input, ['POST /project-services']);
    expect(result).toMatchObject({
      ...input,
      quantity: 3,
      task_source: 'custom',
      service_id: null,
      project_subservices_ids: [],
      total_hours: '7.5',
    });
    expect(result.calculated_pricing).toMatchObject({ service_revenue: '1125.0', service_cost: '675.0', extended_hours: '7.5' });
  });

  it('refuses a custom service without a name, before any request', async () => {
    const runner = await connected();
    const failure = await failureOf(runner.run('creates', 'add_project_service', { project_id: P.fourthCoffeeWifi, quantity: '2' }));
    expect(failure.code).toBe('ValidationError');
    expect(failure.message).toBe('Nothing was sent to ScopeStack: Name is required.');
    expect(context.sandbox.log.count()).toBe(0);
  });

  it('explains an inactive catalog service by naming the Catalog Service field', async () => {
    const runner = await connected();
    const failure = await failureOf(
      runner.run('creates', 'add_project_service', { project_id: P.northwindSdWan, service_id: S.pbxDecommission }),
    );
    expect(failure.code).toBe('ValidationError');
    expect(failure.message).toMatch(/Catalog Service must be an active service of the account\./);
    expect(failure.message).not.toMatch(/\/data\/relationships|"code"|\b100\b/);
    expect(requestsLogged()).toEqual(['POST /project-services']);
    expect(context.sandbox.log.entries()[0]?.status).toBe(422);
  });

  it('refuses a quantity and hours that are not numbers, both at once, before any request', async () => {
    const runner = await connected();
    const failure = await failureOf(
      runner.run('creates', 'add_project_service', {
        project_id: P.northwindSdWan,
        name: 'Site Visit',
        quantity: 'two',
        override_hours: 'a few',
      }),
    );
    expect(failure.code).toBe('ValidationError');
    expect(failure.message).toMatch(/^Nothing was sent to ScopeStack: /);
    expect(failure.message).toMatch(/Quantity must be a whole number, for example 3 \(got "two"\)\./);
    expect(failure.message).toMatch(/Hours must be a number, for example [\d.]+ \(got "a few"\)\./);
    expect(context.sandbox.log.count()).toBe(0);

    const fractional = await failureOf(
      runner.run('creates', 'add_project_service', { project_id: P.northwindSdWan, name: 'Site Visit', quantity: '1.5' }),
    );
    expect(fractional.message).toMatch(/Quantity must be a whole number/);
    expect(context.sandbox.log.count()).toBe(0);
  });

  it('offers the catalog service as a dropdown fed by list_services, with find_service to map one', async () => {
    const runner = await connected();
    const { result, requests } = await runner.inputFields('creates', 'add_project_service');
    expect(requests).toBe(0);
    expect(result).toContainEqual(
      expect.objectContaining({
        key: 'service_id',
        label: 'Catalog Service',
        dynamic: 'list_services.id.label',
        search: 'find_service.id',
      }),
    );
    expect(result).toContainEqual(expect.objectContaining({ key: 'project_id', required: true }));
  });
});

describe('e2e: catalog services', () => {
  it.each([
    // Name and SKU filters on services are guesses the strict sandbox refuses: read once more without.
    ['name, exactly but ignoring case', { name: 'FIREWALL DEPLOYMENT' }, 2],
    ['SKU', { sku: 'SVC-3002' }, 2],
    ['ID', { id: S.firewallDeployment }, 1],
  ])('find_service finds a service by %s', async (_by, input, expected) => {
    const runner = await connected();
    const { result, requests } = await runner.run<ServiceRecord[]>('searches', 'find_service', input);
    expect(requests).toBe(expected);
    expect(result.map((record) => record.id)).toEqual([S.firewallDeployment]);
    expect(result[0]).toMatchObject({ name: 'Firewall Deployment', sku: 'SVC-3002', total_hours: '36.0' });
  });

  it('find_service does not take a partial name for the whole one', async () => {
    const runner = await connected();
    const { result } = await runner.run<ServiceRecord[]>('searches', 'find_service', { name: 'Firewall' });
    expect(result).toEqual([]);
    // The server filter matched "Firewall Deployment"; the step kept only exact matches.
    expect(context.sandbox.log.entries()[0]?.query['filter[name]']).toBe('Firewall');
  });

  it('find_service finds an inactive service by ID, saying it is inactive', async () => {
    const runner = await connected();
    const { result } = await runner.run<ServiceRecord[]>('searches', 'find_service', { id: S.pbxDecommission });
    expect(result).toEqual([expect.objectContaining({ id: S.pbxDecommission, name: 'Legacy PBX Decommission', active: false })]);
  });

  it('list_services lists only active services by name, each labelled with its SKU', async () => {
    const runner = await connected();
    const { result, requests } = await runner.run<ServiceRecord[]>('triggers', 'list_services');
    expect(requests).toBe(1);
    const active = Object.values(S).filter((id) => !(SEED.inactiveServices as readonly string[]).includes(id));
    expect(result.map((record) => record.id).sort()).toEqual([...active].sort());
    expect(result.map((record) => record.id)).not.toContain(S.pbxDecommission);
    expect(result.map((record) => record.label)).toEqual([
      'Firewall Deployment (SVC-3002)',
      'Managed Backup (SVC-3004)',
      'Microsoft 365 Migration (SVC-3003)',
      'Network Assessment (SVC-3001)',
      'Wi-Fi Site Survey (SVC-3005)',
    ]);
  });
});

describe('e2e: document templates', () => {
  it('find_document_template finds "Standard SOW" from "standard sow", through the listing after the case-sensitive filter misses', async () => {
    const runner = await connected();
    const { result, requests } = await runner.run<TemplateRecord[]>('searches', 'find_document_template', { name: 'standard sow' });
    expect(result.map(({ id, name }) => ({ id, name }))).toEqual([{ id: T.standardSow, name: 'Standard SOW' }]);
    expect(requests).toBe(2);
    const [filtered, listing] = context.sandbox.log.entries();
    expect(filtered?.query['filter[name]']).toBe('standard sow');
    expect(listing?.path).toMatch(/\/document-templates$/);
    expect(listing?.query['filter[name]']).toBeUndefined();
  });

  it('find_document_template costs one request when the name is typed as ScopeStack spells it', async () => {
    const runner = await connected();
    const { result, requests } = await runner.run<TemplateRecord[]>('searches', 'find_document_template', { name: 'Standard SOW' });
    expect(result.map((record) => record.id)).toEqual([T.standardSow]);
    expect(requests).toBe(1);
  });

  it('list_document_templates lists only active templates, by name', async () => {
    const runner = await connected();
    const { result, requests } = await runner.run<TemplateRecord[]>('triggers', 'list_document_templates');
    expect(requests).toBe(1);
    expect(result.map(({ id, label }) => ({ id, label }))).toEqual([
      { id: T.managedServicesAgreement, label: 'Managed Services Agreement' },
      { id: T.standardSow, label: 'Standard SOW' },
    ]);
  });
});

/** A document ScopeStack finishes quickly (the strict sandbox takes 2 minutes, as a real one may). */
const documentsTake3Seconds = (): void => {
  context.sandbox.admin.setDocumentSeconds(3);
};

describe('e2e: generate_project_document', () => {
  it('generates a SOW for a project with services: finished, ready, and its file hydrates to a PDF', async () => {
    const runner = await connected();
    documentsTake3Seconds();
    const { result, requests } = await generate(runner, { project_id: P.northwindSdWan, template_id: T.standardSow });
    expect(result).toMatchObject({
      status: 'finished',
      document_type: 'sow',
      template_id: T.standardSow,
      template_name: 'Standard SOW',
      project_id: P.northwindSdWan,
      error_text: null,
    });
    expect(result.outcome).toMatch(/ready/i);
    expect(result.outcome).toMatch(/Document File/);
    // The template is checked, the document posted, then read until it is done: after the first
    // pauses (1 s, then 2 s) the second read finds it done.
    expect(requestsLogged()).toEqual([
      `GET /document-templates/${T.standardSow}`,
      'POST /project-documents',
      `GET /project-documents/${result.id}`,
      `GET /project-documents/${result.id}`,
    ]);
    expect(requests).toBe(4);

    context.sandbox.log.reset();
    expect(result.document_file).toMatch(/^hydrate\|\|\|/);
    const file = await runner.hydrate(result.document_file ?? '');
    expect(file.result).toEqual({ name: 'northwind-sd-wan-rollout-sow.pdf', type: PDF, size: expect.any(Number) as number });
    expect(file.requests).toBe(1);
    expect(requestsLogged()).toEqual([`GET /downloads/${SEED.account.slug}/${result.id}/northwind-sd-wan-rollout-sow.pdf`]);
    // The size is the size of the file ScopeStack serves.
    const served = await fetch(result.document_url ?? '');
    expect(served.headers.get('content-type')).toBe(PDF);
    const bytes = Buffer.from(await served.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(file.result.size).toBe(bytes.length);
  });

  it.each([
    // Generation time (s) -> reads: the pauses are 1, 2, 3, 5 and 8 s, and each read comes after one.
    [1, 1],
    [3, 2],
    [5, 3],
    [11, 4],
    [19, 5],
  ])('reads a document that takes %i s no more often than the pauses allow: %i read(s)', async (seconds, reads) => {
    const runner = await connected();
    context.sandbox.admin.setDocumentSeconds(seconds);
    const { result } = await generate(runner, { project_id: P.northwindSdWan, document_type: 'pricing' });
    expect(result.status).toBe('finished');
    expect(result.outcome).toMatch(/ready/i);
    expect(context.sandbox.log.count('POST', '/project-documents')).toBe(1);
    expect(documentReads(result.id)).toBe(reads);
  });

  it('generates a Word document when As PDF is No', async () => {
    const runner = await connected();
    documentsTake3Seconds();
    const { result } = await generate(runner, { project_id: P.northwindSdWan, template_id: T.standardSow, generate_pdf: 'false' });
    expect(result.status).toBe('finished');
    expect(result.document_url).toMatch(/\.docx$/);
    const file = await runner.hydrate(result.document_file ?? '');
    expect(file.result).toMatchObject({ name: 'northwind-sd-wan-rollout-sow.docx', type: DOCX });
    expect(file.result.size).toBeGreaterThan(0);
  });

  it('reports a pricing document for a project without services as failed, quoting ScopeStack', async () => {
    const runner = await connected();
    documentsTake3Seconds();
    const { result, requests } = await generate(runner, { project_id: P.fourthCoffeeWifi, document_type: 'pricing' });
    expect(result).toMatchObject({ status: 'error', document_type: 'pricing', template_id: 'pricing', document_file: null });
    expect(result.error_text).toBe('The project has no services, so there is nothing to document.');
    expect(result.outcome).toBe(
      'ScopeStack could not generate the document: The project has no services, so there is nothing to document.',
    );
    // No template to check for a pricing document: the POST, then the reads until it ended.
    expect(requestsLogged()).toEqual([
      'POST /project-documents',
      `GET /project-documents/${result.id}`,
      `GET /project-documents/${result.id}`,
    ]);
    expect(requests).toBe(3);
  });

  it.each([
    [
      'an inactive template',
      T.legacySowInactive,
      200,
      /^Nothing was sent to ScopeStack: Document Template "Legacy SOW \(2019\)" is inactive/,
    ],
    [
      'an unknown template',
      '999999',
      404,
      /^Nothing was sent to ScopeStack: Document Template 999999 does not exist in this ScopeStack account/,
    ],
  ])('refuses %s before the POST', async (_what, templateId, status, message) => {
    const runner = await connected();
    const failure = await failureOf(generate(runner, { project_id: P.northwindSdWan, template_id: templateId }));
    expect(failure.code).toBe('ValidationError');
    expect(failure.message).toMatch(message);
    expect(requestsLogged()).toEqual([`GET /document-templates/${templateId}`]);
    expect(context.sandbox.log.entries()[0]?.status).toBe(status);
    expect(context.sandbox.log.count('POST', '/project-documents')).toBe(0);
  });

  it('refuses a statement of work without a template, before any request', async () => {
    const runner = await connected();
    const failure = await failureOf(generate(runner, { project_id: P.northwindSdWan, document_type: 'sow' }));
    expect(failure.code).toBe('ValidationError');
    expect(failure.message).toBe('Nothing was sent to ScopeStack: Document Template is required.');
    expect(context.sandbox.log.count()).toBe(0);
  });

  it('says New Project Document will fire for a document still generating at the deadline, and it then fires once', async () => {
    const runner = await connected();
    const input = { status: ['finished'] };
    expect((await runner.poll('new_project_document', input)).fired).toEqual([]);
    context.sandbox.log.reset();

    // A document takes the strict sandbox 2 minutes, longer than every pause together (19 s): the
    // step gives up waiting, honestly, well inside Zapier's 30 s.
    const { result, requests } = await generate(runner, { project_id: P.northwindSdWan, template_id: T.standardSow });
    expect(result.status).toBe('created');
    expect(result.document_file).toBeNull();
    expect(result.outcome).toBe('ScopeStack is still generating the document. New Project Document will fire when it is ready.');
    expect(documentReads(result.id)).toBe(5);
    expect(requests).toBe(7);

    // Not ready yet: nothing fires; once ScopeStack is done, it fires once.
    expect((await runner.poll('new_project_document', input)).fired).toEqual([]);
    context.sandbox.clock.advance(120);
    const ready = await runner.poll<DocumentRecord>('new_project_document', input);
    expect(ready.fired).toEqual([expect.objectContaining({ document_id: result.id, status: 'finished' })]);
    expect((await runner.poll('new_project_document', input)).fired).toEqual([]);
  });
});

describe('e2e: new_project_document', () => {
  it('fires once per finished document, and with Failed chosen once for an errored one; nothing on the next poll', async () => {
    const runner = await connected();
    const finishedOnly = {};
    const finishedOrFailed = { status: ['finished', 'error'] };
    documentsTake3Seconds();
    // Both Zaps are on before anything is generated; the seeded finished document does not fire.
    expect((await runner.poll('new_project_document', finishedOnly)).fired).toEqual([]);
    expect((await runner.poll('new_project_document', finishedOrFailed)).fired).toEqual([]);

    const sow = (await generate(runner, { project_id: P.northwindSdWan, template_id: T.standardSow })).result;
    const breakdown = (await generate(runner, { project_id: P.northwindSdWan, document_type: 'breakdown' })).result;
    const failed = (await generate(runner, { project_id: P.fourthCoffeeWifi, document_type: 'pricing' })).result;
    expect([sow.status, breakdown.status, failed.status]).toEqual(['finished', 'finished', 'error']);

    context.sandbox.log.reset();
    const finished = await runner.poll<DocumentRecord>('new_project_document', finishedOnly);
    // No public client filters documents by status, and the strict sandbox refuses it: the poll
    // reads once more without it and keeps the finished documents of the page itself.
    expect(finished.requests).toBe(2);
    expect(context.sandbox.log.entries().map((entry) => entry.query['filter[status]'])).toEqual(['finished', undefined]);
    expect(finished.fired.map((record) => record.document_id).sort()).toEqual([sow.id, breakdown.id].sort());
    expect(finished.fired.map((record) => record.id).sort()).toEqual([`${sow.id}@finished`, `${breakdown.id}@finished`].sort());
    const fired = finished.fired.find((record) => record.document_id === sow.id);
    expect(fired).toMatchObject({ status: 'finished', template_name: 'Standard SOW', project_id: P.northwindSdWan });
    expect((await runner.hydrate(fired?.document_file ?? '')).result.type).toBe(PDF);

    const both = await runner.poll<DocumentRecord>('new_project_document', finishedOrFailed);
    expect(both.fired.map((record) => record.document_id).sort()).toEqual([sow.id, breakdown.id, failed.id].sort());
    expect(both.fired.find((record) => record.document_id === failed.id)).toMatchObject({
      id: `${failed.id}@error`,
      status: 'error',
      error_text: 'The project has no services, so there is nothing to document.',
      document_file: null,
    });

    expect((await runner.poll('new_project_document', finishedOnly)).fired).toEqual([]);
    expect((await runner.poll('new_project_document', finishedOrFailed)).fired).toEqual([]);
  });
});

describe('e2e: products', () => {
  it('creates a product in one request, a price with a thousands separator read as a number', async () => {
    const runner = await connected();
    const input = {
      name: 'FortiGate 60F',
      sku: 'FG-60F',
      manufacturer_name: 'Fortinet',
      manufacturer_part_number: 'FG-60F-BDL',
      unit_price: '1,500.00',
      unit_cost: '1100',
      billing_frequency: 'one_time',
    };
    const result = await write<ProductRecord>(runner, 'create_product', input, ['POST /products']);
    // What was sent comes back, the prices as decimal strings.
    expect(result).toMatchObject({ ...input, unit_price: '1500.00', unit_cost: '1100.00', active: true });
  });

  it('updates only the fields filled in', async () => {
    const runner = await connected();
    const input = { id: SEED.products.switch48, unit_price: '1799.50', sku: '' };
    const result = await write<ProductRecord>(runner, 'update_product', input, [`PATCH /products/${SEED.products.switch48}`]);
    expect(result).toMatchObject({
      id: SEED.products.switch48,
      name: 'Managed Switch 48-Port',
      sku: 'SW-48',
      unit_price: '1799.50',
      unit_cost: '1200.00',
      manufacturer_part_number: 'MPN-SW-48',
    });
  });

  it('upsert_product by SKU creates, then updates the same product (renamed) in 2 requests', async () => {
    const runner = await connected();
    // A SKU is given, so the product is looked up by SKU alone (the name is for products without
    // one), then one POST.
    const created = await write<ProductRecord>(runner, 'upsert_product', { name: 'Aruba AP-635', sku: 'AR-635', unit_price: '899' }, [
      'GET /products',
      'POST /products',
    ]);
    expect(created).toMatchObject({ upsert_action: 'created', name: 'Aruba AP-635', sku: 'AR-635', unit_price: '899.00' });
    expect(
      context.sandbox.log
        .entries()
        .map((entry) => Object.keys(entry.query).find((key) => key.startsWith('filter[') && key !== 'filter[active]')),
    ).toEqual(['filter[sku]', undefined]);

    const updated = await write<ProductRecord>(runner, 'upsert_product', { name: 'Aruba AP-635 Indoor', sku: 'AR-635', unit_cost: '640' }, [
      'GET /products',
      `PATCH /products/${created.id}`,
    ]);
    expect(updated).toMatchObject({
      upsert_action: 'updated',
      id: created.id,
      name: 'Aruba AP-635 Indoor',
      unit_price: '899.00',
      unit_cost: '640.00',
    });
  });

  it('upsert_product by exact name creates, then updates the same product, 2 requests each', async () => {
    const runner = await connected();
    const { created, updated } = await upsertsCheckedBy(context)<ProductRecord>(runner, 'upsert_product', '/products', {
      create: { name: 'Cat6 Patch Cable 3 ft', unit_price: '4.50' },
      update: { name: 'Cat6 Patch Cable 3 ft', unit_price: '3.95' },
    });
    expect(created).toMatchObject({ name: 'Cat6 Patch Cable 3 ft', sku: null });
    expect(updated.unit_price).toBe('3.95');

    // A seeded product whose name only contains the new one's is not taken for it.
    context.sandbox.log.reset();
    const other = await runner.run<ProductRecord>('creates', 'upsert_product', { name: 'Managed Switch' });
    expect(other.result.upsert_action).toBe('created');
    expect(other.result.id).not.toBe(SEED.products.switch48);
  });

  it.each([
    ['name, exactly but ignoring case', { name: 'managed switch 48-port' }],
    ['SKU', { sku: 'SW-48' }],
    ['manufacturer part number', { manufacturer_part_number: 'MPN-SW-48' }],
    ['ID', { id: SEED.products.switch48 }],
  ])('find_product finds a product by %s, in one request', async (_by, input) => {
    const runner = await connected();
    const { result, requests } = await runner.run<ProductRecord[]>('searches', 'find_product', input);
    expect(requests).toBe(1);
    expect(result.map((record) => record.id)).toEqual([SEED.products.switch48]);
    expect(result[0]).toMatchObject({ name: 'Managed Switch 48-Port', sku: 'SW-48' });
  });

  it('find_product finds nothing for a partial name', async () => {
    const runner = await connected();
    expect((await runner.run<ProductRecord[]>('searches', 'find_product', { name: 'Managed Switch' })).result).toEqual([]);
  });

  it.each([
    ['create_product', { name: 'FortiGate 40F', unit_price: 'ten' }],
    ['update_product', { id: SEED.products.switch48, unit_price: 'about 1500' }],
    ['upsert_product', { name: 'FortiGate 40F', sku: 'FG-40F', unit_price: '$1,500' }],
  ])('%s refuses a price that is not a number, before any request', async (key, input) => {
    const runner = await connected();
    const failure = await failureOf(runner.run('creates', key, input));
    expect(failure.code).toBe('ValidationError');
    expect(failure.message).toMatch(/^Nothing was sent to ScopeStack: Unit Price must be a number, for example 1500\.00 \(got ".+"\)\.$/);
    expect(context.sandbox.log.count()).toBe(0);
  });

  it('pairs find_product with create_product as Find or Create Product', () => {
    const app = context.App as BuiltApp;
    expect(app.searchOrCreates?.['find_product']).toMatchObject({ key: 'find_product', search: 'find_product', create: 'create_product' });
    expect(app.searches['find_product']).toBeDefined();
    expect(app.creates['create_product']).toBeDefined();
  });
});
