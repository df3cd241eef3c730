/**
 * CRM opportunities, the people a project names (sales executives, presales engineers, users),
 * vendors and the free-form API request, end to end: the built app driven as Zapier drives it,
 * against the sandbox over real HTTP. Requests are counted in the sandbox's log.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BuiltApp } from '../../bin/built-app.js';
import type { ZapRunner } from '../../bin/zap-runner.js';
import { failureOf, SEED, useSandbox, connectedTo, loggedBy, turnOn, upsertsCheckedBy, writesCheckedBy } from './sandbox-harness.js';

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

const write = writesCheckedBy(context);

const upsertTwice = upsertsCheckedBy(context);

const ids = (records: readonly { id: string }[]): string[] => records.map((record) => record.id);

const findProject = async (runner: ZapRunner, id: string): Promise<ProjectRecord | undefined> =>
  (await runner.run<ProjectRecord[]>('searches', 'find_project', { id })).result[0];

const findOpportunity = async (runner: ZapRunner, input: Record<string, unknown>): Promise<OpportunityRecord[]> =>
  (await runner.run<OpportunityRecord[]>('searches', 'find_crm_opportunity', input)).result;

const createOpportunity = async (runner: ZapRunner, input: Record<string, unknown>): Promise<OpportunityRecord> =>
  (await runner.run<OpportunityRecord>('creates', 'create_crm_opportunity', input)).result;

const apiRequest = async (runner: ZapRunner, input: Record<string, unknown>) => runner.run<ApiAnswer>('creates', 'api_request', input);

/** The steps of a noun are named after it: `Sales Executive` has create_sales_executive, find_sales_executive, ... */
const stepsOf = (noun: string) => noun.toLowerCase().replace(/ /g, '_');

/** A create, then an update of what it created: one request each, the update changing only what it is given. */
const itCreatesAndUpdates = (noun: string, path: string, { fields, change }: Record<'fields' | 'change', Record<string, unknown>>) => {
  it(`creates and updates a ${noun}`, async () => {
    const runner = await connected();
    const created = await write<{ id: string }>(runner, `create_${stepsOf(noun)}`, fields, [`POST ${path}`]);
    expect(created).toMatchObject(fields);
    const updated = await write(runner, `update_${stepsOf(noun)}`, { id: created.id, ...change }, [`PATCH ${path}/${created.id}`]);
    expect(updated).toMatchObject({ id: created.id, ...fields, ...change });
  });
};

/** Find or Create pairs the find and create steps: run twice for the same record (searched by its `by` value), it creates it once. */
const itOffersFindOrCreate = (noun: string, path: string, by: string, record: Record<string, string>) => {
  it(`offers Find or Create ${noun}, which creates once when run twice`, async () => {
    const [search, create] = [`find_${stepsOf(noun)}`, `create_${stepsOf(noun)}`];
    const app = context.App as BuiltApp;
    expect(app.searchOrCreates?.[search]).toMatchObject({ key: search, search, create, display: { label: `Find or Create ${noun}` } });
    const runner = await connected();
    const findOrCreate = async () =>
      (await runner.run<{ id: string }[]>('searches', search, { [by]: record[by] })).result[0] ??
      (await runner.run<{ id: string }>('creates', create, record)).result;
    const first = await findOrCreate();
    expect((await findOrCreate()).id).toBe(first.id);
    expect(context.sandbox.log.count('POST', path)).toBe(1);
  });
};

/** The display name ScopeStack gives an opportunity: "Account / Name / CRM ID". */
const seededName = {
  [OPP.northwindSdWan]: 'Northwind / SD-WAN Rollout / OPP-1001',
  [OPP.contosoM365]: 'Contoso Health / Microsoft 365 Migration / OPP-1002',
} as const;

describe('e2e: CRM opportunities', () => {
  it('new_crm_opportunity fires once for each opportunity created after the Zap was turned on', async () => {
    const runner = await connected();
    await turnOn(runner, 'new_crm_opportunity');

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
    const created = await write<OpportunityRecord>(
      runner,
      'create_crm_opportunity',
      {
        opportunity_id: 'OPP-3001',
        name: 'Managed Firewall Renewal',
        account_name: 'Fabrikam Manufacturing',
        amount: '18500',
        stage: 'Proposal',
        projects_ids: [P.fabrikamFirewall, P.fourthCoffeeWifi],
      },
      ['POST /crm-opportunities'],
    );
    expect(created).toMatchObject({
      opportunity_id: 'OPP-3001',
      display_name: 'Fabrikam Manufacturing / Managed Firewall Renewal / OPP-3001',
      amount: '18500.00',
      stage: 'Proposal',
    });
    expect([...created.projects_ids].sort()).toEqual([P.fabrikamFirewall, P.fourthCoffeeWifi].sort());

    for (const id of [P.fabrikamFirewall, P.fourthCoffeeWifi]) {
      expect(await findProject(runner, id)).toMatchObject({
        crm_opportunity_id: created.id,
        crm_opportunity_name: 'Fabrikam Manufacturing / Managed Firewall Renewal / OPP-3001',
      });
    }
  });

  it('update_crm_opportunity changes only what is filled in, and projects_ids replaces the linked projects', async () => {
    const runner = await connected();
    const updated = await write<OpportunityRecord>(runner, 'update_crm_opportunity', { id: OPP.contosoM365, stage: 'Closed Won' }, [
      `PATCH /crm-opportunities/${OPP.contosoM365}`,
    ]);
    // The linked projects are kept when Projects is left empty.
    expect(updated).toMatchObject({ stage: 'Closed Won', name: 'Microsoft 365 Migration', projects_ids: [P.contosoM365] });

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
    const opportunity = { opportunity_id: 'OPP-5001', name: 'SOC Onboarding' };
    const first = await write<OpportunityRecord>(runner, 'upsert_crm_opportunity', { ...opportunity, stage: 'Qualification' }, [
      'GET /crm-opportunities',
      'GET /crm-opportunities',
      'POST /crm-opportunities',
    ]);
    expect(first).toMatchObject({ upsert_action: 'created', opportunity_id: 'OPP-5001', stage: 'Qualification' });
    expect(context.sandbox.log.entries().map((entry) => entry.query['filter[is-closed]'])).toEqual(['false', 'true', undefined]);

    const second = await write<OpportunityRecord>(
      runner,
      'upsert_crm_opportunity',
      { ...opportunity, stage: 'Proposal', projects_ids: [P.northwindTradersAudit] },
      ['GET /crm-opportunities', `PATCH /crm-opportunities/${first.id}`],
    );
    expect(second).toMatchObject({ upsert_action: 'updated', id: first.id, stage: 'Proposal' });
    expect(second.projects_ids).toEqual([P.northwindTradersAudit]);
    expect(await findProject(runner, P.northwindTradersAudit)).toMatchObject({
      crm_opportunity_id: first.id,
      crm_opportunity_name: 'SOC Onboarding / OPP-5001',
    });
    expect(context.sandbox.log.count('POST', '/crm-opportunities')).toBe(0);
  });

  it('delete_crm_opportunity deletes it and unlinks its projects; deleting it again says there is none and changes nothing', async () => {
    const runner = await connected();
    const deleted = await write(runner, 'delete_crm_opportunity', { id: OPP.northwindSdWan }, [
      `DELETE /crm-opportunities/${OPP.northwindSdWan}`,
    ]);
    expect(deleted).toEqual({ id: OPP.northwindSdWan, deleted: true });
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

  itOffersFindOrCreate('CRM Opportunity', '/crm-opportunities', 'opportunity_id', {
    opportunity_id: 'OPP-7001',
    name: 'Print Fleet',
  });
});

describe('e2e: project_crm_opportunity_changed', () => {
  const TRIGGER = 'project_crm_opportunity_changed';
  // Only links and moves fire: ScopeStack does not say when a link was removed, and a project
  // without an opportunity looks the same whether it was just unlinked or never linked.

  it('fires once when a project is linked with update_project and once when moved, not for other edits nor the unlink', async () => {
    const runner = await connected();
    await turnOn(runner, TRIGGER);

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

    const upserted = await write<PersonRecord>(
      runner,
      'upsert_sales_executive',
      { name: 'Casey Brooks', email: 'casey.brooks@acme-it.example', title: 'Senior Account Executive' },
      ['GET /sales-executives', `PATCH /sales-executives/${SEED.salesExecutives.caseyBrooks}`],
    );
    expect(upserted).toMatchObject({ upsert_action: 'updated', id: SEED.salesExecutives.caseyBrooks, active: false });
  });

  itCreatesAndUpdates('sales executive', '/sales-executives', {
    fields: { name: 'Morgan Lee', email: 'morgan.lee@acme-it.example', title: 'Account Executive' },
    change: { phone: '+1 555 0199' },
  });

  it('upsert_sales_executive creates, then updates the same person by email, two requests each', async () => {
    const runner = await connected();
    const { created, updated } = await upsertTwice<PersonRecord>(runner, 'upsert_sales_executive', '/sales-executives', {
      create: { name: 'Quinn Harper', email: 'quinn.harper@acme-it.example', title: 'Account Executive' },
      update: { name: 'Quinn Harper-Ng', email: 'Quinn.Harper@ACME-IT.example', title: 'Senior Account Executive' },
    });
    expect(created).toMatchObject({ name: 'Quinn Harper', email: 'quinn.harper@acme-it.example' });
    expect(updated).toMatchObject({ name: 'Quinn Harper-Ng', title: 'Senior Account Executive' });

    // A seeded person is updated in place, not duplicated.
    const seeded = await write<PersonRecord>(
      runner,
      'upsert_sales_executive',
      { name: 'Jordan Ellis', email: 'jordan.ellis@acme-it.example', title: 'Sales Director' },
      ['GET /sales-executives', `PATCH /sales-executives/${SEED.salesExecutives.jordanEllis}`],
    );
    expect(seeded).toMatchObject({ upsert_action: 'updated', id: SEED.salesExecutives.jordanEllis, title: 'Sales Director' });
  });

  itOffersFindOrCreate('Sales Executive', '/sales-executives', 'email', {
    name: 'Avery Stone',
    email: 'avery.stone@acme-it.example',
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

  itCreatesAndUpdates('vendor', '/vendors', {
    fields: { name: 'Tailwind Traders Supply', city: 'Austin', state: 'TX' },
    change: { city: 'Houston' },
  });

  it('upsert_vendor creates, then updates the same vendor by name, two requests each', async () => {
    const { created, updated } = await upsertTwice<VendorRecord>(await connected(), 'upsert_vendor', '/vendors', {
      create: { name: 'Litware Components', city: 'Boise' },
      update: { name: 'LITWARE COMPONENTS', state: 'ID' },
    });
    expect(created).toMatchObject({ name: 'Litware Components', city: 'Boise' });
    expect(updated).toMatchObject({ city: 'Boise', state: 'ID' });
  });

  itOffersFindOrCreate('Vendor', '/vendors', 'name', { name: 'Northwind Parts' });
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
