/**
 * CRM opportunities, the people a project names (sales executives, presales engineers, users),
 * vendors and the free-form API request, end to end: the built app driven as Zapier drives it,
 * against the sandbox over real HTTP. Requests are counted in the sandbox's log.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BuiltApp } from '../../bin/built-app.js';
import type { ZapRunner } from '../../bin/zap-runner.js';
import { failureOf, SEED, useSandbox, connectedTo, loggedBy } from './sandbox-harness.js';

const context = useSandbox();

const P = SEED.projects;
const OPP = SEED.crmOpportunities;

interface OpportunityRecord {
  id: string;
  opportunity_id: string;
  name: string;
  display_name: string;
  stage: string | null;
  amount: string | null;
  is_closed: boolean;
  projects_ids: string[];
  projects?: { id: string; project_name: string }[];
  upsert_action?: string;
}

interface ProjectRecord {
  id: string;
  project_name: string;
  msa_date: string | null;
  updated_at: string;
  crm_opportunity_id: string | null;
  crm_opportunity_name?: string | null;
}

/** A record of the link trigger: `id` names the version, `project_id` the project. */
interface ProjectLinkVersion extends ProjectRecord {
  project_id: string;
}

interface PersonRecord {
  id: string;
  name: string;
  email: string;
  title?: string | null;
  phone?: string | null;
  active?: boolean;
  upsert_action?: string;
}

interface VendorRecord {
  id: string;
  name: string;
  active: boolean;
  city: string | null;
  state: string | null;
  upsert_action?: string;
}

interface ApiAnswer {
  status: number;
  data: Record<string, unknown>[];
  included: Record<string, unknown>[];
  links: Record<string, unknown>;
  meta: string;
  document: string;
}

const connected = connectedTo(context);

const requestsLogged = loggedBy(context);

const writes = (): string[] => requestsLogged().filter((line) => !line.startsWith('GET '));

const ids = (records: readonly { id: string }[]): string[] => records.map((record) => record.id);

const findProject = async (runner: ZapRunner, id: string): Promise<ProjectRecord | undefined> =>
  (await runner.run<ProjectRecord[]>('searches', 'find_project', { id })).result[0];

const findOpportunity = async (runner: ZapRunner, input: Record<string, unknown>): Promise<OpportunityRecord[]> =>
  (await runner.run<OpportunityRecord[]>('searches', 'find_crm_opportunity', input)).result;

const createOpportunity = async (runner: ZapRunner, input: Record<string, unknown>): Promise<OpportunityRecord> =>
  (await runner.run<OpportunityRecord>('creates', 'create_crm_opportunity', input)).result;

const apiRequest = async (runner: ZapRunner, input: Record<string, unknown>) => runner.run<ApiAnswer>('creates', 'api_request', input);

/** The display name ScopeStack gives an opportunity: "Account / Name / CRM ID". */
const seededName = {
  [OPP.northwindSdWan]: 'Northwind / SD-WAN Rollout / OPP-1001',
  [OPP.contosoM365]: 'Contoso Health / Microsoft 365 Migration / OPP-1002',
} as const;

describe('e2e: CRM opportunities', () => {
  it('new_crm_opportunity fires once for each opportunity created after the Zap was turned on', async () => {
    const runner = await connected();
    const seeded = await runner.poll<OpportunityRecord>('new_crm_opportunity');
    expect(seeded.fired).toEqual([]);
    expect(seeded.requests).toBe(1);

    const first = await createOpportunity(runner, { opportunity_id: 'OPP-2001', name: 'Branch Firewalls', account_name: 'Fabrikam' });
    const second = await createOpportunity(runner, { opportunity_id: 'OPP-2002', name: 'Wi-Fi Refresh', amount: '12000' });
    context.sandbox.log.reset();
    const next = await runner.poll<OpportunityRecord>('new_crm_opportunity');
    expect(next.requests).toBe(1);
    expect(context.sandbox.log.count('GET', '/crm-opportunities')).toBe(1);
    expect(ids(next.fired).sort()).toEqual([first.id, second.id].sort());
    expect(next.fired.find((record) => record.id === first.id)).toMatchObject({
      opportunity_id: 'OPP-2001',
      name: 'Branch Firewalls',
      display_name: 'Fabrikam / Branch Firewalls / OPP-2001',
      is_closed: false,
    });

    // A change to an opportunity is not a new one, and nothing fires twice.
    await runner.run('creates', 'update_crm_opportunity', { id: first.id, stage: 'Negotiation' });
    expect((await runner.poll('new_crm_opportunity')).fired).toEqual([]);
    const third = await createOpportunity(runner, { opportunity_id: 'OPP-2003', name: 'Cabling' });
    expect(ids((await runner.poll<OpportunityRecord>('new_crm_opportunity')).fired)).toEqual([third.id]);
  });

  it('find_crm_opportunity finds by the exact CRM opportunity ID, by whole name and by ID, closed ones too', async () => {
    const runner = await connected();
    const byCrmId = await runner.run<OpportunityRecord[]>('searches', 'find_crm_opportunity', { opportunity_id: 'OPP-1001' });
    expect(byCrmId.requests).toBe(1);
    expect(ids(byCrmId.result)).toEqual([OPP.northwindSdWan]);
    expect(byCrmId.result[0]).toMatchObject({ name: 'SD-WAN Rollout', projects_ids: [P.northwindSdWan] });
    // Exact: a part of the CRM ID is not a match.
    expect(await findOpportunity(runner, { opportunity_id: 'OPP-100' })).toEqual([]);

    const byName = await findOpportunity(runner, { name: 'microsoft 365 migration' });
    expect(ids(byName)).toEqual([OPP.contosoM365]);
    expect(await findOpportunity(runner, { name: 'Microsoft 365' })).toEqual([]);

    // A closed (lost) deal is found by each of the three.
    const closedByCrmId = await findOpportunity(runner, { opportunity_id: 'OPP-0999' });
    expect(closedByCrmId).toEqual([expect.objectContaining({ id: OPP.tailspinClosed, is_closed: true, stage: 'Closed Lost' })]);
    expect(ids(await findOpportunity(runner, { name: 'Backup Assessment' }))).toEqual([OPP.tailspinClosed]);
    context.sandbox.log.reset();
    const closedById = await runner.run<OpportunityRecord[]>('searches', 'find_crm_opportunity', { id: OPP.tailspinClosed });
    expect(closedById.requests).toBe(1);
    expect(requestsLogged()).toEqual([`GET /crm-opportunities/${OPP.tailspinClosed}`]);
    expect(closedById.result).toEqual([expect.objectContaining({ id: OPP.tailspinClosed, opportunity_id: 'OPP-0999', is_closed: true })]);

    expect(await findOpportunity(runner, { id: '999999' })).toEqual([]);
    expect(await findOpportunity(runner, { opportunity_id: 'OPP-4040' })).toEqual([]);
  });

  it('create_crm_opportunity links the projects named, which then show the opportunity', async () => {
    const runner = await connected();
    const created = await runner.run<OpportunityRecord>('creates', 'create_crm_opportunity', {
      opportunity_id: 'OPP-3001',
      name: 'Managed Firewall Renewal',
      account_name: 'Fabrikam Manufacturing',
      amount: '18500',
      stage: 'Proposal',
      projects_ids: [P.fabrikamFirewall, P.fourthCoffeeWifi],
    });
    expect(created.requests).toBe(1);
    expect(writes()).toEqual(['POST /crm-opportunities']);
    expect(created.result).toMatchObject({
      opportunity_id: 'OPP-3001',
      display_name: 'Fabrikam Manufacturing / Managed Firewall Renewal / OPP-3001',
      amount: '18500.00',
      stage: 'Proposal',
    });
    expect([...created.result.projects_ids].sort()).toEqual([P.fabrikamFirewall, P.fourthCoffeeWifi].sort());

    for (const id of [P.fabrikamFirewall, P.fourthCoffeeWifi]) {
      expect(await findProject(runner, id)).toMatchObject({
        crm_opportunity_id: created.result.id,
        crm_opportunity_name: 'Fabrikam Manufacturing / Managed Firewall Renewal / OPP-3001',
      });
    }
  });

  it('update_crm_opportunity changes only what is filled in, and projects_ids replaces the linked projects', async () => {
    const runner = await connected();
    const updated = await runner.run<OpportunityRecord>('creates', 'update_crm_opportunity', { id: OPP.contosoM365, stage: 'Closed Won' });
    expect(updated.requests).toBe(1);
    expect(requestsLogged()).toEqual([`PATCH /crm-opportunities/${OPP.contosoM365}`]);
    // The linked projects are kept when Projects is left empty.
    expect(updated.result).toMatchObject({ stage: 'Closed Won', name: 'Microsoft 365 Migration', projects_ids: [P.contosoM365] });

    const relinked = await runner.run<OpportunityRecord>('creates', 'update_crm_opportunity', {
      id: OPP.contosoM365,
      projects_ids: [P.fabrikamFirewall],
    });
    expect(relinked.result.projects_ids).toEqual([P.fabrikamFirewall]);
    expect(await findProject(runner, P.fabrikamFirewall)).toMatchObject({
      crm_opportunity_id: OPP.contosoM365,
      crm_opportunity_name: seededName[OPP.contosoM365],
    });
    expect((await findProject(runner, P.contosoM365))?.crm_opportunity_id).toBeNull();
  });

  it('upsert_crm_opportunity creates (open, then closed ones read), then updates the same opportunity by CRM ID (found among the open ones)', async () => {
    const runner = await connected();
    const first = await runner.run<OpportunityRecord>('creates', 'upsert_crm_opportunity', {
      opportunity_id: 'OPP-5001',
      name: 'SOC Onboarding',
      stage: 'Qualification',
    });
    expect(first.result).toMatchObject({ upsert_action: 'created', opportunity_id: 'OPP-5001', stage: 'Qualification' });
    expect(first.requests).toBe(3);
    expect(requestsLogged()).toEqual(['GET /crm-opportunities', 'GET /crm-opportunities', 'POST /crm-opportunities']);
    expect(context.sandbox.log.entries().map((entry) => entry.query['filter[is-closed]'])).toEqual(['false', 'true', undefined]);

    context.sandbox.log.reset();
    const second = await runner.run<OpportunityRecord>('creates', 'upsert_crm_opportunity', {
      opportunity_id: 'OPP-5001',
      name: 'SOC Onboarding',
      stage: 'Proposal',
      projects_ids: [P.northwindTradersAudit],
    });
    expect(second.result).toMatchObject({ upsert_action: 'updated', id: first.result.id, stage: 'Proposal' });
    expect(second.result.projects_ids).toEqual([P.northwindTradersAudit]);
    expect(second.requests).toBe(2);
    expect(requestsLogged()).toEqual(['GET /crm-opportunities', `PATCH /crm-opportunities/${first.result.id}`]);
    expect(await findProject(runner, P.northwindTradersAudit)).toMatchObject({
      crm_opportunity_id: first.result.id,
      crm_opportunity_name: 'SOC Onboarding / OPP-5001',
    });
    expect(context.sandbox.log.count('POST', '/crm-opportunities')).toBe(0);
  });

  it('delete_crm_opportunity deletes it and unlinks its projects; deleting it again says there is none and changes nothing', async () => {
    const runner = await connected();
    const deleted = await runner.run<{ id: string; deleted: boolean }>('creates', 'delete_crm_opportunity', { id: OPP.northwindSdWan });
    expect(deleted.result).toEqual({ id: OPP.northwindSdWan, deleted: true });
    expect(deleted.requests).toBe(1);
    expect(requestsLogged()).toEqual([`DELETE /crm-opportunities/${OPP.northwindSdWan}`]);
    expect(await findOpportunity(runner, { id: OPP.northwindSdWan })).toEqual([]);
    expect(await findOpportunity(runner, { opportunity_id: 'OPP-1001' })).toEqual([]);
    expect(await findProject(runner, P.northwindSdWan)).toMatchObject({ crm_opportunity_id: null });

    const projectBefore = await findProject(runner, P.northwindSdWan);
    context.sandbox.log.reset();
    const again = await failureOf(runner.run('creates', 'delete_crm_opportunity', { id: OPP.northwindSdWan }));
    expect(again.code).toBe('NotFoundError');
    expect(again.message).toBe(
      `There is no CRM opportunity ${OPP.northwindSdWan} in this ScopeStack account (it may have been deleted already): nothing was deleted.`,
    );
    expect(context.sandbox.log.entries().map((entry) => `${entry.method} ${String(entry.status)}`)).toEqual(['DELETE 404']);
    // Nothing else changed: the other opportunities and the project are as they were.
    const listed = await apiRequest(runner, { method: 'GET', path: '/crm-opportunities' });
    expect(ids(listed.result.data as { id: string }[])).toEqual([OPP.contosoM365, OPP.tailspinClosed]);
    expect(await findProject(runner, P.northwindSdWan)).toEqual(projectBefore);
  });

  it('offers Find or Create CRM Opportunity, which creates once when run twice', async () => {
    const app = context.App as BuiltApp;
    expect(app.searchOrCreates?.['find_crm_opportunity']).toMatchObject({
      key: 'find_crm_opportunity',
      search: 'find_crm_opportunity',
      create: 'create_crm_opportunity',
      display: { label: 'Find or Create CRM Opportunity' },
    });
    const runner = await connected();
    const findOrCreate = async () =>
      (await findOpportunity(runner, { opportunity_id: 'OPP-7001' }))[0] ??
      (await createOpportunity(runner, { opportunity_id: 'OPP-7001', name: 'Print Fleet' }));
    const first = await findOrCreate();
    const second = await findOrCreate();
    expect(second.id).toBe(first.id);
    expect(context.sandbox.log.count('POST', '/crm-opportunities')).toBe(1);
  });
});

describe('e2e: project_crm_opportunity_changed', () => {
  const TRIGGER = 'project_crm_opportunity_changed';
  // Only links and moves fire: ScopeStack does not say when a link was removed, and a project
  // without an opportunity looks the same whether it was just unlinked or never linked.

  it('fires once when a project is linked with update_project and once when moved, not for other edits nor the unlink', async () => {
    const runner = await connected();
    const seeded = await runner.poll<ProjectLinkVersion>(TRIGGER);
    expect(seeded.fired).toEqual([]);
    expect(seeded.requests).toBe(1);

    // Linked (the project had no opportunity when the Zap was turned on).
    await runner.run('creates', 'update_project', { id: P.fabrikamFirewall, crm_opportunity_id: OPP.contosoM365 });
    context.sandbox.log.reset();
    const linked = await runner.poll<ProjectLinkVersion>(TRIGGER);
    expect(linked.requests).toBe(1);
    expect(context.sandbox.log.count('GET', '/projects')).toBe(1);
    expect(linked.fired).toEqual([
      expect.objectContaining({
        project_id: P.fabrikamFirewall,
        crm_opportunity_id: OPP.contosoM365,
        crm_opportunity_name: seededName[OPP.contosoM365],
      }),
    ]);
    expect((await runner.poll(TRIGGER)).fired).toEqual([]);

    // An edit that does not touch the link fires nothing.
    await runner.run('creates', 'update_project', { id: P.fabrikamFirewall, msa_date: '2025-10-01' });
    await runner.run('creates', 'update_project', { id: P.northwindSdWan, executive_summary: 'Rescoped.' });
    expect((await runner.poll(TRIGGER)).fired).toEqual([]);

    // Moved to another opportunity.
    await runner.run('creates', 'update_project', { id: P.fabrikamFirewall, crm_opportunity_id: OPP.northwindSdWan });
    const moved = await runner.poll<ProjectLinkVersion>(TRIGGER);
    expect(moved.fired).toEqual([expect.objectContaining({ project_id: P.fabrikamFirewall, crm_opportunity_id: OPP.northwindSdWan })]);
    expect((await runner.poll(TRIGGER)).fired).toEqual([]);

    // Unlinked by clearing the relationship (update_project cannot send "none", the API request can).
    const cleared = await apiRequest(runner, {
      method: 'PATCH',
      path: `/projects/${P.fabrikamFirewall}`,
      body: JSON.stringify({
        data: { type: 'projects', id: P.fabrikamFirewall, relationships: { 'crm-opportunity': { data: null } } },
      }),
    });
    expect(cleared.result.status).toBe(200);
    expect(cleared.result.data[0]).toMatchObject({ id: P.fabrikamFirewall, crm_opportunity_id: null });
    // An unlink never fires: a project without an opportunity is not returned at all.
    const unlinked = await runner.poll<ProjectLinkVersion>(TRIGGER);
    expect(unlinked.fired).toEqual([]);
    expect((await findProject(runner, P.fabrikamFirewall))?.crm_opportunity_id).toBeNull();
  });

  it('does not fire again when a project moves back to an opportunity it had (documented limit)', async () => {
    const runner = await connected();
    await runner.poll(TRIGGER);
    await runner.run('creates', 'update_project', { id: P.contosoM365, crm_opportunity_id: OPP.northwindSdWan });
    expect((await runner.poll<ProjectLinkVersion>(TRIGGER)).fired).toEqual([
      expect.objectContaining({ project_id: P.contosoM365, crm_opportunity_id: OPP.northwindSdWan }),
    ]);
    await runner.run('creates', 'update_project', { id: P.contosoM365, crm_opportunity_id: OPP.contosoM365 });
    expect((await runner.poll<ProjectLinkVersion>(TRIGGER)).fired).toEqual([]);
  });

  it('fires nothing when a project linked at the start is unlinked by deleting its opportunity', async () => {
    const runner = await connected();
    await runner.poll(TRIGGER);
    await runner.run('creates', 'delete_crm_opportunity', { id: OPP.northwindSdWan });
    // The project was unlinked (it has no opportunity now), yet nothing fires, now or later.
    expect((await findProject(runner, P.northwindSdWan))?.crm_opportunity_id).toBeNull();
    expect((await runner.poll<ProjectLinkVersion>(TRIGGER)).fired).toEqual([]);
    expect((await runner.poll(TRIGGER)).fired).toEqual([]);
  });

  it('fires nothing for a new project without an opportunity, and once when it is then linked', async () => {
    const runner = await connected();
    await runner.poll(TRIGGER);
    const created = await runner.run<ProjectRecord>('creates', 'create_project', {
      client_id: SEED.clients.fourthCoffee,
      project_name: 'Point of Sale Refresh',
    });
    expect(created.result.crm_opportunity_id ?? null).toBeNull();
    expect((await runner.poll<ProjectLinkVersion>(TRIGGER)).fired).toEqual([]);

    await runner.run('creates', 'update_project', { id: created.result.id, crm_opportunity_id: OPP.contosoM365 });
    expect((await runner.poll<ProjectLinkVersion>(TRIGGER)).fired).toEqual([
      expect.objectContaining({
        id: `${created.result.id}@${OPP.contosoM365}`,
        project_id: created.result.id,
        crm_opportunity_id: OPP.contosoM365,
      }),
    ]);
  });

  it("fires once when a project is linked through the opportunity's projects, and not when the opportunity's deletion unlinks it", async () => {
    const runner = await connected();
    await runner.poll(TRIGGER);
    const before = await findProject(runner, P.fourthCoffeeWifi);

    const opportunity = await createOpportunity(runner, {
      opportunity_id: 'OPP-6001',
      name: 'Cafe Wi-Fi',
      account_name: 'Fourth Coffee',
      projects_ids: [P.fourthCoffeeWifi],
    });
    // Linking from the opportunity's side is a change of the project too: its updated-at moves.
    const after = await findProject(runner, P.fourthCoffeeWifi);
    expect(after?.crm_opportunity_id).toBe(opportunity.id);
    expect(Date.parse(after?.updated_at ?? '')).toBeGreaterThan(Date.parse(before?.updated_at ?? ''));
    const linked = await runner.poll<ProjectLinkVersion>(TRIGGER);
    expect(linked.fired).toEqual([
      expect.objectContaining({
        project_id: P.fourthCoffeeWifi,
        crm_opportunity_id: opportunity.id,
        crm_opportunity_name: 'Fourth Coffee / Cafe Wi-Fi / OPP-6001',
      }),
    ]);
    expect((await runner.poll(TRIGGER)).fired).toEqual([]);

    // Adding a second project to the same opportunity fires for that project only.
    await runner.run('creates', 'update_crm_opportunity', { id: opportunity.id, projects_ids: [P.fourthCoffeeWifi, P.fabrikamFirewall] });
    const added = await runner.poll<ProjectLinkVersion>(TRIGGER);
    expect(added.fired).toEqual([expect.objectContaining({ project_id: P.fabrikamFirewall, crm_opportunity_id: opportunity.id })]);

    // Deleting the opportunity unlinks both projects: an unlink never fires.
    await runner.run('creates', 'delete_crm_opportunity', { id: opportunity.id });
    expect((await runner.poll<ProjectLinkVersion>(TRIGGER)).fired).toEqual([]);
  });
});

describe('e2e: sales executives, presales engineers and users', () => {
  it.each([
    [
      'find_sales_executive',
      'jordan ellis',
      'RILEY.NAVARRO@ACME-IT.EXAMPLE',
      SEED.salesExecutives.jordanEllis,
      SEED.salesExecutives.rileyNavarro,
      [1, 1],
    ],
    // Presales engineers' active and name filters and users' name filter are guesses the strict
    // sandbox refuses: the search reads once more without them and filters the page itself.
    [
      'find_presales_engineer',
      'SAM OKAFOR',
      'Alex.Kim@Acme-IT.example',
      SEED.presalesEngineers.samOkafor,
      SEED.presalesEngineers.alexKim,
      [2, 2],
    ],
    ['find_user', 'dana whitfield', 'MARCUS.BELL@acme-it.example', SEED.passwordUser.userId, '504', [2, 1]],
  ])(
    '%s finds by whole name and by email in another case',
    async (key, name, email, byNameId, byEmailId, [nameRequests, emailRequests]) => {
      const runner = await connected();
      const byName = await runner.run<PersonRecord[]>('searches', key, { name });
      expect(byName.requests).toBe(nameRequests);
      expect(ids(byName.result)).toEqual([byNameId]);
      expect(byName.result[0]?.name.toLowerCase()).toBe(name.toLowerCase());

      const byEmail = await runner.run<PersonRecord[]>('searches', key, { email });
      expect(byEmail.requests).toBe(emailRequests);
      expect(ids(byEmail.result)).toEqual([byEmailId]);
      expect(byEmail.result[0]?.email).toBe(email.toLowerCase());

      // A part of a name or an email is not a match.
      expect((await runner.run<PersonRecord[]>('searches', key, { name: name.split(' ')[0] })).result).toEqual([]);
      expect((await runner.run<PersonRecord[]>('searches', key, { email: email.slice(1) })).result).toEqual([]);
    },
  );

  it.each([
    ['find_sales_executive', '/sales-executives'],
    ['find_presales_engineer', '/presales-engineers'],
  ])('%s searches among inactive people too: filter[active]=true,false', async (key, path) => {
    const runner = await connected();
    await runner.run('searches', key, { name: 'Nobody Example' });
    const searches = context.sandbox.log.entries().filter((entry) => entry.method === 'GET' && entry.path.endsWith(path));
    expect(searches.map((entry) => entry.query['filter[active]'])).toEqual(['true,false']);
  });

  it('finds an inactive sales executive, and upsert_sales_executive updates them instead of creating a twin', async () => {
    const runner = await connected();
    const found = await runner.run<PersonRecord[]>('searches', 'find_sales_executive', { name: 'Casey Brooks' });
    expect(found.result).toEqual([expect.objectContaining({ id: SEED.salesExecutives.caseyBrooks, active: false })]);

    context.sandbox.log.reset();
    const upserted = await runner.run<PersonRecord>('creates', 'upsert_sales_executive', {
      name: 'Casey Brooks',
      email: 'casey.brooks@acme-it.example',
      title: 'Senior Account Executive',
    });
    expect(upserted.result).toMatchObject({ upsert_action: 'updated', id: SEED.salesExecutives.caseyBrooks, active: false });
    expect(requestsLogged()).toEqual(['GET /sales-executives', `PATCH /sales-executives/${SEED.salesExecutives.caseyBrooks}`]);
  });

  it('creates and updates a sales executive', async () => {
    const runner = await connected();
    const created = await runner.run<PersonRecord>('creates', 'create_sales_executive', {
      name: 'Morgan Lee',
      email: 'morgan.lee@acme-it.example',
      title: 'Account Executive',
    });
    expect(created.requests).toBe(1);
    expect(writes()).toEqual(['POST /sales-executives']);
    expect(created.result).toMatchObject({ name: 'Morgan Lee', email: 'morgan.lee@acme-it.example', title: 'Account Executive' });

    context.sandbox.log.reset();
    const updated = await runner.run<PersonRecord>('creates', 'update_sales_executive', { id: created.result.id, phone: '+1 555 0199' });
    expect(updated.requests).toBe(1);
    expect(requestsLogged()).toEqual([`PATCH /sales-executives/${created.result.id}`]);
    expect(updated.result).toMatchObject({ id: created.result.id, name: 'Morgan Lee', title: 'Account Executive', phone: '+1 555 0199' });
  });

  it('upsert_sales_executive creates, then updates the same person by email, two requests each', async () => {
    const runner = await connected();
    const first = await runner.run<PersonRecord>('creates', 'upsert_sales_executive', {
      name: 'Quinn Harper',
      email: 'quinn.harper@acme-it.example',
      title: 'Account Executive',
    });
    expect(first.result).toMatchObject({ upsert_action: 'created', name: 'Quinn Harper', email: 'quinn.harper@acme-it.example' });
    expect(first.requests).toBe(2);
    expect(requestsLogged()).toEqual(['GET /sales-executives', 'POST /sales-executives']);

    context.sandbox.log.reset();
    const second = await runner.run<PersonRecord>('creates', 'upsert_sales_executive', {
      name: 'Quinn Harper-Ng',
      email: 'Quinn.Harper@ACME-IT.example',
      title: 'Senior Account Executive',
    });
    expect(second.result).toMatchObject({
      upsert_action: 'updated',
      id: first.result.id,
      name: 'Quinn Harper-Ng',
      title: 'Senior Account Executive',
    });
    expect(second.requests).toBe(2);
    expect(requestsLogged()).toEqual(['GET /sales-executives', `PATCH /sales-executives/${first.result.id}`]);

    // A seeded person is updated in place, not duplicated.
    context.sandbox.log.reset();
    const seeded = await runner.run<PersonRecord>('creates', 'upsert_sales_executive', {
      name: 'Jordan Ellis',
      email: 'jordan.ellis@acme-it.example',
      title: 'Sales Director',
    });
    expect(seeded.result).toMatchObject({ upsert_action: 'updated', id: SEED.salesExecutives.jordanEllis, title: 'Sales Director' });
    expect(writes()).toEqual([`PATCH /sales-executives/${SEED.salesExecutives.jordanEllis}`]);
  });

  it('offers Find or Create Sales Executive', async () => {
    const app = context.App as BuiltApp;
    expect(app.searchOrCreates?.['find_sales_executive']).toMatchObject({
      key: 'find_sales_executive',
      search: 'find_sales_executive',
      create: 'create_sales_executive',
      display: { label: 'Find or Create Sales Executive' },
    });
    const runner = await connected();
    const findOrCreate = async () =>
      (await runner.run<PersonRecord[]>('searches', 'find_sales_executive', { email: 'avery.stone@acme-it.example' })).result[0] ??
      (await runner.run<PersonRecord>('creates', 'create_sales_executive', { name: 'Avery Stone', email: 'avery.stone@acme-it.example' }))
        .result;
    const first = await findOrCreate();
    expect((await findOrCreate()).id).toBe(first.id);
    expect(context.sandbox.log.count('POST', '/sales-executives')).toBe(1);
  });
});

describe('e2e: vendors', () => {
  it('find_vendor finds by whole name, ignoring case, inactive vendors too', async () => {
    const runner = await connected();
    const found = await runner.run<VendorRecord[]>('searches', 'find_vendor', { name: 'contoso distribution' });
    expect(found.requests).toBe(1);
    expect(found.result).toEqual([expect.objectContaining({ id: SEED.vendors.contosoDistribution, name: 'Contoso Distribution' })]);
    const inactive = await runner.run<VendorRecord[]>('searches', 'find_vendor', { name: 'Fabrikam Hardware Wholesale' });
    expect(inactive.result).toEqual([expect.objectContaining({ id: SEED.vendors.fabrikamWholesale, active: false })]);
    expect((await runner.run<VendorRecord[]>('searches', 'find_vendor', { name: 'Contoso' })).result).toEqual([]);
    const byId = await runner.run<VendorRecord[]>('searches', 'find_vendor', { id: SEED.vendors.ubiquitousNetworks });
    expect(byId.result).toEqual([expect.objectContaining({ name: 'Ubiquitous Networks Supply', city: 'Dallas' })]);
  });

  it('creates and updates a vendor', async () => {
    const runner = await connected();
    const created = await runner.run<VendorRecord>('creates', 'create_vendor', {
      name: 'Tailwind Traders Supply',
      city: 'Austin',
      state: 'TX',
    });
    expect(created.requests).toBe(1);
    expect(writes()).toEqual(['POST /vendors']);
    expect(created.result).toMatchObject({ name: 'Tailwind Traders Supply', city: 'Austin', state: 'TX' });

    context.sandbox.log.reset();
    const updated = await runner.run<VendorRecord>('creates', 'update_vendor', { id: created.result.id, city: 'Houston' });
    expect(updated.requests).toBe(1);
    expect(requestsLogged()).toEqual([`PATCH /vendors/${created.result.id}`]);
    expect(updated.result).toMatchObject({ id: created.result.id, name: 'Tailwind Traders Supply', city: 'Houston', state: 'TX' });
  });

  it('upsert_vendor creates, then updates the same vendor by name, two requests each', async () => {
    const runner = await connected();
    const first = await runner.run<VendorRecord>('creates', 'upsert_vendor', { name: 'Litware Components', city: 'Boise' });
    expect(first.result).toMatchObject({ upsert_action: 'created', name: 'Litware Components', city: 'Boise' });
    expect(first.requests).toBe(2);
    expect(requestsLogged()).toEqual(['GET /vendors', 'POST /vendors']);

    context.sandbox.log.reset();
    const second = await runner.run<VendorRecord>('creates', 'upsert_vendor', { name: 'LITWARE COMPONENTS', state: 'ID' });
    expect(second.result).toMatchObject({ upsert_action: 'updated', id: first.result.id, city: 'Boise', state: 'ID' });
    expect(second.requests).toBe(2);
    expect(requestsLogged()).toEqual(['GET /vendors', `PATCH /vendors/${first.result.id}`]);
  });

  it('offers Find or Create Vendor', async () => {
    const app = context.App as BuiltApp;
    expect(app.searchOrCreates?.['find_vendor']).toMatchObject({
      key: 'find_vendor',
      search: 'find_vendor',
      create: 'create_vendor',
      display: { label: 'Find or Create Vendor' },
    });
    const runner = await connected();
    const findOrCreate = async () =>
      (await runner.run<VendorRecord[]>('searches', 'find_vendor', { name: 'Northwind Parts' })).result[0] ??
      (await runner.run<VendorRecord>('creates', 'create_vendor', { name: 'Northwind Parts' })).result;
    const first = await findOrCreate();
    expect((await findOrCreate()).id).toBe(first.id);
    expect(context.sandbox.log.count('POST', '/vendors')).toBe(1);
  });
});

describe('e2e: api_request', () => {
  it('reads a list with a filter and an include, records flattened with the included ones', async () => {
    const runner = await connected();
    const answer = await apiRequest(runner, {
      method: 'GET',
      path: '/projects',
      query: { 'filter[status]': 'approved', include: 'client' },
    });
    expect(answer.requests).toBe(1);
    expect(requestsLogged()).toEqual(['GET /projects']);
    expect(context.sandbox.log.entries()[0]?.query).toMatchObject({ 'filter[status]': 'approved', include: 'client' });
    expect(answer.result.status).toBe(200);
    expect(answer.result.data).toEqual([
      expect.objectContaining({
        id: P.fabrikamFirewall,
        status: 'approved',
        client_id: SEED.clients.fabrikam,
        client_name: 'Fabrikam Manufacturing',
      }),
    ]);
    expect(answer.result.included).toEqual([expect.objectContaining({ id: SEED.clients.fabrikam, name: 'Fabrikam Manufacturing' })]);
    expect(JSON.parse(answer.result.meta)).toMatchObject({ 'record-count': 1 });
    expect((JSON.parse(answer.result.document) as { data: unknown[] }).data).toHaveLength(1);
  });

  it("reads a project's related records, and /v1/me outside the account", async () => {
    const runner = await connected();
    const locations = await apiRequest(runner, { method: 'GET', path: `/projects/${P.northwindSdWan}/project-locations` });
    expect(requestsLogged()).toEqual([`GET /projects/${P.northwindSdWan}/project-locations`]);
    expect(locations.result.data.map((record) => record['name'])).toEqual(['Northwind HQ', 'Northwind Warehouse']);
    expect(locations.result.data.every((record) => record['project_id'] === P.northwindSdWan)).toBe(true);

    context.sandbox.log.reset();
    const me = await apiRequest(runner, { path: 'v1/me' });
    expect(me.requests).toBe(1);
    expect(context.sandbox.log.entries().map((entry) => entry.path)).toEqual(['/v1/me']);
    expect(me.result.data).toEqual([
      expect.objectContaining({ id: SEED.serviceUser.userId, email: SEED.serviceUser.email, account_slug: SEED.account.slug }),
    ]);
  });

  it('creates a client with POST, then changes it with PATCH, from JSON:API bodies', async () => {
    const runner = await connected();
    const posted = await apiRequest(runner, {
      method: 'POST',
      path: '/clients',
      body: JSON.stringify({ data: { type: 'clients', attributes: { name: 'Relecloud', domain: 'relecloud.example' } } }),
    });
    expect(posted.requests).toBe(1);
    expect(posted.result.status).toBe(201);
    const [client] = posted.result.data;
    expect(client).toMatchObject({ name: 'Relecloud', domain: 'relecloud.example' });
    const id = String(client?.['id']);

    const patched = await apiRequest(runner, {
      method: 'PATCH',
      path: `/clients/${id}`,
      body: { data: { type: 'clients', id, attributes: { domain: 'relecloud.example.net' } } },
    });
    expect(patched.result.status).toBe(200);
    expect(patched.result.data).toEqual([expect.objectContaining({ id, name: 'Relecloud', domain: 'relecloud.example.net' })]);
    expect(requestsLogged()).toEqual(['POST /clients', `PATCH /clients/${id}`]);

    const found = await runner.run<{ id: string; domain: string }[]>('searches', 'find_client', { name: 'relecloud' });
    expect(found.result).toEqual([expect.objectContaining({ id, domain: 'relecloud.example.net' })]);
  });

  describe('refused targets', () => {
    let foreign: Server;
    const seenByForeignHost: IncomingHttpHeaders[] = [];
    let foreignUrl = '';

    beforeAll(async () => {
      foreign = createServer((request, response) => {
        seenByForeignHost.push(request.headers);
        response.writeHead(200, { 'content-type': 'application/vnd.api+json' }).end('{"data":[]}');
      });
      await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve));
      foreignUrl = `http://127.0.0.1:${String((foreign.address() as AddressInfo).port)}`;
    });
    afterAll(
      () =>
        new Promise<void>((resolve) => {
          foreign.close(() => {
            resolve();
          });
        }),
    );

    const port = () => new URL(context.sandbox.url).port;

    it.each([
      ['another host', () => `${foreignUrl}/${SEED.account.slug}/v1/projects`],
      ['the same server under another host name', () => `http://localhost:${port()}/${SEED.account.slug}/v1/projects`],
      ['a scheme-relative //host', () => `//127.0.0.1:${port()}/${SEED.account.slug}/v1/projects`],
      ['a .. segment', () => '/projects/../../globex-msp/v1/projects'],
      ['an encoded slash', () => `/projects%2F${P.northwindSdWan}`],
      ['an encoded dot segment', () => '/projects/%2e%2e/users'],
      // A full URL on the API host is checked as typed, before a URL parser could resolve these away.
      ['a .. segment in a full URL on the API host', () => `${context.sandbox.url}/${SEED.account.slug}/v1/../../globex-msp/v1/projects`],
      [
        'encoded dots in a full URL on the API host',
        () => `${context.sandbox.url}/${SEED.account.slug}/v1/%2E%2E/%2E%2E/globex-msp/v1/projects`,
      ],
      ['a backslash in a full URL on the API host', () => `${context.sandbox.url}\\@127.0.0.1:${port()}/${SEED.account.slug}/v1/projects`],
    ])('sends nothing for %s', async (_name, target) => {
      const runner = await connected();
      const failure = await failureOf(apiRequest(runner, { method: 'GET', path: target() }));
      expect(failure.code).toBe('ValidationError');
      expect(failure.message).toMatch(/^Nothing was sent to ScopeStack: Path must be a path under the API/);
      expect(context.sandbox.log.entries()).toEqual([]);
      expect(seenByForeignHost).toEqual([]);
    });

    it('a full URL on the API host itself is sent, with the token, only there', async () => {
      const runner = await connected();
      const answer = await apiRequest(runner, { method: 'GET', path: `${context.sandbox.url}/${SEED.account.slug}/v1/vendors` });
      expect(answer.requests).toBe(1);
      expect(context.sandbox.log.entries()).toEqual([
        expect.objectContaining({ authorization: 'bearer', path: `/${SEED.account.slug}/v1/vendors` }),
      ]);
      expect(answer.result.data).toHaveLength(SEED.counts.vendors);
      expect(seenByForeignHost).toEqual([]);
    });
  });
});
