/**
 * Project steps end to end: the built app, driven as Zapier drives it, against the sandbox over
 * real HTTP. Trigger semantics (one fire per change, per status, per approval, across pages) each
 * have their own test, so a broken one is named by the test that fails.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ZapRunner } from '../../bin/zap-runner.js';
import { startSandbox } from '../../sandbox/index.js';
import { buildSeedState } from '../../sandbox/seed/build-seed.js';
import { failureOf, SEED, useSandbox, connectedTo, loggedBy, turnOn, upsertsCheckedBy, writesCheckedBy } from './sandbox-harness.js';

/** The Zap editor reads a step's custom fields to show them (and Zapier to type its input) before the step runs. */
const FIELDS_SET_UP = 'GET /project-variables';

/** A project created without a rate table or payment term looks the account's defaults up first. */
const DEFAULT_LOOKUPS = ['GET /rate-tables', 'GET /payment-terms'];

const context = useSandbox();

interface ProjectRecord {
  id: string;
  project_name: string;
  status: string;
  client_id: string;
  client_name?: string;
  rate_table_id: string | null;
  payment_term_id: string | null;
  sales_executive_id?: string | null;
  creator_id?: string | null;
  msa_date: string | null;
  tag_list: string[];
  executive_summary?: string | null;
  custom_region?: string | null;
  custom_po_number?: string | null;
  updated_at: string;
  upsert_action?: string;
  project_contacts?: { id: string; name: string }[];
  project_locations?: { id: string; name: string }[];
}

/** A record of a change trigger: `id` names the version, `project_id` the project. */
interface ProjectVersion extends ProjectRecord {
  project_id: string;
}

interface ApprovalRecord {
  id: string;
  status: string;
  role: string;
  project_id: string;
}

interface DropdownRecord {
  id: string;
  label: string;
  default?: boolean;
}

interface PartRecord {
  id: string;
  name: string;
  project_id: string;
  title?: string | null;
  city?: string | null;
  custom_preferred_contact_time?: string | null;
  custom_site_code?: string | null;
}

interface ClientRecord {
  id: string;
  name: string;
  domain: string | null;
  upsert_action?: string;
}

const P = SEED.projects;

const connected = connectedTo(context);

const requestsLogged = loggedBy(context);

const writes = (): string[] => requestsLogged().filter((line) => !line.startsWith('GET '));

const write = writesCheckedBy(context);

const updateProject = async (runner: ZapRunner, input: Record<string, unknown>): Promise<ProjectRecord> =>
  (await runner.run<ProjectRecord>('creates', 'update_project', input)).result;

const setStatus = (runner: ZapRunner, id: string, status: string): Promise<ProjectRecord> => updateProject(runner, { id, status });

/**
 * Many projects for the paging tests, posted straight to the sandbox's JSON:API with the
 * connection's token (the app's create step is covered on its own); returns their IDs.
 */
const postProjects = async (runner: ZapRunner, count: number, name: string): Promise<string[]> => {
  const headers = {
    authorization: `Bearer ${runner.authData['access_token'] ?? ''}`,
    accept: 'application/vnd.api+json',
    'content-type': 'application/vnd.api+json',
  };
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const body = {
      data: {
        type: 'projects',
        attributes: { 'project-name': `${name} ${index}` },
        relationships: { client: { data: { type: 'clients', id: SEED.clients.woodgrove } } },
      },
    };
    const response = await fetch(`${context.sandbox.url}/${SEED.account.slug}/v1/projects`, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(201);
    ids.push(((await response.json()) as { data: { id: string } }).data.id);
  }
  return ids;
};

const createProject = async (runner: ZapRunner, input: Record<string, unknown>): Promise<ProjectRecord> =>
  (await runner.run<ProjectRecord>('creates', 'create_project', input)).result;

describe('e2e: project triggers', () => {
  it('new_project fires once for a project created after the Zap was turned on', async () => {
    const runner = await connected();
    await turnOn(runner, 'new_project');
    const created = await createProject(runner, { project_name: 'Contoso Zero Trust', client_id: SEED.clients.contosoHealth });
    context.sandbox.log.reset();
    const next = await runner.poll<ProjectRecord>('new_project');
    expect(next.fired.map((record) => record.id)).toEqual([created.id]);
    expect(next.fired[0]).toMatchObject({ project_name: 'Contoso Zero Trust', client_name: 'Contoso Health', status: 'building' });
    expect(context.sandbox.log.count('GET', '/projects')).toBe(1);
    expect((await runner.poll('new_project')).fired).toEqual([]);
  });

  it('updated_project fires once per change, nothing on a poll without a change, and again after another change', async () => {
    const runner = await connected();
    expect((await runner.poll('updated_project')).fired).toEqual([]);

    await updateProject(runner, { id: P.northwindSdWan, msa_date: '2025-05-01' });
    const first = await runner.poll<ProjectVersion>('updated_project');
    expect(first.fired).toHaveLength(1);
    expect(first.fired[0]).toMatchObject({ project_id: P.northwindSdWan, msa_date: '2025-05-01' });
    expect(first.fired[0]?.id).toBe(`${P.northwindSdWan}@${first.fired[0]?.updated_at ?? ''}`);

    context.sandbox.log.reset();
    const unchanged = await runner.poll<ProjectVersion>('updated_project');
    expect(unchanged.fired).toEqual([]);
    expect(unchanged.requests).toBe(1);
    expect(context.sandbox.log.count('GET', '/projects')).toBe(1);

    await updateProject(runner, { id: P.northwindSdWan, executive_summary: 'SD-WAN for 14 branches.' });
    const second = await runner.poll<ProjectVersion>('updated_project');
    expect(second.fired.map((record) => record.project_id)).toEqual([P.northwindSdWan]);
    expect(second.fired[0]?.id).not.toBe(first.fired[0]?.id);
    expect(second.fired[0]).toMatchObject({ executive_summary: 'SD-WAN for 14 branches.' });

    // Two projects changed between polls: one fire each.
    await updateProject(runner, { id: P.contosoM365, msa_date: '2025-06-01' });
    await updateProject(runner, { id: P.fabrikamFirewall, msa_date: '2025-06-02' });
    const both = await runner.poll<ProjectVersion>('updated_project');
    expect(both.fired.map((record) => record.project_id).sort()).toEqual([P.contosoM365, P.fabrikamFirewall].sort());
  });

  it('project_status_changed fires once when a project enters a chosen status, never for other statuses, and not again when it comes back', async () => {
    const runner = await connected();
    const input = { status: ['approved', 'won'] };
    const seeded = await runner.poll<ProjectVersion>('project_status_changed', input);
    expect(seeded.fired).toEqual([]);
    expect(context.sandbox.log.entries()[0]?.query['filter[status]']).toBe('approved,won');

    // technical_approval -> approved: a chosen status.
    await setStatus(runner, P.contosoM365, 'approved');
    const entered = await runner.poll<ProjectVersion>('project_status_changed', input);
    expect(entered.fired.map((record) => [record.project_id, record.status])).toEqual([[P.contosoM365, 'approved']]);
    expect(entered.requests).toBe(1);
    expect((await runner.poll('project_status_changed', input)).fired).toEqual([]);

    // building -> technical_approval, and other edits: not chosen, no fire.
    await setStatus(runner, P.northwindSdWan, 'technical_approval');
    await updateProject(runner, { id: P.fabrikamFirewall, msa_date: '2025-07-01' });
    expect((await runner.poll('project_status_changed', input)).fired).toEqual([]);

    // Back to building and approved again: documented as not firing a second time for that status.
    await setStatus(runner, P.contosoM365, 'building');
    expect((await runner.poll('project_status_changed', input)).fired).toEqual([]);
    await setStatus(runner, P.contosoM365, 'approved');
    expect((await runner.poll('project_status_changed', input)).fired).toEqual([]);

    // approved -> won: another chosen status fires once.
    await setStatus(runner, P.contosoM365, 'won');
    const won = await runner.poll<ProjectVersion>('project_status_changed', input);
    expect(won.fired.map((record) => [record.project_id, record.status])).toEqual([[P.contosoM365, 'won']]);
    expect((await runner.poll('project_status_changed', input)).fired).toEqual([]);
  });

  it('project_status_changed refuses a status that does not exist, before any request', async () => {
    const runner = await connected();
    const failure = await failureOf(runner.run('triggers', 'project_status_changed', { status: ['approved', 'signed'] }));
    expect(failure.code).toBe('ValidationError');
    expect(failure.message).toMatch(/^Status has a value that is not accepted: one or more of building, .*canceled\.$/);
    expect(context.sandbox.log.count()).toBe(0);
  });

  it('new_project_approval fires once per approval', async () => {
    const runner = await connected();
    expect((await runner.poll('new_project_approval')).fired).toEqual([]);

    await setStatus(runner, P.northwindSdWan, 'technical_approval');
    const technical = await runner.poll<ApprovalRecord>('new_project_approval');
    expect(technical.fired).toEqual([expect.objectContaining({ project_id: P.northwindSdWan, role: 'technical', status: null })]);
    expect(technical.requests).toBe(1);
    expect((await runner.poll('new_project_approval')).fired).toEqual([]);

    // Moving on closes the technical approval (a change, not a new approval) and opens a sales one.
    await setStatus(runner, P.northwindSdWan, 'sales_approval');
    const sales = await runner.poll<ApprovalRecord>('new_project_approval');
    expect(sales.fired).toEqual([expect.objectContaining({ project_id: P.northwindSdWan, role: 'sales', status: null })]);

    // A rescope closes it without a new approval; submitting again is a new approval.
    await setStatus(runner, P.northwindSdWan, 'building');
    expect((await runner.poll('new_project_approval')).fired).toEqual([]);
    await setStatus(runner, P.northwindSdWan, 'technical_approval');
    const again = await runner.poll<ApprovalRecord>('new_project_approval');
    expect(again.fired).toEqual([expect.objectContaining({ project_id: P.northwindSdWan, role: 'technical', status: null })]);
    expect(again.fired[0]?.id).not.toBe(technical.fired[0]?.id);
  });

  it('updated_project fires every change of a burst bigger than a page exactly once, in more than one request and at most 5', async () => {
    const runner = await connected();
    expect((await runner.poll('updated_project')).fired).toEqual([]);

    const created = await postProjects(runner, 110, 'Burst Project');
    const updated = [P.northwindSdWan, P.tailspinBackup];
    for (const id of updated) await updateProject(runner, { id, msa_date: '2025-08-01' });
    const changed = [...created, ...updated];
    expect(changed.length).toBeGreaterThan(100);

    context.sandbox.log.reset();
    const burst = await runner.poll<ProjectVersion>('updated_project');
    const fired = burst.fired.map((record) => record.project_id);
    expect(fired).toHaveLength(changed.length);
    expect([...fired].sort()).toEqual([...changed].sort());
    expect(burst.requests).toBeGreaterThan(1);
    expect(burst.requests).toBeLessThanOrEqual(5);
    expect(context.sandbox.log.count('GET', '/projects')).toBe(burst.requests);

    expect((await runner.poll('updated_project')).fired).toEqual([]);
  });

  it('updated_project reads one page when nothing changed in bulk, even with more than a page of projects', async () => {
    const runner = await connected();
    // More than a page of projects, last changed two hours ago.
    context.sandbox.clock.advance(-2 * 3600);
    await postProjects(runner, 105, 'Older Project');
    context.sandbox.clock.reset();
    const seeded = await runner.poll('updated_project');
    expect(seeded.fired).toEqual([]);
    expect(seeded.requests).toBe(2);

    await updateProject(runner, { id: P.fourthCoffeeWifi, msa_date: '2025-10-01' });
    context.sandbox.log.reset();
    const quiet = await runner.poll<ProjectVersion>('updated_project');
    expect(quiet.fired.map((record) => record.project_id)).toEqual([P.fourthCoffeeWifi]);
    expect(quiet.requests).toBe(1);
    expect(context.sandbox.log.count('GET', '/projects')).toBe(1);
  });
});

describe('e2e: project dropdowns', () => {
  it('lists projects by name, labelled with their client, without asking for related records', async () => {
    const runner = await connected();
    const { result, requests } = await runner.run<DropdownRecord[]>('triggers', 'list_projects');
    expect(requests).toBe(1);
    // A dropdown needs no related records: no include (the client's name is an attribute of the project).
    expect(context.sandbox.log.entries().map((entry) => entry.query['include'])).toEqual([undefined]);
    expect(result).toHaveLength(SEED.counts.projects);
    expect(result.map((record) => record.label)).toEqual([...result.map((record) => record.label)].sort());
    expect(result).toContainEqual(expect.objectContaining({ id: P.northwindSdWan, label: 'Northwind SD-WAN Rollout (Northwind)' }));
    expect(result.map((record) => record.id)).not.toContain(P.otherAccountInitech);
  });

  it.each([
    ['list_project_contacts', [{ id: '2301', label: 'Nancy Davolio (nancy.davolio@northwind.example)' }]],
    [
      'list_project_locations',
      [
        { id: '2401', label: 'Northwind HQ (Seattle)' },
        { id: '2402', label: 'Northwind Warehouse (Tacoma)' },
      ],
    ],
  ])('%s lists only the chosen project’s records, and none before a project is chosen', async (key, expected) => {
    const runner = await connected();
    const { result } = await runner.run<DropdownRecord[]>('triggers', key, { project_id: P.northwindSdWan });
    expect(result.map(({ id, label }) => ({ id, label }))).toEqual(expected);
    expect(context.sandbox.log.entries()[0]?.query['filter[project]']).toBe(P.northwindSdWan);
    expect(context.sandbox.log.entries()[0]?.query['include']).toBeUndefined();
    context.sandbox.log.reset();
    const none = await runner.run<DropdownRecord[]>('triggers', key, {});
    expect(none.result).toEqual([]);
    expect(context.sandbox.log.count()).toBe(0);
  });

  it.each([
    ['list_rate_tables', [SEED.rateTables.standard, SEED.rateTables.publicSector]],
    ['list_payment_terms', [SEED.paymentTerms.net30, SEED.paymentTerms.split]],
  ])('%s lists the account default first', async (key, ids) => {
    const runner = await connected();
    const { result, requests } = await runner.run<DropdownRecord[]>('triggers', key);
    expect(requests).toBe(1);
    expect(result.map((record) => record.id)).toEqual(ids);
    expect(result[0]?.default).toBe(true);
  });

  it.each([
    // Casey Brooks is inactive, and cannot be picked for a project.
    [
      'list_sales_executives',
      [SEED.salesExecutives.jordanEllis, SEED.salesExecutives.rileyNavarro],
      'Jordan Ellis (jordan.ellis@acme-it.example)',
      1,
    ],
    // The presales active filter is a guess the strict sandbox refuses: read once more without it.
    ['list_presales_engineers', Object.values(SEED.presalesEngineers), 'Sam Okafor (sam.okafor@acme-it.example)', 2],
    ['list_business_units', Object.values(SEED.businessUnits), 'Managed Services Division', 1],
  ])('%s lists the account’s active records, sorted by name', async (key, ids, label, expected) => {
    const runner = await connected();
    const { result, requests } = await runner.run<DropdownRecord[]>('triggers', key);
    expect(requests).toBe(expected);
    expect(result.map((record) => record.id).sort()).toEqual([...ids].sort());
    expect(result.map((record) => record.label)).toEqual([...result.map((record) => record.label)].sort());
    expect(result.map((record) => record.label)).toContain(label);
  });
});

describe('e2e: find_project', () => {
  it('finds a project by its whole name within a client, and not in another client or by part of the name', async () => {
    const runner = await connected();
    // A twin of the same name for another client must not be found.
    await createProject(runner, { project_name: 'Northwind SD-WAN Rollout', client_id: SEED.clients.northwindTraders });
    context.sandbox.log.reset();
    const found = await runner.run<ProjectRecord[]>('searches', 'find_project', {
      project_name: 'northwind sd-wan rollout',
      client_id: SEED.clients.northwind,
    });
    expect(found.requests).toBe(1);
    expect(found.result.map((record) => record.id)).toEqual([P.northwindSdWan]);
    expect(found.result[0]?.project_contacts?.map((contact) => contact.name)).toEqual(['Nancy Davolio']);
    expect(found.result[0]?.project_locations?.map((location) => location.name)).toEqual(['Northwind HQ', 'Northwind Warehouse']);

    const otherClient = await runner.run<ProjectRecord[]>('searches', 'find_project', {
      project_name: 'Northwind SD-WAN Rollout',
      client_id: SEED.clients.fabrikam,
    });
    expect(otherClient.result).toEqual([]);
    const partial = await runner.run<ProjectRecord[]>('searches', 'find_project', { project_name: 'Northwind SD-WAN' });
    expect(partial.result).toEqual([]);
  });

  it('finds a project by ID in one request, and nothing for an unknown ID', async () => {
    const runner = await connected();
    const found = await runner.run<ProjectRecord[]>('searches', 'find_project', { id: P.fabrikamFirewall });
    expect(found.requests).toBe(1);
    expect(found.result).toEqual([expect.objectContaining({ id: P.fabrikamFirewall, project_name: 'Fabrikam Managed Firewall' })]);
    context.sandbox.log.reset();
    const missing = await runner.run<ProjectRecord[]>('searches', 'find_project', { id: '999999' });
    expect(missing.result).toEqual([]);
    expect(context.sandbox.log.entries().map((entry) => entry.status)).toEqual([404]);
    // Another account's project is as unknown as a made-up ID.
    const foreign = await runner.run<ProjectRecord[]>('searches', 'find_project', { id: P.otherAccountInitech });
    expect(foreign.result).toEqual([]);
  });
});

describe('e2e: project writes', () => {
  it('creates a project with a custom field and tags, and the account’s default rate table and payment term', async () => {
    const runner = await connected();
    const created = await runner.run<ProjectRecord>('creates', 'create_project', {
      project_name: 'Adventure Works Cloud Backup',
      client_id: SEED.clients.adventureWorks,
      sales_executive_id: SEED.salesExecutives.rileyNavarro,
      tag_list: ['backup', 'cloud'],
      custom_region: 'EMEA',
    });
    expect(created.result).toMatchObject({
      project_name: 'Adventure Works Cloud Backup',
      status: 'building',
      client_id: SEED.clients.adventureWorks,
      sales_executive_id: SEED.salesExecutives.rileyNavarro,
      rate_table_id: SEED.rateTables.standard,
      payment_term_id: SEED.paymentTerms.net30,
      tag_list: ['backup', 'cloud'],
      custom_region: 'EMEA',
      creator_id: SEED.serviceUser.userId,
    });
    // The Zap's fields are set up (the editor shows the custom fields); the step reads the
    // definitions to check the value, then one POST.
    expect(requestsLogged()).toEqual([FIELDS_SET_UP, 'GET /project-variables', ...DEFAULT_LOOKUPS, 'POST /projects']);

    const [readBack] = (await runner.run<ProjectRecord[]>('searches', 'find_project', { id: created.result.id })).result;
    expect(readBack).toMatchObject({ custom_region: 'EMEA', tag_list: ['backup', 'cloud'], rate_table_id: SEED.rateTables.standard });
  });

  it('keeps a rate table and payment term that are given', async () => {
    const runner = await connected();
    const created = await createProject(runner, {
      project_name: 'Woodgrove Branch Refresh',
      client_id: SEED.clients.woodgrove,
      rate_table_id: SEED.rateTables.publicSector,
      payment_term_id: SEED.paymentTerms.split,
    });
    expect(created).toMatchObject({ rate_table_id: SEED.rateTables.publicSector, payment_term_id: SEED.paymentTerms.split });
    expect(writes()).toEqual(['POST /projects']);
  });

  it('updates only the fields filled in', async () => {
    const runner = await connected();
    const input = { id: P.northwindSdWan, msa_date: '2025-09-30', tag_list: '' };
    const updated = await write<ProjectRecord>(runner, 'update_project', input, [`PATCH /projects/${P.northwindSdWan}`]);
    expect(updated).toMatchObject({
      id: P.northwindSdWan,
      msa_date: '2025-09-30',
      project_name: 'Northwind SD-WAN Rollout',
      status: 'building',
      tag_list: ['network', 'sd-wan'],
      custom_region: 'North America',
      rate_table_id: SEED.rateTables.standard,
      sales_executive_id: SEED.salesExecutives.jordanEllis,
    });
    // A custom field alone is merged by name, the other values stay.
    const poNumberOnly = await updateProject(runner, { id: P.northwindSdWan, custom_po_number: 'PO-7731' });
    expect(poNumberOnly).toMatchObject({ custom_po_number: 'PO-7731', custom_region: 'North America', msa_date: '2025-09-30' });
  });

  it('explains a refused status move with the moves ScopeStack allows', async () => {
    const runner = await connected();
    const failure = await failureOf(runner.run('creates', 'update_project', { id: P.northwindSdWan, status: 'won' }));
    expect(failure.code).toBe('ValidationError');
    expect(failure.message).toMatch(/Status cannot change from building to won\./);
    expect(failure.message).toMatch(/forward from Building through the approval steps to Approved, then to Won or Lost/);
    expect(failure.message).toMatch(/back to Building to rescope, or be canceled; Won, Lost and Canceled are final/);
    expect(failure.message).not.toMatch(/\/data\/attributes|"code"|\b100\b/);
    expect(writes()).toEqual([`PATCH /projects/${P.northwindSdWan}`]);
    const [unchanged] = (await runner.run<ProjectRecord[]>('searches', 'find_project', { id: P.northwindSdWan })).result;
    expect(unchanged?.status).toBe('building');
  });

  it('upsert_project creates, then updates the same project: active and archived projects read, the default lookups, then the write', async () => {
    const runner = await connected();
    const input = { project_name: 'Proseware Lab Network', client_id: SEED.clients.prosewareLabs };
    // The lookup among active projects, then archived ones (one value per read, as public clients
    // ask), the account's default rate table and payment term (the strict sandbox, like public
    // clients, does not fill them in), then the POST.
    const first = await write<ProjectRecord>(runner, 'upsert_project', { ...input, msa_date: '2025-03-01' }, [
      'GET /projects',
      'GET /projects',
      ...DEFAULT_LOOKUPS,
      'POST /projects',
    ]);
    expect(first).toMatchObject({ upsert_action: 'created', project_name: 'Proseware Lab Network', msa_date: '2025-03-01' });

    const second = await write<ProjectRecord>(
      runner,
      'upsert_project',
      { ...input, project_name: 'PROSEWARE LAB NETWORK ', executive_summary: 'Rewire the lab.' },
      ['GET /projects', `PATCH /projects/${first.id}`],
    );
    expect(second).toMatchObject({ upsert_action: 'updated', id: first.id, msa_date: '2025-03-01' });
    expect(second.executive_summary).toBe('Rewire the lab.');

    // The same name for another client is another project.
    context.sandbox.log.reset();
    const elsewhere = await runner.run<ProjectRecord>('creates', 'upsert_project', { ...input, client_id: SEED.clients.fabrikam });
    expect(elsewhere.result.upsert_action).toBe('created');
    expect(elsewhere.result.id).not.toBe(first.id);
    expect(writes()).toEqual(['POST /projects']);
  });

  it('upsert_client creates, then updates the same client, two requests each', async () => {
    const { created, updated } = await upsertsCheckedBy(context)<ClientRecord>(await connected(), 'upsert_client', '/clients', {
      create: { name: 'Graphic Design Institute' },
      update: { name: 'graphic design institute', domain: 'gdi.example' },
    });
    expect(created.name).toBe('Graphic Design Institute');
    expect(updated.domain).toBe('gdi.example');
  });

  it('creates and updates a project contact', async () => {
    const runner = await connected();
    const created = await runner.run<PartRecord>('creates', 'create_project_contact', {
      project_id: P.contosoM365,
      name: 'Molly Dempsey',
      title: 'CIO',
      custom_preferred_contact_time: 'Mornings',
    });
    expect(created.result).toMatchObject({
      name: 'Molly Dempsey',
      title: 'CIO',
      project_id: P.contosoM365,
      custom_preferred_contact_time: 'Mornings',
    });
    expect(writes()).toEqual(['POST /project-contacts']);

    const updated = await write<PartRecord>(runner, 'update_project_contact', { id: created.result.id, title: 'CTO' }, [
      `PATCH /project-contacts/${created.result.id}`,
    ]);
    expect(updated).toMatchObject({ id: created.result.id, name: 'Molly Dempsey', title: 'CTO', project_id: P.contosoM365 });
    expect(updated.custom_preferred_contact_time).toBe('Mornings');
  });

  it('creates and updates a project location, and explains a duplicate location name', async () => {
    const runner = await connected();
    const address = { street: '1 River Rd', city: 'Spokane', state: 'WA', postal_code: '99201' };
    const created = await runner.run<PartRecord>('creates', 'create_project_location', {
      project_id: P.northwindSdWan,
      name: 'Northwind Branch 7',
      ...address,
      custom_site_code: 'SPO-7',
    });
    expect(created.result).toMatchObject({
      name: 'Northwind Branch 7',
      city: 'Spokane',
      project_id: P.northwindSdWan,
      custom_site_code: 'SPO-7',
    });

    const updated = await runner.run<PartRecord>('creates', 'update_project_location', { id: created.result.id, city: 'Yakima' });
    expect(updated.result).toMatchObject({ id: created.result.id, name: 'Northwind Branch 7', city: 'Yakima', custom_site_code: 'SPO-7' });

    context.sandbox.log.reset();
    const duplicate = await failureOf(
      runner.run('creates', 'create_project_location', { project_id: P.northwindSdWan, name: 'Northwind HQ', ...address }),
    );
    expect(duplicate.code).toBe('ValidationError');
    expect(duplicate.message).toMatch(/Name has already been taken/);
    expect(duplicate.message).toMatch(/Location names are unique within a project/);
    expect(duplicate.message).toMatch(/Update Project Location/);
    expect(writes()).toEqual(['POST /project-locations']);

    const renamed = await failureOf(runner.run('creates', 'update_project_location', { id: created.result.id, name: 'Northwind HQ' }));
    expect(renamed.message).toMatch(/Name has already been taken.*Location names are unique within a project/);

    // The same name on another project is fine.
    const otherProject = await runner.run<PartRecord>('creates', 'create_project_location', {
      project_id: P.contosoM365,
      name: 'Northwind HQ',
      ...address,
    });
    expect(otherProject.result).toMatchObject({ name: 'Northwind HQ', project_id: P.contosoM365 });
  });
});

describe('e2e: custom field values that do not fit', () => {
  it.each([
    ['create_project', { project_name: 'Fabrikam SOC', client_id: SEED.clients.fabrikam }],
    ['update_project', { id: P.fabrikamFirewall }],
    ['upsert_project', { project_name: 'Fabrikam SOC', client_id: SEED.clients.fabrikam }],
  ])('%s refuses a select value that is not an option, before any write', async (key, input) => {
    const runner = await connected();
    const failure = await failureOf(runner.run('creates', key, { ...input, custom_region: 'Antarctica' }));
    expect(failure.code).toBe('ValidationError');
    expect(failure.message).toBe('Nothing was sent to ScopeStack: Region must be one of North America, EMEA, APAC (got "Antarctica").');
    expect(writes()).toEqual([]);
    expect(requestsLogged()).toEqual([FIELDS_SET_UP, 'GET /project-variables']);
  });

  it('refuses a number custom field of "abc", before any write', async () => {
    // The seed has no number field for projects: a second sandbox starts from the seed plus one.
    const state = buildSeedState();
    const definitions = state.records['project-variables'] ?? [];
    definitions.push({
      id: '3999',
      type: 'project-variables',
      accountId: SEED.account.id,
      attributes: {
        name: 'budget_hours',
        label: 'Budget Hours',
        'variable-type': 'number',
        'variable-context': 'project',
        position: 4,
        required: false,
        minimum: 0,
        maximum: 1000,
        'select-options': [],
        active: true,
        'created-at': '2025-01-06T15:00:00.000Z',
        'updated-at': '2025-01-06T15:00:00.000Z',
      },
      links: { account: String(SEED.account.id) },
      internal: { uuid: '00000000-7a11-4c0d-9000-000000003999' },
    });
    state.sequences['project-variables'] = 3999;
    const directory = mkdtempSync(join(tmpdir(), 'projects-e2e-'));
    const dataFile = join(directory, 'sandbox-data.json');
    writeFileSync(dataFile, JSON.stringify(state));
    const other = await startSandbox({ port: 0, dataFile });
    process.env['SCOPESTACK_AUTH_URL'] = other.url;
    process.env['SCOPESTACK_API_URL'] = other.url;
    try {
      const runner = context.runner();
      await runner.connect();
      other.log.reset();
      const paths = () => other.log.entries().map((entry) => `${entry.method} ${entry.path.replace(`/${SEED.account.slug}/v1`, '')}`);

      const created = await failureOf(
        runner.run('creates', 'create_project', {
          project_name: 'Fabrikam SOC',
          client_id: SEED.clients.fabrikam,
          custom_budget_hours: 'abc',
        }),
      );
      expect(created.code).toBe('ValidationError');
      expect(created.message).toBe('Nothing was sent to ScopeStack: Budget Hours must be a number, for example 1500.00 (got "abc").');
      expect(paths()).toEqual([FIELDS_SET_UP, 'GET /project-variables']);

      other.log.reset();
      const updated = await failureOf(runner.run('creates', 'update_project', { id: P.fabrikamFirewall, custom_budget_hours: 'abc' }));
      expect(updated.message).toMatch(/Budget Hours must be a number/);
      expect(paths()).toEqual([FIELDS_SET_UP, 'GET /project-variables']);

      // A number that fits is written, which shows the field is really there.
      const fits = await runner.run<{ custom_budget_hours?: unknown }>('creates', 'update_project', {
        id: P.fabrikamFirewall,
        custom_budget_hours: '120',
      });
      expect(Number(fits.result.custom_budget_hours)).toBe(120);
    } finally {
      process.env['SCOPESTACK_AUTH_URL'] = context.sandbox.url;
      process.env['SCOPESTACK_API_URL'] = context.sandbox.url;
      await other.close();
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
