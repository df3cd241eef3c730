/**
 * The toolkit on a second wire format, end to end: Gizmo, a made-up plain-REST service (records
 * under the collection's name, page tokens, no sort, gRPC-style errors, an environment URL per
 * customer, nested paths), described by catalog entries alone and run through the toolkit's own
 * session auth and middleware against nock. Nothing here is ScopeStack's or JSON:API's.
 */
import nock from 'nock';
import zapier, { type Bundle, type ZObject } from 'zapier-platform-core';
import { createApiMiddleware } from '../src/api-middleware.js';
import { restJsonFormat } from '../src/formats/rest-json-format.js';
import type { Requester, ResourceSpec } from '../src/resource-spec.js';
import type { ServiceWords } from '../src/service-words.js';
import { dropdownTrigger } from '../src/steps/dropdown-trigger.js';
import { MAX_UNSORTED_PAGES } from '../src/steps/unsorted-poll.js';
import { pollingTrigger } from '../src/steps/polling-trigger.js';
import { searchStep } from '../src/steps/search.js';
import { createStep, updateStep } from '../src/steps/write-step.js';
import { fetchToken } from '../src/token-session.js';
import { nowInSeconds } from '../src/token-timing.js';
import { errorBodyOf, rejectionOf } from './support/errors.js';
import { useNock } from './support/nock.js';
import { performOf } from './support/steps.js';

/** Each customer has an environment of their own; the token and every call go there. */
const ENV = 'https://acme.gizmo.test';
const GADGETS = '/api/v1/gadgets';
const JSON_TYPE = 'application/json';

const words: ServiceWords = {
  service: 'Gizmo',
  credential: 'a Gizmo API client',
  credentialsPage: 'Gizmo (Settings > API Clients)',
  credentialDialog: 'the dialog that shows them',
  permissionFix: 'Ask a Gizmo admin to allow this API client to do it',
};

const environmentOf = (bundle: Bundle): string => bundle.authData['environment_url'] ?? '';

const gizmo: Requester = {
  service: 'Gizmo',
  format: restJsonFormat,
  collectionsUrl: (bundle) => `${environmentOf(bundle)}/api/v1`,
  apiBaseUrl: environmentOf,
  recordId: { pattern: /^[a-z]+_[A-Za-z0-9]+$/, description: 'an ID such as gdg_12' },
};

const gadgets: ResourceSpec = {
  type: 'gadgets',
  path: 'gadgets',
  noun: 'Gadget',
  display: 'display_name',
  attributes: [
    { name: 'display_name', kind: 'string', writable: true },
    { name: 'external_id', kind: 'string', writable: true, externalId: true },
    { name: 'create_time', kind: 'datetime' },
  ],
  relationships: [],
  filters: [{ key: 'external_id', param: 'external_id', match: 'exact', externalId: true }],
  pageSize: 2,
  ownedByAccount: false,
  requester: gizmo,
  sample: { id: 'gdg_1', display_name: 'Sample', external_id: 'CRM-1', create_time: '2025-01-31T10:00:00Z' },
};

const parts: ResourceSpec = {
  ...gadgets,
  type: 'parts',
  path: 'gadgets/{gadget_id}/parts',
  noun: 'Part',
  display: 'name',
  attributes: [{ name: 'name', kind: 'string', writable: true }],
  filters: [],
  sample: { id: 'prt_1', name: 'Sample part' },
};

const { befores, afters } = createApiMiddleware({
  words,
  apiBaseUrl: environmentOf,
  tokenUrl: (bundle) => `${environmentOf(bundle)}/oauth/token`,
  userAgent: 'gizmo-zapier/1.0',
  format: restJsonFormat,
});

const newGadget = pollingTrigger(gadgets, { key: 'new_gadget', sort: '-create_time', addedAtEndBy: 'create_time' });
const listGadgets = dropdownTrigger(gadgets, { key: 'list_gadgets', plural: 'Gadgets' });
const findGadget = searchStep(gadgets, { key: 'find_gadget' });
const createGadget = createStep(gadgets, { key: 'create_gadget', required: ['display_name'] });
const updateGadget = updateStep(gadgets, { key: 'update_gadget', dropdown: 'list_gadgets' });
const createPart = createStep(parts, { key: 'create_part', required: ['name'] });
const steps = { triggers: [newGadget, listGadgets], searches: [findGadget], creates: [createGadget, updateGadget, createPart] };
const byKey = <T extends { key: string }>(list: readonly T[]) => Object.fromEntries(list.map((step) => [step.key, step]));

const App = {
  version: '1.0.0',
  platformVersion: zapier.version,
  authentication: {
    type: 'session' as const,
    fields: [{ key: 'environment_url' }, { key: 'client_id' }, { key: 'client_secret' }],
    test: { url: `{{bundle.authData.environment_url}}${GADGETS}` },
    sessionConfig: {
      perform: (z: ZObject, bundle: Bundle) =>
        fetchToken(z, { words, tokenUrl: (b) => `${environmentOf(b)}/oauth/token`, clientAuthentication: () => 'body' }, bundle),
    },
  },
  beforeRequest: befores,
  afterResponse: afters,
  triggers: byKey(steps.triggers),
  searches: byKey(steps.searches),
  creates: byKey(steps.creates),
};
const appTester = zapier.createAppTester(App);

const connected = (inputData: Record<string, unknown> = {}, meta: Record<string, unknown> = {}) => ({
  authData: {
    environment_url: ENV,
    client_id: 'gizmo-client',
    client_secret: 'gizmo secret',
    access_token: 'gizmo-token',
    token_issued_at: String(nowInSeconds() - 60),
    token_expires_at: String(nowInSeconds() + 3600),
  },
  inputData,
  meta: { page: 0, ...meta },
});

const gadget = (id: string, name: string, created: string, extra: Record<string, unknown> = {}) => ({
  id,
  display_name: name,
  external_id: `CRM-${id.replace('gdg_', '')}`,
  create_time: created,
  metadata: {},
  ...extra,
});

/** Gizmo's API, answering only requests with its token and media type. */
const gizmoApi = () => nock(ENV, { reqheaders: { authorization: 'Bearer gizmo-token', accept: JSON_TYPE } });

useNock();

describe('a made-up REST API with page tokens, through the toolkit', () => {
  it('connects by posting the credentials to the token URL of the environment the user typed', async () => {
    const scope = nock(ENV)
      .post('/oauth/token', { grant_type: 'client_credentials', client_id: 'gizmo-client', client_secret: 'gizmo secret' })
      .once()
      .reply(200, { access_token: 'new-token', token_type: 'Bearer', expires_in: 1800 });
    const state = await appTester(App.authentication.sessionConfig.perform, {
      ...connected(),
      authData: { environment_url: ENV, client_id: 'gizmo-client', client_secret: 'gizmo secret' },
    });
    expect(scope.isDone()).toBe(true);
    expect(state).toMatchObject({ access_token: 'new-token' });
  });

  it('polls by following page tokens, with no sort asked for, and returns each record once, newest first', async () => {
    const scope = gizmoApi()
      .get(GADGETS)
      .query({ page_size: '2' })
      .once()
      .reply(200, {
        gadgets: [gadget('gdg_1', 'Old', '2025-01-01T00:00:00Z'), gadget('gdg_3', 'Newest', '2025-03-01T00:00:00Z')],
        next_page_token: 't2',
        total_size: 3,
      })
      .get(GADGETS)
      .query({ page_size: '2', page_token: 't2' })
      .once()
      .reply(200, {
        gadgets: [gadget('gdg_2', 'Middle', '2025-02-01T00:00:00Z'), gadget('gdg_3', 'Newest', '2025-03-01T00:00:00Z')],
        next_page_token: '',
        total_size: 3,
      });
    const records = await appTester(performOf<{ id: string; display_name: string }[]>(newGadget), connected());
    expect(scope.isDone()).toBe(true);
    expect(records.map((record) => [record.id, record.display_name])).toEqual([
      ['gdg_3', 'Newest'],
      ['gdg_2', 'Middle'],
      ['gdg_1', 'Old'],
    ]);
  });

  it('lists a dropdown page by page through the token the previous page left', async () => {
    const store: { cursor?: string } = {};
    const dropdown = performOf<{ id: string; label: string }[]>(listGadgets);
    const withCursor = (z: ZObject, bundle: Bundle) =>
      dropdown(
        Object.assign(Object.create(z) as ZObject, {
          cursor: {
            get: () => Promise.resolve(store.cursor ?? ''),
            set: (value: string) => {
              store.cursor = value;
              return Promise.resolve();
            },
          },
        }),
        bundle,
      );
    const scope = gizmoApi()
      .get(GADGETS)
      .query({ page_size: '2' })
      .once()
      .reply(200, { gadgets: [gadget('gdg_1', 'One', '2025-01-01T00:00:00Z')], next_page_token: 'next-one' })
      .get(GADGETS)
      .query({ page_size: '2', page_token: 'next-one' })
      .once()
      .reply(200, { gadgets: [gadget('gdg_2', 'Two', '2025-01-01T00:00:00Z')], next_page_token: '' });
    expect((await appTester(withCursor, connected())).map((record) => record.label)).toEqual(['One']);
    expect((await appTester(withCursor, connected({}, { page: 1 }))).map((record) => record.label)).toEqual(['Two']);
    expect(scope.isDone()).toBe(true);
  });

  it('finds by an exact filter, and by ID from the member under its singular name; a 404 finds nothing', async () => {
    const scope = gizmoApi()
      .get(GADGETS)
      .query({ external_id: 'CRM-7', page_size: '2' })
      .once()
      .reply(200, { gadgets: [gadget('gdg_7', 'Seven', '2025-01-01T00:00:00Z')], next_page_token: '' })
      .get(`${GADGETS}/gdg_7`)
      .once()
      .reply(200, { gadget: gadget('gdg_7', 'Seven', '2025-01-01T00:00:00Z') })
      .get(`${GADGETS}/gdg_8`)
      .once()
      .reply(404, { code: 5, message: 'gadget not found', details: [{ error_code: 'NOT_FOUND' }] });
    const find = performOf<{ id: string }[]>(findGadget);
    expect(await appTester(find, connected({ external_id: 'CRM-7' }))).toMatchObject([
      { id: 'gdg_7', display_name: 'Seven', metadata: {} },
    ]);
    expect(await appTester(find, connected({ id: 'gdg_7' }))).toMatchObject([{ id: 'gdg_7' }]);
    expect(await appTester(find, connected({ id: 'gdg_8' }))).toEqual([]);
    expect(scope.isDone()).toBe(true);
  });

  it('creates and updates with the fields at the top level of a plain JSON body', async () => {
    const scope = gizmoApi()
      .matchHeader('content-type', JSON_TYPE)
      .post(GADGETS, { display_name: 'Acme Corp', external_id: 'CRM-9' })
      .once()
      .reply(200, { gadget: gadget('gdg_9', 'Acme Corp', '2025-01-01T00:00:00Z') })
      .patch(`${GADGETS}/gdg_9`, { display_name: 'Acme Inc' })
      .once()
      .reply(200, { gadget: gadget('gdg_9', 'Acme Inc', '2025-01-01T00:00:00Z') });
    expect(await appTester(performOf(createGadget), connected({ display_name: 'Acme Corp', external_id: 'CRM-9' }))).toMatchObject({
      id: 'gdg_9',
      display_name: 'Acme Corp',
    });
    expect(await appTester(performOf(updateGadget), connected({ id: 'gdg_9', display_name: 'Acme Inc' }))).toMatchObject({
      id: 'gdg_9',
      display_name: 'Acme Inc',
    });
    expect(scope.isDone()).toBe(true);
  });

  it('fills a nested path from the input, and refuses a parent that is not an ID before sending anything', async () => {
    const scope = gizmoApi()
      .post(`${GADGETS}/gdg_9/parts`, { name: 'Cog' })
      .once()
      .reply(200, { part: { id: 'prt_1', name: 'Cog' } });
    const perform = performOf(createPart);
    expect(await appTester(perform, connected({ gadget_id: 'gdg_9', name: 'Cog' }))).toEqual({ id: 'prt_1', name: 'Cog' });
    expect(scope.isDone()).toBe(true);
    expect(errorBodyOf(await rejectionOf(appTester(perform, connected({ gadget_id: 'Acme Corp', name: 'Cog' }))))).toMatchObject({
      code: 'ValidationError',
      message: expect.stringContaining(
        'Nothing was sent to Gizmo: Gadget ID must be a Gizmo ID, an ID such as gdg_12 (got "Acme Corp").',
      ) as unknown,
    });
  });

  it('asks for a parent that is in the path as a required field of an update, and says why', () => {
    const updatePart = updateStep(parts, {
      key: 'update_part',
      dropdown: 'list_parts',
      parent: { key: 'gadget_id', label: 'Gadget', dropdown: 'list_gadgets' },
    });
    const [parentField] = updatePart.operation.inputFields as { key: string; required: boolean; helpText: string }[];
    expect(parentField).toMatchObject({
      key: 'gadget_id',
      required: true,
      helpText:
        'Pick the gadget first to list its part records below. Gizmo finds the part under it, so it is needed even when you map the Part ID.',
    });
  });

  it("names a field by its label from the service's field violations, and quotes a plain message", async () => {
    gizmoApi()
      .post(GADGETS)
      .once()
      .reply(400, {
        code: 3,
        message: 'validation failed',
        details: [
          {
            error_code: 'INVALID_ARGUMENT',
            validation_error_info: {
              field_violations: [{ field: 'display_name', description: 'must be at most 200 characters', constraint: 'string.max_len' }],
            },
          },
        ],
      })
      .post(GADGETS)
      .once()
      .reply(409, { code: 6, message: 'gadget with external id CRM-9 already exists', details: [{ error_code: 'ALREADY_EXISTS' }] });
    const create = performOf(createGadget);
    expect(errorBodyOf(await rejectionOf(appTester(create, connected({ display_name: 'Long' }))))).toEqual({
      code: 'ValidationError',
      status: 400,
      message: 'Gizmo says: Display Name must be at most 200 characters. Correct the field and try again.',
    });
    expect(errorBodyOf(await rejectionOf(appTester(create, connected({ display_name: 'Twin', external_id: 'CRM-9' }))))).toMatchObject({
      status: 409,
      message:
        'Gizmo says: gadget with external id CRM-9 already exists. Use a different value, or change the existing record instead of creating another.',
    });
  });

  it('sends the token only to the environment it belongs to', async () => {
    const elsewhere = nock('https://files.gizmo-cdn.test', { badheaders: ['authorization'] })
      .get('/export.csv')
      .once()
      .reply(200, 'a,b');
    await appTester((z: ZObject) => z.request({ url: 'https://files.gizmo-cdn.test/export.csv', raw: true }), connected());
    expect(elsewhere.isDone()).toBe(true);
  });
});

describe('a poll of a list Gizmo cannot sort, read on from where the last poll left it', () => {
  /** Gizmo's list as it stands, oldest first, served two a page by page-number tokens; each query asked is kept. */
  const serveList = (list: () => readonly ReturnType<typeof gadget>[]) => {
    const asked: Record<string, string>[] = [];
    gizmoApi()
      .get(GADGETS)
      .query((query) => Boolean(asked.push(query as Record<string, string>)))
      .reply(200, () => {
        const page = Number(asked.at(-1)?.['page_token']?.replace('t', '') ?? '1');
        const more = page * 2 < list().length;
        return { gadgets: list().slice((page - 1) * 2, page * 2), next_page_token: more ? `t${page + 1}` : '', total_size: list().length };
      })
      .persist();
    return asked;
  };
  const day = (n: number) => new Date(Date.UTC(2025, 0, n)).toISOString();
  const older = (count: number) => Array.from({ length: count }, (_, n) => gadget(`gdg_${n + 1}`, `Old ${n + 1}`, day(n + 1)));
  const justNow = (id: string, secondsAgo = 0) => gadget(id, `New ${id}`, new Date(Date.now() - secondsAgo * 1000).toISOString());
  const page = (token?: string) => ({ page_size: '2', ...(token ? { page_token: token } : {}) });
  const poll = (meta: Record<string, unknown> = {}, fresh = false) =>
    appTester(performOf<{ id: string }[]>(newGadget), connected({}, meta), fresh).then((found) => found.map(({ id }) => id));

  it('reads every page once, then starts at the page where the last day begins and returns only what is new', async () => {
    const list = older(5);
    const asked = serveList(() => list);
    expect(await poll({}, true)).toEqual(['gdg_5', 'gdg_4', 'gdg_3', 'gdg_2', 'gdg_1']);
    list.push(justNow('gdg_6', 2), justNow('gdg_7', 1));
    expect(await poll()).toEqual(['gdg_7', 'gdg_6']);
    expect(await poll()).toEqual(['gdg_7', 'gdg_6']);
    // gdg_5 is the last record before the look-back: its page is where every later poll starts.
    expect(asked).toEqual([page(), page('t2'), page('t3'), page('t3'), page('t4'), page('t3'), page('t4')]);
  });

  it('reads from the first page when records deleted before its start moved a new one onto an earlier page', async () => {
    const list = older(5);
    const asked = serveList(() => list);
    await poll({}, true);
    list.push(justNow('gdg_6'));
    list.splice(0, 2);
    // The kept token t3 now starts at gdg_6, created after the look-back: gdg_5 may have moved before it.
    expect(await poll()).toEqual(['gdg_6', 'gdg_5', 'gdg_4', 'gdg_3']);
    expect(asked.slice(3)).toEqual([page('t3'), page(), page('t2')]);
  });

  it('reads from the first page when Gizmo no longer takes the kept token', async () => {
    const list = older(3);
    serveList(() => list);
    await poll({}, true);
    nock.cleanAll();
    const scope = gizmoApi()
      .get(GADGETS)
      .query(page('t2'))
      .once()
      .reply(400, { code: 3, message: 'invalid page_token' })
      .get(GADGETS)
      .query(page())
      .once()
      .reply(200, { gadgets: list.slice(0, 2), next_page_token: 't2' })
      .get(GADGETS)
      .query(page('t2'))
      .once()
      .reply(200, { gadgets: list.slice(2), next_page_token: '' });
    expect(await poll()).toEqual(['gdg_3', 'gdg_2', 'gdg_1']);
    expect(scope.isDone()).toBe(true);
  });

  it('keeps no trail of a list out of creation order: every poll reads it whole', async () => {
    const list = [gadget('gdg_1', 'One', day(2)), gadget('gdg_2', 'Two', day(1)), gadget('gdg_3', 'Three', day(3))];
    const asked = serveList(() => list);
    await poll({}, true);
    expect(await poll()).toEqual(['gdg_3', 'gdg_1', 'gdg_2']);
    expect(asked).toEqual([page(), page('t2'), page(), page('t2')]);
  });

  it('reads from the first page when a record comes out of creation order, so that it is not passed over', async () => {
    const list = older(3);
    const asked = serveList(() => list);
    await poll({}, true);
    list.push(gadget('gdg_0', 'Backdated', day(0)));
    expect(await poll()).toEqual(['gdg_3', 'gdg_2', 'gdg_1', 'gdg_0']);
    expect(await poll()).toHaveLength(4);
    expect(asked.slice(2)).toEqual([page('t2'), page(), page('t2'), page(), page('t2')]);
  });

  it('reads the whole list at every poll when records may join it anywhere, so an old record that joins is returned', async () => {
    const anywhere = pollingTrigger(gadgets, { key: 'new_gadget_anywhere', sort: '-create_time' });
    const list = older(5);
    const asked = serveList(() => list);
    await appTester(performOf(anywhere), connected(), true);
    list.splice(1, 0, gadget('gdg_0', 'Joined late', day(0)));
    const found = await appTester(performOf<{ id: string }[]>(anywhere), connected());
    expect(found.map(({ id }) => id)).toContain('gdg_0');
    expect(asked).toEqual([page(), page('t2'), page('t3'), page(), page('t2'), page('t3')]);
  });

  it('loads a sample of the newest records, from the page the last poll left, whatever the limit asked', async () => {
    const list = older(5);
    const asked = serveList(() => list);
    expect(await poll({ isLoadingSample: true, limit: 1 }, true)).toEqual(['gdg_5', 'gdg_4', 'gdg_3', 'gdg_2', 'gdg_1']);
    expect(await poll({ isLoadingSample: true, limit: 1 })).toEqual(['gdg_5']);
    expect(asked).toEqual([page(), page('t2'), page('t3'), page('t3')]);
  });

  it("reads from the first page to seed Zapier's dedupe list, and without Zapier's cache", async () => {
    const list = older(3);
    const asked = serveList(() => list);
    await poll({}, true);
    expect(await poll({ isPopulatingDedupe: true })).toHaveLength(3);
    const noCache = (z: ZObject, bundle: Bundle) => {
      const refused = () => Promise.reject(new Error('rpc is not available'));
      return performOf(newGadget)({ ...z, cache: { get: refused, set: refused, delete: refused } }, bundle);
    };
    expect(await appTester(noCache, connected())).toHaveLength(3);
    expect(asked).toEqual([page(), page('t2'), page(), page('t2'), page(), page('t2')]);
  });

  it('reads a list longer than one poll reads on at the next poll, and does not fire for its old records', async () => {
    const pages = MAX_UNSORTED_PAGES + 2;
    const list = older(pages * 2);
    const asked = serveList(() => list);
    expect(await poll({ isPopulatingDedupe: true }, true)).toHaveLength(MAX_UNSORTED_PAGES * 2);
    list.push(justNow('gdg_new'));
    expect(await poll()).toEqual(['gdg_new']);
    expect(asked.slice(MAX_UNSORTED_PAGES)).toEqual([
      page(`t${MAX_UNSORTED_PAGES}`),
      page(`t${pages - 1}`),
      page(`t${pages}`),
      page(`t${pages + 1}`),
    ]);
  });
});

describe('the plain REST JSON wire format', () => {
  it.each([
    ['an empty list', { gadgets: [], next_page_token: '' }, []],
    ['a list under another name', { items: [{ id: 'gdg_1' }] }, undefined],
    ['no list at all', { next_page_token: '' }, undefined],
    ['records without IDs', { gadgets: [{ display_name: 'No ID' }] }, undefined],
    ['a list that is not one', { gadgets: { id: 'gdg_1' } }, undefined],
    ['no object', 'gadgets', undefined],
  ])('reads %s', (_case, body, records) => {
    expect(restJsonFormat.readList(body, gadgets, undefined)?.records).toEqual(records);
  });

  it('reads a record given under its singular name or as the whole body, and nothing else', () => {
    expect(restJsonFormat.readOne({ gadget: { id: 7, display_name: 'A' } }, gadgets)).toEqual({ id: '7', display_name: 'A' });
    expect(restJsonFormat.readOne({ id: 'gdg_7', display_name: 'A' }, gadgets)).toEqual({ id: 'gdg_7', display_name: 'A' });
    expect(restJsonFormat.readOne({ gadget: { display_name: 'A' } }, gadgets)).toBeUndefined();
  });

  it.each([
    [
      'a message and its error code',
      { code: 5, message: 'not found', details: [{ error_code: 'NOT_FOUND' }] },
      [{ code: 'NOT_FOUND', detail: 'not found' }],
    ],
    ['a sign-in error', { error: 'invalid_client', error_description: 'Bad client' }, [{ detail: 'Bad client' }]],
    ['an error code alone', { details: [{ error_code: 'INTERNAL' }] }, [{ code: 'INTERNAL' }]],
    [
      'a violation without a description',
      { message: 'bad', details: [{ validation_error_info: { field_violations: [{ field: 'slug' }] } }] },
      [{ field: 'slug', detail: 'bad' }],
    ],
    ['nothing readable', { details: 'none' }, []],
  ])('reads an error body with %s', (_case, body, errors) => {
    expect(restJsonFormat.errorsOf(body)).toEqual(errors);
  });

  it('writes relationships as IDs beside the fields, never the record ID', () => {
    expect(
      restJsonFormat.writeBody({
        type: 'gadgets',
        id: 'gdg_1',
        attributes: { display_name: 'A' },
        relationships: { owner: { type: 'users', ids: ['usr_1'], many: false }, tags: { type: 'tags', ids: ['t1', 't2'], many: true } },
      }),
    ).toEqual({ display_name: 'A', owner_id: 'usr_1', tags_ids: ['t1', 't2'] });
  });
});
