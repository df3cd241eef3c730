/**
 * Clients against nock: the triggers, the dropdown, the search, create and update. Each test pins
 * the exact requests and what the user gets back, or the message they read.
 */
import nock from 'nock';
import createClient from '../../creates/create_client.js';
import updateClient from '../../creates/update_client.js';
import findClient from '../../searches/find_client.js';
import listClients from '../../triggers/list_clients.js';
import newClient from '../../triggers/new_client.js';
import { API } from '../support/bundle.js';
import { listPage } from '../support/json-api-page.js';
import { nothingSent, pickedFrom, readThrough, refusalOf, refused, searchRefusalOf, writeThrough } from '../support/app-expect.js';
import { changes, collection, FIRST_PAGE, newRecord, onePatch, onePost, pageOf, refusedAttribute } from '../support/app-requests.js';
import { toAccount } from '../support/app-requests.js';
import { fixture, runStep, useAppSuite } from '../support/app-suite.js';

/** A JSON:API document holding one client, as ScopeStack answers a GET, POST or PATCH. */
const one = fixture('clients/one.json');

const CLIENTS = collection('clients');
/** Every client request but the dropdown's sideloads its rate table and contacts. */
const WITH_RELATED = { include: 'rate-table,contacts' };

const client = (id: string, name: string, extra: Record<string, unknown> = {}) => ({
  id,
  type: 'clients',
  attributes: { name, domain: `${id}.example`, active: true, ...extra },
  relationships: { account: toAccount },
});
const list = (data: unknown[], links: Record<string, string> = {}) => listPage(data, { links });
/** A client search's read that matches `query`: the filters a search sends, or the page it asks for. */
const searchRead = (matches: (query: Record<string, unknown>) => boolean) => nock(API).get(CLIENTS).query(matches);

useAppSuite();

describe('triggers.new_client', () => {
  it('asks for the newest clients first, one page, with rate table and contacts included', async () => {
    const scope = nock(API)
      .get(CLIENTS)
      .query({ sort: '-id', ...FIRST_PAGE, ...WITH_RELATED })
      .reply(200, { ...one, data: [one.data] });
    expect(await readThrough(scope, newClient)).toEqual([newClient.operation.sample]);
  });

  it('reads as many records as Zapier asks for when it gives a limit', async () => {
    const scope = nock(API)
      .get(CLIENTS)
      .query({ sort: '-id', 'page[number]': '1', 'page[size]': '3', ...WITH_RELATED })
      .reply(200, list([]));
    await readThrough(scope, newClient, {}, { limit: 3 });
  });
});

describe('triggers.list_clients', () => {
  it('lists clients by name, one page per call, for the Client dropdown, without related records', async () => {
    const scope = nock(API)
      .get(CLIENTS)
      .query({ sort: 'name', ...pageOf(2) })
      .reply(200, list([client('4', 'Adventure Works')]));
    expect(await readThrough(scope, listClients, {}, { page: 1 })).toEqual([expect.objectContaining({ id: '4', name: 'Adventure Works' })]);
    expect(updateClient.operation.inputFields?.[0]).toMatchObject({ key: 'id', ...pickedFrom('list_clients', 'find_client') });
  });

  it('labels a client without a name by its noun and ID, so it can still be picked', async () => {
    nock(API)
      .get(CLIENTS)
      .query(true)
      .reply(200, list([client('4', ''), client('5', 'Adventure Works')]));
    const records = await runStep<{ id: string; label: string }[]>(listClients);
    expect(records.map(({ id, label }) => ({ id, label }))).toEqual([
      { id: '4', label: 'Client 4' },
      { id: '5', label: 'Adventure Works' },
    ]);
  });
});

describe('searches.find_client', () => {
  it('keeps only the exact name among the partial matches the API returns', async () => {
    const scope = nock(API)
      .get(CLIENTS)
      .query({ 'filter[name]': 'Northwind', 'filter[active]': 'true,false', ...WITH_RELATED, ...FIRST_PAGE })
      .reply(200, list([client('1', 'Northwind Traders'), client('2', 'northwind'), client('3', 'Northwind')]));
    const found = await readThrough(scope, findClient, { name: ' Northwind ' });
    // Same case first, then the other exact match; "Northwind Traders" is not the client asked for.
    expect(found.map((record) => record.id)).toEqual(['3', '2']);
  });

  it('prefers an active client over an archived one of the same name', async () => {
    nock(API)
      .get(CLIENTS)
      .query(true)
      .reply(200, list([client('1', 'Acme', { active: false }), client('2', 'Acme')]));
    const found = await runStep(findClient, { name: 'Acme' });
    expect(found.map((record) => record.id)).toEqual(['2', '1']);
  });

  const byDomain = (query: Record<string, unknown>) => query['filter[domain]'] === '7.example' && !('filter[name]' in query);

  it('finds by domain', async () => {
    const scope = searchRead(byDomain).reply(200, list([client('7', 'Seven')]));
    expect(await readThrough(scope, findClient, { domain: '7.example' })).toEqual([expect.objectContaining({ id: '7', name: 'Seven' })]);
  });

  it('tries the domain when the name finds nothing, as "by name or domain" promises', async () => {
    const byName = searchRead((query) => query['filter[name]'] === 'Old Name' && !('filter[domain]' in query)).reply(200, list([]));
    const scope = searchRead(byDomain).reply(200, list([client('7', 'New Name')]));
    const found = await readThrough([byName, scope], findClient, { name: 'Old Name', domain: '7.example' });
    expect(found).toEqual([expect.objectContaining({ id: '7', name: 'New Name' })]);
  });

  it('returns an empty list, not an error, when nothing matches exactly', async () => {
    nock(API)
      .get(CLIENTS)
      .query(true)
      .reply(200, list([client('1', 'Acme Corp')]));
    await expect(runStep(findClient, { name: 'Acme' })).resolves.toEqual([]);
  });

  it('follows the next page of partial matches', async () => {
    const first = searchRead((query) => query['page[number]'] === '1').reply(
      200,
      list([client('1', 'Acme Corp')], { next: `${API}${CLIENTS}?page%5Bnumber%5D=2` }),
    );
    const second = searchRead((query) => query['page[number]'] === '2').reply(200, list([client('2', 'Acme')], { next: '' }));
    const found = await readThrough([first, second], findClient, { name: 'acme' });
    expect(found.map((record) => record.id)).toEqual(['2']);
  });

  it('asks for a name or domain before searching', async () => {
    expect(await searchRefusalOf(findClient, { name: '  ' })).toEqual(refused('Enter Name or Domain to find client by.'));
  });
});

describe('creates.create_client', () => {
  it('posts a JSON:API body linked to the account and returns the flat record', async () => {
    const attributes = { name: 'Example Client Ltd', domain: 'client.example', 'msa-date': '2025-01-31' };
    const scope = onePost(CLIENTS, newRecord('clients', attributes, { account: toAccount }), one, WITH_RELATED);
    const input = { name: 'Example Client Ltd', domain: 'client.example', msa_date: '2025-01-31T00:00:00Z', active: '' };
    expect(await writeThrough(scope, createClient, input)).toEqual(createClient.operation.sample);
  });

  it('refuses a missing name and bad values before sending anything', async () => {
    expect(await refusalOf(createClient, { domain: 'x.example' })).toEqual(nothingSent('Name is required.'));
    const badDate = await refusalOf(createClient, { name: 'X', msa_date: 'soon' });
    expect(badDate).toEqual(nothingSent('MSA Date must be a date like 2025-01-31, Jan 31, 2025 or 31 Jan 2025 (got "soon").'));
  });

  it('explains a duplicate name from the JSON:API errors and sends the POST once', async () => {
    const scope = nock(API).post(CLIENTS).query(true).once().reply(422, refusedAttribute('name', 'has already been taken'));
    const error = await refusalOf(createClient, { name: 'Acme' });
    expect(scope.isDone()).toBe(true);
    expect(error.message).toBe(
      'ScopeStack says: Name has already been taken. Use a different value, or change the existing record instead of creating another.',
    );
  });

  it('never resends a create whose connection dropped, and says it may have happened', async () => {
    const scope = nock(API).post(CLIENTS).query(true).once().replyWithError('socket hang up');
    const error = await refusalOf(createClient, { name: 'Acme' });
    expect(scope.isDone()).toBe(true);
    expect(error.message).toBe(
      'The connection to ScopeStack failed while trying to create clients (socket hang up). The client may or may not have been created: check with the Find Client step (or in ScopeStack) before running this step again, so that nothing is created twice.',
    );
  });
});

describe('creates.update_client', () => {
  it('patches only the given fields, with the id in the body', async () => {
    const scope = onePatch(`${CLIENTS}/1001`, changes('clients', '1001', { active: false }), one, WITH_RELATED);
    const record = await writeThrough(scope, updateClient, { id: '1001', active: false, name: '' });
    expect(record).toMatchObject({ id: '1001', name: 'Example Client Ltd' });
  });

  it('asks for something to change', async () => {
    const error = await refusalOf(updateClient, { id: '1001' });
    expect(error).toEqual(nothingSent('Fill in at least one field to change on the client.'));
  });

  it('explains an unknown id', async () => {
    nock(API)
      .patch(`${CLIENTS}/999`)
      .query(true)
      .reply(404, { errors: [{ title: 'Record not found', detail: 'The record identified by 999 could not be found.' }] });
    const error = await refusalOf(updateClient, { id: '999', name: 'X' });
    expect(error.code).toBe('NotFoundError');
    expect(error.message).toMatch(
      /^ScopeStack could not find client 999 \(404\)\. ScopeStack says: The record identified by 999 could not be found\./,
    );
  });
});

describe('searches.find_client on a very broad name', () => {
  it('says the search was too broad instead of reporting "not found" (which would create a twin)', async () => {
    // Every page partly matches and says another follows: the search stops at its cap of 5 pages.
    const page = list([client('7', 'Acme Holdings')], { next: `${API}${CLIENTS}?page%5Bnumber%5D=2` });
    const scope = searchRead((query) => query['filter[name]'] === 'Acme')
      .times(5)
      .reply(200, page);
    const error = await searchRefusalOf(findClient, { name: 'Acme' });
    expect(scope.isDone()).toBe(true);
    expect(error).toEqual(
      refused(
        'More than 500 client records partly match, and none of the first ones matches exactly. Search by a more specific value (Name or Domain).',
      ),
    );
  });
});
