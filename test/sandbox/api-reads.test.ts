import { SEED, startSandbox, type Sandbox } from '../../sandbox/index.js';
import { SLUG, adminToken, call, clientCredentialsToken, ids, list, one } from './sandbox-client.js';

let sandbox: Sandbox;
let token: string;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  token = await adminToken(sandbox);
});
afterAll(() => sandbox.close());

const get = (path: string, options: { accept?: string | null; token?: string } = {}) => call(sandbox, 'GET', path, { token, ...options });

describe('GET /v1/me', () => {
  it('describes the token user and account with an integer account-id', async () => {
    const answer = await get('/v1/me');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/vnd.api+json');
    const data = one(answer);
    expect(data.type).toBe('mes');
    expect(data.id).toBe(SEED.serviceUser.userId);
    expect(data.attributes).toMatchObject({
      name: 'Zapier Integration',
      email: SEED.serviceUser.email,
      'account-id': SEED.account.id,
      'account-slug': SEED.account.slug,
      'site-admin': false,
    });
    expect(Object.keys(data.attributes).sort()).toEqual(
      ['account-id', 'account-slug', 'email', 'name', 'phone', 'privileges', 'site-admin', 'title', 'uuid'].sort(),
    );
  });

  it('answers 401 without a token and 406 without the JSON:API Accept header', async () => {
    const missing = await call(sandbox, 'GET', '/v1/me');
    expect(missing.status).toBe(401);
    expect(missing.body).toEqual({
      errors: [{ title: 'Unauthorized', detail: 'The access token is missing.', code: '401', status: '401' }],
    });
    const expected = {
      errors: [{ title: 'Not acceptable', detail: 'The Accept header application/vnd.api+json is required.', code: '406', status: '406' }],
    };
    for (const accept of [null, '*/*', 'application/json']) {
      const answer = await get('/v1/me', { accept });
      expect(answer.status).toBe(406);
      expect(answer.body).toEqual(expected);
    }
    expect((await get('/v1/me', { accept: 'application/json, application/vnd.api+json' })).status).toBe(200);
  });
});

describe('GET /v1/accounts/{slug}', () => {
  it("serves the token's own account and 404s any other", async () => {
    const own = await get(`/v1/accounts/${SLUG}`);
    expect(own.status).toBe(200);
    expect(one(own)).toMatchObject({ id: String(SEED.account.id), type: 'accounts', attributes: { name: SEED.account.name, slug: SLUG } });
    expect((await get(`/v1/accounts/${SEED.otherAccount.slug}`)).status).toBe(404);
  });
});

describe('lists', () => {
  it('pages with 1-based page[number], meta counts and links that echo the filters', async () => {
    const answer = await get(`/${SLUG}/v1/clients?filter[active]=true&page[size]=4&page[number]=2`);
    expect(answer.status).toBe(200);
    const body = list(answer);
    expect(body.meta).toEqual({ 'record-count': 9, 'page-count': 3, permissions: { view: true, create: true, manage: true } });
    expect(ids(answer)).toEqual(['1006', '1007', '1009', '1010']);
    const base = `${sandbox.url}/${SLUG}/v1/clients?filter%5Bactive%5D=true`;
    expect(body.links).toEqual({
      first: `${base}&page%5Bnumber%5D=1&page%5Bsize%5D=4`,
      last: `${base}&page%5Bnumber%5D=3&page%5Bsize%5D=4`,
      prev: `${base}&page%5Bnumber%5D=1&page%5Bsize%5D=4`,
      next: `${base}&page%5Bnumber%5D=3&page%5Bsize%5D=4`,
    });
  });

  it('defaults page[size] to 250, caps it at 250, and rejects page[number]=0', async () => {
    const all = list(await get(`/${SLUG}/v1/clients`));
    expect(all.data).toHaveLength(SEED.counts.clients);
    expect(all.links['first']).toBe(`${sandbox.url}/${SLUG}/v1/clients?page%5Bnumber%5D=1&page%5Bsize%5D=250`);
    expect(all.links['next']).toBeUndefined();
    expect(list(await get(`/${SLUG}/v1/clients?page[size]=1000`)).links['last']).toContain('page%5Bsize%5D=250');
    const bad = await get(`/${SLUG}/v1/clients?page[number]=0`);
    expect(bad.status).toBe(400);
  });

  it('filters names by case-insensitive contains, with comma-separated values ORed', async () => {
    expect(ids(await get(`/${SLUG}/v1/clients?filter[name]=NORTHWIND`))).toEqual([SEED.clients.northwind, SEED.clients.northwindTraders]);
    expect(ids(await get(`/${SLUG}/v1/clients?filter[name]=traders,fourth`))).toEqual([
      SEED.clients.northwindTraders,
      SEED.clients.fourthCoffee,
    ]);
    expect(ids(await get(`/${SLUG}/v1/clients?filter[active]=false`))).toEqual([...SEED.inactiveClients]);
    expect(list(await get(`/${SLUG}/v1/clients?filter[active]=true,false`)).meta['record-count']).toBe(12);
  });

  it('filters other attributes exactly and relationships by id', async () => {
    expect(ids(await get(`/${SLUG}/v1/projects?filter[status]=building,approved`))).toEqual([
      SEED.projects.northwindSdWan,
      SEED.projects.fabrikamFirewall,
      SEED.projects.fourthCoffeeWifi,
    ]);
    expect(ids(await get(`/${SLUG}/v1/projects?filter[status]=build`))).toEqual([]);
    expect(ids(await get(`/${SLUG}/v1/project-locations?filter[project]=${SEED.projects.northwindSdWan}`))).toEqual(['2401', '2402']);
    expect(ids(await get(`/${SLUG}/v1/crm-opportunities?filter[opportunity-id]=OPP-1002`))).toEqual([SEED.crmOpportunities.contosoM365]);
    expect(ids(await get(`/${SLUG}/v1/sales-executives?filter[email]=JORDAN.ELLIS@acme-it.example`))).toEqual([
      SEED.salesExecutives.jordanEllis,
    ]);
  });

  it('rejects unknown filters and sort keys with 400 JSON:API errors', async () => {
    const filter = await get(`/${SLUG}/v1/clients?filter[colour]=red`);
    expect(filter.status).toBe(400);
    expect(filter.body).toEqual({
      errors: [{ title: 'Filter not allowed', detail: 'colour is not allowed.', code: '102', status: '400' }],
    });
    const sort = await get(`/${SLUG}/v1/clients?sort=colour`);
    expect(sort.status).toBe(400);
  });

  it('sorts by id by default and by created-at descending on request', async () => {
    const byId = ids(await get(`/${SLUG}/v1/projects`));
    expect(byId).toEqual(['2001', '2002', '2003', '2004', '2005', '2006', '2007']);
    expect(ids(await get(`/${SLUG}/v1/projects?sort=-created-at`))).toEqual([...byId].reverse());
    const names = list(await get(`/${SLUG}/v1/vendors?sort=name`)).data.map((vendor) => vendor.attributes['name']);
    expect(names).toEqual(['Contoso Distribution', 'Fabrikam Hardware Wholesale', 'Ubiquitous Networks Supply']);
  });

  it('supports updated-at date filters in both spellings', async () => {
    const all = list(await get(`/${SLUG}/v1/projects`)).data;
    const cut = String(all[3]?.attributes['updated-at']);
    const dotted = ids(await get(`/${SLUG}/v1/projects?filter[updated-at.after]=${encodeURIComponent(cut)}`));
    const nested = ids(await get(`/${SLUG}/v1/projects?filter[updated-at][after]=${encodeURIComponent(cut)}`));
    expect(dotted).toEqual(['2005', '2006', '2007']);
    expect(nested).toEqual(dotted);
  });
});

describe('resources', () => {
  it('serves string ids, kebab-case attributes, decimal strings and relationship links', async () => {
    const project = one(await get(`/${SLUG}/v1/projects/${SEED.projects.northwindSdWan}`));
    expect(project.id).toBe('2001');
    expect(project.links['self']).toBe(`${sandbox.url}/${SLUG}/v1/projects/2001`);
    expect(project.attributes['project-name']).toBe('Northwind SD-WAN Rollout');
    expect(project.attributes['client-name']).toBe('Northwind');
    expect(project.attributes['contract-revenue']).toBe('6000.0');
    expect(project.relationships['client']).toEqual({
      links: {
        self: `${sandbox.url}/${SLUG}/v1/projects/2001/relationships/client`,
        related: `${sandbox.url}/${SLUG}/v1/projects/2001/client`,
      },
      data: { type: 'clients', id: SEED.clients.northwind },
    });
    expect(project.relationships['project-services']?.data).toBeUndefined();
    const opportunity = one(await get(`/${SLUG}/v1/crm-opportunities/${SEED.crmOpportunities.northwindSdWan}`));
    expect(opportunity.attributes['amount']).toBe('48000.00');
  });

  it('includes related resources once, with linkage on the included relationships', async () => {
    const answer = await get(
      `/${SLUG}/v1/projects?filter[client]=${SEED.clients.northwind},${SEED.clients.northwindTraders}&include=client,project-services.service`,
    );
    const body = list(answer);
    expect(ids(answer)).toEqual(['2001', '2007']);
    expect(body.data[0]?.relationships['project-services']?.data).toEqual([
      { type: 'project-services', id: '2501' },
      { type: 'project-services', id: '2502' },
    ]);
    const included = (body.included ?? []).map((resource) => `${resource.type}:${resource.id}`).sort();
    expect(included).toEqual(
      [
        'clients:1001',
        'clients:1002',
        'project-services:2501',
        'project-services:2502',
        'project-services:2508',
        'services:3001',
        'services:3002',
      ].sort(),
    );
    const bad = await get(`/${SLUG}/v1/projects?include=colour`);
    expect(bad.status).toBe(400);
  });

  it('follows related links (to-one and to-many)', async () => {
    const client = one(await get(`/${SLUG}/v1/projects/2001/client`));
    expect(client.id).toBe(SEED.clients.northwind);
    expect(ids(await get(`/${SLUG}/v1/projects/2001/project-contacts`))).toEqual(['2301']);
    expect(ids(await get(`/${SLUG}/v1/crm-opportunities/3201/projects`))).toEqual(['2001']);
  });

  it('answers 404 for unknown ids, unknown resources, and slugs of other accounts', async () => {
    const missing = await get(`/${SLUG}/v1/clients/999999`);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({
      errors: [{ title: 'Record not found', detail: 'The record identified by 999999 could not be found.', code: '404', status: '404' }],
    });
    expect((await get(`/${SLUG}/v1/widgets`)).status).toBe(404);
    const otherSlug = await get(`/${SEED.otherAccount.slug}/v1/clients`);
    expect(otherSlug.status).toBe(404);
    expect((await get(`/no-such-account/v1/clients`)).status).toBe(404);
    expect((await get(`/${SLUG}/v1/clients/${SEED.clients.otherAccountInitech}`)).status).toBe(404);
    expect(list(await get(`/${SLUG}/v1/clients?filter[name]=northwind`)).meta['record-count']).toBe(2);
  });

  it('lets the other account see only its own records', async () => {
    const other = await clientCredentialsToken(sandbox, SEED.otherAccountServiceUser.clientId, SEED.otherAccountServiceUser.clientSecret);
    const answer = await call(sandbox, 'GET', `/${SEED.otherAccount.slug}/v1/clients`, { token: other });
    expect(ids(answer)).toEqual([SEED.clients.otherAccountNorthwindHoldings, SEED.clients.otherAccountInitech]);
    expect((await call(sandbox, 'GET', `/${SLUG}/v1/clients`, { token: other })).status).toBe(404);
  });

  it('never redirects, even for a trailing slash', async () => {
    const answer = await fetch(`${sandbox.url}/${SLUG}/v1/clients/`, {
      redirect: 'manual',
      headers: { accept: 'application/vnd.api+json', authorization: `Bearer ${token}` },
    });
    expect(answer.status).toBe(200);
  });
});
