/**
 * HTTP round trips per operation: the built app (dist/) against the in-process sandbox, driven
 * as Zapier drives it. Each count comes from two independent places, the client side
 * (`ZapRunner`, which counts requests Node starts) and the server side (the sandbox's request
 * log); they must agree, or the number is not trusted.
 *
 * Import this module only after NODE_ENV is set: it loads zapier-platform-core.
 */
import { ZapRunner, type StepOutcome } from '../bin/zap-runner.js';
import { SEED, startSandbox, type Sandbox } from '../sandbox/index.js';
import { loadBuiltApp, simulateWaits } from '../bin/built-app.js';
import type { Metric } from './report.js';

interface ClientRecord {
  id: string;
  name: string;
}

const check = (condition: boolean, problem: string): void => {
  if (!condition) throw new Error(`round trips: ${problem}`);
};

/** Requests made resolving steps' fields (the Zaps' set-up) in this run: logged by the sandbox, not the steps'. */
const setUp = { requests: 0 };

/** Runs one operation and turns it into a metric, after cross-checking with the sandbox log. */
const counted = async <T>(
  sandbox: Sandbox,
  name: string,
  minimum: number,
  operation: () => Promise<StepOutcome<T>>,
): Promise<{ outcome: StepOutcome<T>; metric: Metric }> => {
  const logged = sandbox.log.count();
  const outcome = await operation();
  const seen = sandbox.log.count() - logged;
  // The sandbox also sees what resolving the step's fields cost (the Zap's set-up), which is not the step's.
  const setUpRequests = outcome.setUp ?? 0;
  setUp.requests += setUpRequests;
  check(
    seen === outcome.requests + setUpRequests,
    `${name}: the app started ${outcome.requests} request(s) and ${setUpRequests} set-up, the sandbox saw ${seen}.`,
  );
  const unit = `requests, API minimum ${minimum}`;
  return { outcome, metric: { name: `round trips: ${name}`, unit, value: outcome.requests, better: 'lower', exact: true } };
};

interface ProjectRecord {
  id: string;
  project_name: string;
  upsert_action?: string;
}

/** One metric per project step, each with the fewest requests the API allows for the job. */
const projectRoundTrips = async (sandbox: Sandbox, runner: ZapRunner, clientId: string): Promise<Metric[]> => {
  const metrics: Metric[] = [];
  const measure = async <T>(name: string, minimum: number, operation: () => Promise<StepOutcome<T>>): Promise<T> => {
    const { outcome, metric } = await counted(sandbox, name, minimum, operation);
    metrics.push(metric);
    return outcome.result;
  };
  await measure('create_project fields (custom fields)', 1, () => runner.inputFields('creates', 'create_project'));
  const project = await measure('create_project', 1, () =>
    runner.run<ProjectRecord>('creates', 'create_project', { client_id: clientId, project_name: 'Bench Project' }),
  );
  // The definitions are read first so that a value that does not fit is refused before the write.
  await measure('create_project with a custom field', 1, () =>
    runner.run<ProjectRecord>('creates', 'create_project', { client_id: clientId, project_name: 'Bench Project 2', custom_region: 'EMEA' }),
  );
  await measure('update_project', 1, () => runner.run('creates', 'update_project', { id: project.id, status: 'technical_approval' }));
  const upsert = await measure('upsert_project (found, updated)', 2, () =>
    runner.run<ProjectRecord>('creates', 'upsert_project', { client_id: clientId, project_name: 'bench project', executive_summary: 'x' }),
  );
  check(upsert.upsert_action === 'updated', 'upsert_project did not find the project.');
  await measure('create_project_contact', 1, () =>
    runner.run('creates', 'create_project_contact', { project_id: project.id, name: 'Bench Contact' }),
  );
  await measure('create_project_location', 1, () =>
    runner.run('creates', 'create_project_location', {
      project_id: project.id,
      name: 'Bench Site',
      street: '1 Main St',
      city: 'Denver',
      state: 'CO',
      postal_code: '80202',
    }),
  );
  for (const key of ['new_project', 'updated_project', 'new_project_approval']) {
    await measure(`${key} poll`, 1, () => runner.run('triggers', key));
  }
  await measure('project_status_changed poll', 1, () => runner.run('triggers', 'project_status_changed', { status: ['approved', 'won'] }));
  const found = await measure('find_project by name within client', 1, () =>
    runner.run<ProjectRecord[]>('searches', 'find_project', { project_name: 'Bench Project', client_id: clientId }),
  );
  check(found[0]?.id === project.id, 'find_project did not find the bench project.');
  await measure('find_project by ID', 1, () => runner.run('searches', 'find_project', { id: project.id }));
  await measure('list_projects dropdown page', 1, () => runner.run('triggers', 'list_projects'));
  return metrics;
};

interface DocumentRecord {
  id: string;
  status: string;
  document_file: string | null;
}

/**
 * Services and documents. A document's wait advances the sandbox clock instead of sleeping, so
 * "ready after 20 s" costs no real time and the waited seconds are exact.
 */
const documentRoundTrips = async (sandbox: Sandbox, runner: ZapRunner): Promise<Metric[]> => {
  const metrics: Metric[] = [];
  const measure = async <T>(name: string, minimum: number, operation: () => Promise<StepOutcome<T>>): Promise<T> => {
    const { outcome, metric } = await counted(sandbox, name, minimum, operation);
    metrics.push(metric);
    return outcome.result;
  };
  const project = SEED.projects.fourthCoffeeWifi;
  await measure('add_project_service (catalog)', 1, () =>
    runner.run('creates', 'add_project_service', { project_id: project, service_id: SEED.services.networkAssessment }),
  );
  await measure('add_project_service (custom)', 1, () =>
    runner.run('creates', 'add_project_service', { project_id: project, name: 'Bench Service', override_hours: '4' }),
  );
  let waited = 0;
  await simulateWaits((seconds) => {
    waited += seconds;
    sandbox.clock.advance(seconds);
  });
  for (const ready of [1, 5, 20]) {
    sandbox.admin.setDocumentSeconds(ready);
    waited = 0;
    // A pricing document: no template to check, so 1 POST plus the status reads.
    const document = await measure(`generate_project_document, ready after ${ready} s`, 2, () =>
      runner.run<DocumentRecord>('creates', 'generate_project_document', { project_id: project, document_type: 'pricing' }),
    );
    metrics.push({
      name: `document wait: ready after ${ready} s`,
      unit: `s waited (sandbox clock), ${document.status}`,
      value: waited,
      better: 'lower',
      exact: true,
    });
    if (ready === 1) {
      const pointer = document.document_file ?? '';
      await measure('document file hydration', 1, () => runner.hydrate(pointer));
    }
  }
  sandbox.admin.setDocumentSeconds(undefined);
  return metrics;
};

/** CRM opportunities, people, vendors and the API request step. */
const crmRoundTrips = async (sandbox: Sandbox, runner: ZapRunner): Promise<Metric[]> => {
  const metrics: Metric[] = [];
  const measure = async <T>(name: string, minimum: number, operation: () => Promise<StepOutcome<T>>): Promise<T> => {
    const { outcome, metric } = await counted(sandbox, name, minimum, operation);
    metrics.push(metric);
    return outcome.result;
  };
  const deal = { opportunity_id: 'BENCH-1', name: 'Bench Deal' };
  // Open and closed opportunities are two reads: the API is only known to take one is-closed value at a time.
  const created = await measure('upsert_crm_opportunity (created)', 3, () =>
    runner.run<{ id: string }>('creates', 'upsert_crm_opportunity', deal),
  );
  await measure('upsert_crm_opportunity (updated)', 2, () => runner.run('creates', 'upsert_crm_opportunity', { ...deal, stage: 'Won' }));
  await measure('find_crm_opportunity by CRM ID', 1, () =>
    runner.run('searches', 'find_crm_opportunity', { opportunity_id: deal.opportunity_id }),
  );
  for (const key of ['new_crm_opportunity', 'project_crm_opportunity_changed'])
    await measure(`${key} poll`, 1, () => runner.run('triggers', key));
  await measure('delete_crm_opportunity', 1, () => runner.run('creates', 'delete_crm_opportunity', { id: created.id }));
  await measure('upsert_sales_executive (created)', 2, () =>
    runner.run('creates', 'upsert_sales_executive', { name: 'Bench Seller', email: 'bench.seller@acme-it.example' }),
  );
  await measure('find_user by email', 1, () => runner.run('searches', 'find_user', { email: 'ZAPIER@ACME-IT.EXAMPLE' }));
  await measure('upsert_vendor (created)', 2, () => runner.run('creates', 'upsert_vendor', { name: 'Bench Vendor' }));
  await measure('api_request GET', 1, () =>
    runner.run('creates', 'api_request', { method: 'GET', path: '/projects', query: { 'page[size]': '5' } }),
  );
  return metrics;
};

interface Identified {
  id: string;
}

/** Every other step of the catalog: the remaining dropdowns, finds, updates and create-or-updates. */
const catalogRoundTrips = async (sandbox: Sandbox, runner: ZapRunner): Promise<Metric[]> => {
  const metrics: Metric[] = [];
  const measure = async <T>(name: string, minimum: number, operation: () => Promise<StepOutcome<T>>): Promise<T> => {
    const { outcome, metric } = await counted(sandbox, name, minimum, operation);
    metrics.push(metric);
    return outcome.result;
  };
  const project = SEED.projects.northwindSdWan;
  for (const key of [
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
  ]) {
    await measure(`${key} dropdown page`, 1, () => runner.run('triggers', key, { project_id: project }));
  }
  const [contact] = await measure('list_project_contacts dropdown page', 1, () =>
    runner.run<Identified[]>('triggers', 'list_project_contacts', { project_id: project }),
  );
  await measure('update_project_contact', 1, () => runner.run('creates', 'update_project_contact', { id: contact?.id, title: 'CIO' }));
  const [location] = await measure('list_project_locations dropdown page', 1, () =>
    runner.run<Identified[]>('triggers', 'list_project_locations', { project_id: project }),
  );
  await measure('update_project_location', 1, () =>
    runner.run('creates', 'update_project_location', { id: location?.id, city: 'Redmond' }),
  );
  await measure('find_service by name', 1, () => runner.run('searches', 'find_service', { name: 'network assessment' }));
  await measure('find_document_template, exact case', 1, () => runner.run('searches', 'find_document_template', { name: 'Standard SOW' }));
  const product = await measure('create_product', 1, () =>
    runner.run<Identified>('creates', 'create_product', { name: 'Bench Product', sku: 'BENCH-1', unit_price: '10' }),
  );
  await measure('update_product', 1, () => runner.run('creates', 'update_product', { id: product.id, unit_cost: '5' }));
  await measure('upsert_product (found by SKU, updated)', 2, () =>
    runner.run('creates', 'upsert_product', { name: 'Bench Product', sku: 'BENCH-1', unit_price: '12' }),
  );
  await measure('find_product by SKU', 1, () => runner.run('searches', 'find_product', { sku: 'BENCH-1' }));
  const seller = await measure('create_sales_executive', 1, () =>
    runner.run<Identified>('creates', 'create_sales_executive', { name: 'Bench Seller 2', email: 'bench.seller2@acme-it.example' }),
  );
  await measure('update_sales_executive', 1, () => runner.run('creates', 'update_sales_executive', { id: seller.id, title: 'AE' }));
  await measure('find_sales_executive by email', 1, () =>
    runner.run('searches', 'find_sales_executive', { email: 'bench.seller2@acme-it.example' }),
  );
  await measure('find_presales_engineer by name', 1, () => runner.run('searches', 'find_presales_engineer', { name: 'sam okafor' }));
  const vendor = await measure('create_vendor', 1, () => runner.run<Identified>('creates', 'create_vendor', { name: 'Bench Vendor 2' }));
  await measure('update_vendor', 1, () => runner.run('creates', 'update_vendor', { id: vendor.id, city: 'Denver' }));
  await measure('find_vendor by name', 1, () => runner.run('searches', 'find_vendor', { name: 'bench vendor 2' }));
  await measure('update_crm_opportunity', 1, () =>
    runner.run('creates', 'update_crm_opportunity', { id: SEED.crmOpportunities.contosoM365, stage: 'Negotiation' }),
  );
  await measure('upsert_client (found, updated)', 2, () => runner.run('creates', 'upsert_client', { name: 'Northwind', active: 'true' }));
  return metrics;
};

export const measureRoundTrips = async (): Promise<Metric[]> => {
  const sandbox = await startSandbox({ port: 0 });
  setUp.requests = 0;
  try {
    // Hosts are read when a request is built; set them before the app makes any.
    process.env['SCOPESTACK_AUTH_URL'] = sandbox.url;
    process.env['SCOPESTACK_API_URL'] = sandbox.url;
    const App = await loadBuiltApp();
    const runner = new ZapRunner(App, { client_id: SEED.serviceUser.clientId, client_secret: SEED.serviceUser.clientSecret });
    const metrics: Metric[] = [];

    const connect = await counted(sandbox, 'connect', 3, () => runner.connect());
    metrics.push(connect.metric);

    const poll = await counted(sandbox, 'new_client poll', 1, () => runner.run<ClientRecord[]>('triggers', 'new_client'));
    check(poll.outcome.result.length > 0, 'new_client returned no clients.');
    metrics.push(poll.metric);

    const find = await counted(sandbox, 'find_client by name', 1, () =>
      runner.run<ClientRecord[]>('searches', 'find_client', { name: 'northwind' }),
    );
    check(find.outcome.result.length === 1, `find_client "northwind" returned ${find.outcome.result.length} records, expected 1.`);
    metrics.push(find.metric);

    const create = await counted(sandbox, 'create_client', 1, () =>
      runner.run<ClientRecord>('creates', 'create_client', { name: 'Bench Client', domain: 'bench.example', msa_date: '2025-03-01' }),
    );
    check(Boolean(create.outcome.result.id), 'create_client returned no id.');
    metrics.push(create.metric);

    const update = await counted(sandbox, 'update_client', 1, () =>
      runner.run<ClientRecord>('creates', 'update_client', { id: create.outcome.result.id, domain: 'bench-2.example' }),
    );
    metrics.push(update.metric);

    metrics.push(...(await projectRoundTrips(sandbox, runner, create.outcome.result.id)));
    metrics.push(...(await documentRoundTrips(sandbox, runner)));
    metrics.push(...(await crmRoundTrips(sandbox, runner)));
    metrics.push(...(await catalogRoundTrips(sandbox, runner)));

    // Past the 24-hour token lifetime: the poll gets a 401, the runner renews once and retries.
    sandbox.clock.advance(25 * 3600);
    const renewal = await counted(sandbox, 'new_client poll after expiry', 4, () => runner.run<ClientRecord[]>('triggers', 'new_client'));
    check(renewal.outcome.renewed, 'the expired token was not renewed.');
    metrics.push(renewal.metric);

    const total = metrics.filter((metric) => metric.unit.startsWith('requests')).reduce((sum, metric) => sum + metric.value, 0);
    check(
      total + setUp.requests === sandbox.log.count(),
      `the steps add up to ${total} requests and ${setUp.requests} set-up, the sandbox logged ${sandbox.log.count()}.`,
    );
    metrics.push({ name: 'round trips: whole workflow', unit: 'requests', value: total, better: 'lower', exact: true });
    return metrics;
  } finally {
    await sandbox.close();
  }
};
