import nock from 'nock';
import { readFileSync } from 'node:fs';
import zapier from 'zapier-platform-core';
import createClient from '../../creates/create_client.js';
import updateClient from '../../creates/update_client.js';
import findClient from '../../searches/find_client.js';
import App from '../../src/index.js';
import listClients from '../../triggers/list_clients.js';
import newClient from '../../triggers/new_client.js';
import { API, bundleWith, SLUG, useTestHosts } from '../support/bundle.js';
import { appErrorOf } from '../support/errors.js';
import { useNock } from '../support/nock.js';
import { performOf } from '../support/steps.js';
import { performAsProduction } from '../support/production-input.js';
import { listPage } from '../support/json-api-page.js';

const appTester = zapier.createAppTester(App);
/** A JSON:API document holding one client, as ScopeStack answers a GET, POST or PATCH. */
interface OneClientDocument {
  data: Record<string, unknown>;
  [member: string]: unknown;
}
const one = JSON.parse(readFileSync(new URL('../fixtures/clients/one.json', import.meta.url), 'utf8')) as OneClientDocument;

const client = (id: string, name: string, extra: Record<string, unknown> = {}) => ({
  id,
  type: 'clients',
  attributes: { name, domain: `${id}.example`, active: true, ...extra },
  relationships: { account: { data: { type: 'accounts', id: '42' } } },
});
const list = (data: unknown[], links: Record<string, string> = {}) => listPage(data, { links });

useNock();
beforeAll(useTestHosts);

describe('triggers.new_client', () => {
  it('asks for the newest clients first, one page, with rate table and contacts included', async () => {
    const scope = nock(API)
      .get(`/${SLUG}/v1/clients`)
      .query({ sort: '-id', 'page[number]': '1', 'page[size]': '100', include: 'rate-table,contacts' })
      .reply(200, { ...one, data: [one.data] });
    const records = await appTester(performOf(newClient), bundleWith());
    expect(scope.isDone()).toBe(true);
    expect(records).toEqual([newClient.operation.sample]);
  });

  it('reads as many records as Zapier asks for when it gives a limit', async () => {
    const scope = nock(API)
      .get(`/${SLUG}/v1/clients`)
      .query({ sort: '-id', 'page[number]': '1', 'page[size]': '3', include: 'rate-table,contacts' })
      .reply(200, list([]));
    await appTester(performOf(newClient), { ...bundleWith(), meta: { page: 0, limit: 3 } });
    expect(scope.isDone()).toBe(true);
  });
});

describe('triggers.list_clients', () => {
  it('lists clients by name, one page per call, for the Client dropdown, without related records', async () => {
    const scope = nock(API)
      .get(`/${SLUG}/v1/clients`)
      .query({ sort: 'name', 'page[number]': '2', 'page[size]': '100' })
      .reply(200, list([client('4', 'Adventure Works')]));
    const records = await appTester(performOf(listClients), { ...bundleWith(), meta: { page: 1 } });
    expect(scope.isDone()).toBe(true);
    expect(records).toEqual([expect.objectContaining({ id: '4', name: 'Adventure Works' })]);
    expect(updateClient.operation.inputFields?.[0]).toMatchObject({
      key: 'id',
      dynamic: 'list_clients.id.label',
      search: 'find_client.id',
    });
  });

  it('labels a client without a name by its noun and ID, so it can still be picked', async () => {
    nock(API)
      .get(`/${SLUG}/v1/clients`)
      .query(true)
      .reply(200, list([client('4', ''), client('5', 'Adventure Works')]));
    const records = await appTester(performOf<{ id: string; label: string }[]>(listClients), bundleWith());
    expect(records.map(({ id, label }) => ({ id, label }))).toEqual([
      { id: '4', label: 'Client 4' },
      { id: '5', label: 'Adventure Works' },
    ]);
  });
});

describe('searches.find_client', () => {
  it('keeps only the exact name among the partial matches the API returns', async () => {
    const scope = nock(API)
      .get(`/${SLUG}/v1/clients`)
      .query({
        'filter[name]': 'Northwind',
        'filter[active]': 'true,false',
        include: 'rate-table,contacts',
        'page[number]': '1',
        'page[size]': '100',
      })
      .reply(200, list([client('1', 'Northwind Traders'), client('2', 'northwind'), client('3', 'Northwind')]));
    const found = await appTester(performOf<{ id: string }[]>(findClient), bundleWith({ name: ' Northwind ' }));
    expect(scope.isDone()).toBe(true);
    // Same case first, then the other exact match; "Northwind Traders" is not the client asked for.
    expect(found.map((record) => record.id)).toEqual(['3', '2']);
  });

  it('prefers an active client over an archived one of the same name', async () => {
    nock(API)
      .get(`/${SLUG}/v1/clients`)
      .query(true)
      .reply(200, list([client('1', 'Acme', { active: false }), client('2', 'Acme')]));
    const found = await appTester(performOf<{ id: string }[]>(findClient), bundleWith({ name: 'Acme' }));
    expect(found.map((record) => record.id)).toEqual(['2', '1']);
  });

  it('finds by domain', async () => {
    const scope = nock(API)
      .get(`/${SLUG}/v1/clients`)
      .query((query) => query['filter[domain]'] === '7.example' && !('filter[name]' in query))
      .reply(200, list([client('7', 'Seven')]));
    const found = await appTester(performOf(findClient), bundleWith({ domain: '7.example' }));
    expect(scope.isDone()).toBe(true);
    expect(found).toEqual([expect.objectContaining({ id: '7', name: 'Seven' })]);
  });

  it('tries the domain when the name finds nothing, as "by name or domain" promises', async () => {
    const scope = nock(API)
      .get(`/${SLUG}/v1/clients`)
      .query((query) => query['filter[name]'] === 'Old Name' && !('filter[domain]' in query))
      .reply(200, list([]))
      .get(`/${SLUG}/v1/clients`)
      .query((query) => query['filter[domain]'] === '7.example' && !('filter[name]' in query))
      .reply(200, list([client('7', 'New Name')]));
    const found = await appTester(performOf(findClient), bundleWith({ name: 'Old Name', domain: '7.example' }));
    expect(scope.isDone()).toBe(true);
    expect(found).toEqual([expect.objectContaining({ id: '7', name: 'New Name' })]);
  });

  it('returns an empty list, not an error, when nothing matches exactly', async () => {
    nock(API)
      .get(`/${SLUG}/v1/clients`)
      .query(true)
      .reply(200, list([client('1', 'Acme Corp')]));
    await expect(appTester(performOf(findClient), bundleWith({ name: 'Acme' }))).resolves.toEqual([]);
  });

  it('follows the next page of partial matches', async () => {
    const scope = nock(API)
      .get(`/${SLUG}/v1/clients`)
      .query((query) => query['page[number]'] === '1')
      .reply(200, list([client('1', 'Acme Corp')], { next: `${API}/${SLUG}/v1/clients?page%5Bnumber%5D=2` }))
      .get(`/${SLUG}/v1/clients`)
      .query((query) => query['page[number]'] === '2')
      .reply(200, list([client('2', 'Acme')], { next: '' }));
    const found = await appTester(performOf<{ id: string }[]>(findClient), bundleWith({ name: 'acme' }));
    expect(scope.isDone()).toBe(true);
    expect(found.map((record) => record.id)).toEqual(['2']);
  });

  it('asks for a name or domain before searching', async () => {
    expect(await appErrorOf(appTester(performOf(findClient), bundleWith({ name: '  ' })))).toEqual({
      code: 'ValidationError',
      message: 'Enter Name or Domain to find client by.',
    });
  });
});

describe('creates.create_client', () => {
  it('posts a JSON:API body linked to the account and returns the flat record', async () => {
    const scope = nock(API)
      .post(`/${SLUG}/v1/clients`, {
        data: {
          type: 'clients',
          attributes: { name: 'Example Client Ltd', domain: 'client.example', 'msa-date': '2025-01-31' },
          relationships: { account: { data: { type: 'accounts', id: '42' } } },
        },
      })
      .query({ include: 'rate-table,contacts' })
      .matchHeader('content-type', 'application/vnd.api+json')
      .reply(201, one);
    const record = await performAsProduction(
      appTester,
      createClient,
      bundleWith({ name: 'Example Client Ltd', domain: 'client.example', msa_date: '2025-01-31T00:00:00Z', active: '' }),
    );
    expect(scope.isDone()).toBe(true);
    expect(record).toEqual(createClient.operation.sample);
  });

  it('refuses a missing name and bad values before sending anything', async () => {
    const error = await appErrorOf(performAsProduction(appTester, createClient, bundleWith({ domain: 'x.example' })));
    expect(error).toEqual({ code: 'ValidationError', message: 'Nothing was sent to ScopeStack: Name is required.' });
    const badDate = await appErrorOf(performAsProduction(appTester, createClient, bundleWith({ name: 'X', msa_date: 'soon' })));
    expect(badDate.message).toBe(
      'Nothing was sent to ScopeStack: MSA Date must be a date like 2025-01-31, Jan 31, 2025 or 31 Jan 2025 (got "soon").',
    );
  });

  it('explains a duplicate name from the JSON:API errors and sends the POST once', async () => {
    const scope = nock(API)
      .post(`/${SLUG}/v1/clients`)
      .query(true)
      .once()
      .reply(422, {
        errors: [
          {
            title: 'has already been taken',
            detail: 'name - has already been taken',
            status: '422',
            source: { pointer: '/data/attributes/name' },
          },
        ],
      });
    const error = await appErrorOf(performAsProduction(appTester, createClient, bundleWith({ name: 'Acme' })));
    expect(scope.isDone()).toBe(true);
    expect(error.message).toBe(
      'ScopeStack says: Name has already been taken. Use a different value, or change the existing record instead of creating another.',
    );
  });

  it('never resends a create whose connection dropped, and says it may have happened', async () => {
    const scope = nock(API).post(`/${SLUG}/v1/clients`).query(true).once().replyWithError('socket hang up');
    const error = await appErrorOf(performAsProduction(appTester, createClient, bundleWith({ name: 'Acme' })));
    expect(scope.isDone()).toBe(true);
    expect(error.message).toBe(
      'The connection to ScopeStack failed while trying to create clients (socket hang up). The client may or may not have been created: check with the Find Client step (or in ScopeStack) before running this step again, so that nothing is created twice.',
    );
  });
});

describe('creates.update_client', () => {
  it('patches only the given fields, with the id in the body', async () => {
    const scope = nock(API)
      .patch(`/${SLUG}/v1/clients/1001`, { data: { type: 'clients', id: '1001', attributes: { active: false } } })
      .query(true)
      .reply(200, one);
    const record = await performAsProduction(appTester, updateClient, bundleWith({ id: '1001', active: false, name: '' }));
    expect(scope.isDone()).toBe(true);
    expect(record).toMatchObject({ id: '1001', name: 'Example Client Ltd' });
  });

  it('asks for something to change', async () => {
    const error = await appErrorOf(performAsProduction(appTester, updateClient, bundleWith({ id: '1001' })));
    expect(error.message).toBe('Nothing was sent to ScopeStack: Fill in at least one field to change on the client.');
  });

  it('explains an unknown id', async () => {
    nock(API)
      .patch(`/${SLUG}/v1/clients/999`)
      .query(true)
      .reply(404, { errors: [{ title: 'Record not found', detail: 'The record identified by 999 could not be found.' }] });
    const error = await appErrorOf(performAsProduction(appTester, updateClient, bundleWith({ id: '999', name: 'X' })));
    expect(error.code).toBe('NotFoundError');
    expect(error.message).toMatch(
      /^ScopeStack could not find client 999 \(404\)\. ScopeStack says: The record identified by 999 could not be found\./,
    );
  });
});

describe('searches.find_client on a very broad name', () => {
  it('says the search was too broad instead of reporting "not found" (which would create a twin)', async () => {
    // Every page partly matches and says another follows: the search stops at its cap of 5 pages.
    const page = list([client('7', 'Acme Holdings')], { next: `${API}/${SLUG}/v1/clients?page%5Bnumber%5D=2` });
    const scope = nock(API)
      .get(`/${SLUG}/v1/clients`)
      .query((query) => query['filter[name]'] === 'Acme')
      .times(5)
      .reply(200, page);
    const error = await appErrorOf(appTester(performOf(findClient), bundleWith({ name: 'Acme' })));
    expect(scope.isDone()).toBe(true);
    expect(error).toEqual({
      code: 'ValidationError',
      message:
        'More than 500 client records partly match, and none of the first ones matches exactly. Search by a more specific value (Name or Domain).',
    });
  });
});
