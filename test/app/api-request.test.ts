/**
 * The API Request step against nock: where each form of path goes, with which headers, query and
 * body, and what the user gets back. Every refused target, body and method is refused before any
 * request: a catch-all interceptor on every host records whatever goes out, so those tests fail
 * if a single request (and with it, possibly, the connection's token) leaves.
 */
import nock from 'nock';
import { request as httpsRequest } from 'node:https';
import zapier from 'zapier-platform-core';
import apiRequest from '../../creates/api_request.js';
import App from '../../src/index.js';
import { ACCESS_TOKEN, API, bundleWith, connectedAuthData, SLUG, useTestHosts } from '../support/bundle.js';
import { errorBodyOf, rejectionOf } from '../../packages/toolkit/test/support/errors.js';
import { useNock } from '../../packages/toolkit/test/support/nock.js';
import { performOf } from '../../packages/toolkit/test/support/steps.js';
import { nothingSent } from '../support/app-expect.js';

const appTester = zapier.createAppTester(App);

interface ApiRequestOutput {
  status: number;
  data: Record<string, unknown>[];
  included: Record<string, unknown>[];
  links: Record<string, unknown>;
  meta: string;
  document: string;
}

const JSON_API = 'application/vnd.api+json';
const PHASES = `/${SLUG}/v1/projects/123/project-phases`;
const EXAMPLE = '/projects/123/project-phases';
const ACCEPTED = `Path must be a path under the API, such as ${EXAMPLE} or /v1/me`;

const run = (input: Record<string, unknown>) => appTester(performOf<ApiRequestOutput>(apiRequest), bundleWith(input));

/** A list of project phases as ScopeStack sends it, as the exact text of the body. */
const phasesDocument = JSON.stringify({
  data: [
    {
      id: '602418',
      type: 'project-phases',
      links: { self: `https://api.scopestack.io/${SLUG}/v1/project-phases/602418` },
      attributes: { name: 'Design', active: true, 'sow-language': 'design' },
      relationships: {
        project: { data: { type: 'projects', id: '123' } },
        phase: { data: { type: 'phases', id: '7' } },
      },
    },
  ],
  included: [{ id: '7', type: 'phases', attributes: { name: 'Design Phase' } }],
  meta: { 'record-count': 1, 'page-count': 1, permissions: { view: true } },
  links: { self: `https://api.scopestack.io/${SLUG}/v1/projects/123/project-phases?include=phase`, next: null },
});

const meDocument = {
  data: { id: '4029', type: 'mes', attributes: { name: 'Zapier Integration', 'account-slug': SLUG, 'account-id': 42 } },
};

interface Sent {
  method: string;
  url: string;
  authorization: string | null;
}

/**
 * Records every request the process sends, to any host and by any method: those a catch-all
 * interceptor answers and those nock refuses ("no match").
 */
const sent: Sent[] = [];
const record = (request: Request): void => {
  sent.push({ method: request.method, url: request.url, authorization: request.headers.get('authorization') });
};
const watchEveryRequest = (): void => {
  for (const method of ['GET', 'POST', 'PATCH', 'PUT', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE']) {
    nock(/.*/)
      .persist()
      .intercept(() => true, method)
      .reply((request: Request) => {
        record(request);
        return [200, { data: [] }];
      });
  }
};

useNock();
beforeAll(useTestHosts);
beforeEach(() => {
  sent.length = 0;
  nock.emitter.on('no match', record);
});
afterEach(() => {
  nock.emitter.removeListener('no match', record);
});

describe('creates.api_request: where a request goes', () => {
  it('sends GET of an account path under the account, with the token, JSON:API Accept and the Query rows as query parameters', async () => {
    const scope = nock(API)
      .get(PHASES)
      .query({ 'filter[active]': 'true', include: 'phase' })
      .matchHeader('authorization', `Bearer ${ACCESS_TOKEN}`)
      .matchHeader('accept', JSON_API)
      .once()
      .reply(200, phasesDocument, { 'Content-Type': JSON_API });
    const output = await run({ method: 'GET', path: EXAMPLE, query: { 'filter[active]': 'true', include: 'phase' } });
    expect(scope.isDone()).toBe(true);
    expect(output).toEqual({
      status: 200,
      data: [
        {
          id: '602418',
          name: 'Design',
          active: true,
          sow_language: 'design',
          project_id: '123',
          phase_id: '7',
          phase_name: 'Design Phase',
        },
      ],
      included: [{ id: '7', name: 'Design Phase' }],
      links: { self: `https://api.scopestack.io/${SLUG}/v1/projects/123/project-phases?include=phase`, next: null },
      meta: '{"record-count":1,"page-count":1,"permissions":{"view":true}}',
      document: phasesDocument,
    });
  });

  it.each([['projects/123/project-phases'], [` ${EXAMPLE} `]])('reads %j as the same account path', async (path) => {
    const scope = nock(API).get(PHASES).once().reply(200, phasesDocument, { 'Content-Type': JSON_API });
    await run({ method: 'GET', path });
    expect(scope.isDone()).toBe(true);
  });

  it('sends /v1/me to the API root, not under the account', async () => {
    const scope = nock(API)
      .get('/v1/me')
      .matchHeader('authorization', `Bearer ${ACCESS_TOKEN}`)
      .matchHeader('accept', JSON_API)
      .once()
      .reply(200, meDocument);
    const output = await run({ method: 'GET', path: '/v1/me' });
    expect(scope.isDone()).toBe(true);
    expect(output).toMatchObject({
      status: 200,
      data: [{ id: '4029', name: 'Zapier Integration', account_slug: SLUG, account_id: 42 }],
      included: [],
      links: {},
      meta: '{}',
    });
  });

  it('sends a full URL on the API host where it points', async () => {
    const scope = nock(API).get('/v1/me').matchHeader('authorization', `Bearer ${ACCESS_TOKEN}`).once().reply(200, meDocument);
    await run({ method: 'GET', path: `${API}/v1/me` });
    expect(scope.isDone()).toBe(true);
  });

  it("sends a full URL of the account's own collection where it points, not under the account a second time", async () => {
    // A URL such as a record's links.self is already under the account: prefixing
    // /example-it/v1 again sends the request to /example-it/v1/example-it/v1/... (a 404).
    const scope = nock(API)
      .get(`/${SLUG}/v1/projects/90425`)
      .matchHeader('authorization', `Bearer ${ACCESS_TOKEN}`)
      .once()
      .reply(200, { data: { id: '90425', type: 'projects', attributes: { 'project-name': 'Cloud Migration' } } });
    const output = await run({ method: 'GET', path: `${API}/${SLUG}/v1/projects/90425` }).catch((error: unknown) => error);
    // What nock could not match, that is where the request went instead.
    expect(sent.map((request) => request.url)).toEqual([]);
    expect(scope.isDone()).toBe(true);
    expect(output).toMatchObject({ data: [{ id: '90425', project_name: 'Cloud Migration' }] });
  });

  it('flattens only the JSON:API resources (a type and an ID) of an answer that holds other items too', async () => {
    const phase = { id: '602418', type: 'project-phases', attributes: { name: 'Design' } };
    const scope = nock(API)
      .get(PHASES)
      .once()
      .reply(200, {
        data: [phase, { type: 'project-phases', attributes: { name: 'No ID' } }, { id: '9', name: 'No type' }, null, 'Design'],
        included: [{ id: '7', type: 'phases', attributes: { name: 'Design Phase' } }, { id: '8' }, null],
      });
    const output = await run({ method: 'GET', path: EXAMPLE });
    expect(scope.isDone()).toBe(true);
    expect(output).toMatchObject({ data: [{ id: '602418', name: 'Design' }], included: [{ id: '7', name: 'Design Phase' }] });
  });

  it('asks to reconnect a connection that does not know its account, before any request', async () => {
    watchEveryRequest();
    const error = await rejectionOf(
      appTester(performOf(apiRequest), bundleWith({ method: 'GET', path: EXAMPLE }, connectedAuthData({ account_slug: '' }))),
    );
    expect(sent).toEqual([]);
    expect(error.name).toBe('ExpiredAuthError');
    expect(error.message.split('\n')[0]).toBe('This ScopeStack connection does not know its account. Reconnect it.');
  });

  it('sends GET when the method is left empty', async () => {
    const scope = nock(API).get('/v1/me').once().reply(200, meDocument);
    await run({ method: '', path: '/v1/me' });
    expect(scope.isDone()).toBe(true);
  });
});

describe('creates.api_request: writes', () => {
  const body = { data: { type: 'projects', id: '123', attributes: { 'project-name': 'New name' } } };
  const projectAnswer = { data: { id: '123', type: 'projects', attributes: { 'project-name': 'New name' } } };

  it('posts the JSON body as it is, with the JSON:API content type', async () => {
    const created = {
      data: {
        type: 'project-phases',
        attributes: { name: 'Design' },
        relationships: { project: { data: { type: 'projects', id: '123' } } },
      },
    };
    const scope = nock(API)
      .post(`/${SLUG}/v1/project-phases`, created)
      .matchHeader('content-type', JSON_API)
      .matchHeader('accept', JSON_API)
      .matchHeader('authorization', `Bearer ${ACCESS_TOKEN}`)
      .once()
      .reply(201, { data: { id: '602419', type: 'project-phases', attributes: { name: 'Design' } } });
    const output = await run({ method: 'POST', path: '/project-phases', body: JSON.stringify(created) });
    expect(scope.isDone()).toBe(true);
    expect(output).toMatchObject({ status: 201, data: [{ id: '602419', name: 'Design' }] });
  });

  it('patches with the JSON body, the method read in any case and without the spaces around it', async () => {
    const scope = nock(API)
      .patch(`/${SLUG}/v1/projects/123`, body)
      .matchHeader('content-type', JSON_API)
      .matchHeader('authorization', `Bearer ${ACCESS_TOKEN}`)
      .once()
      .reply(200, projectAnswer);
    const output = await run({ method: ' patch ', path: '/projects/123', body: `  ${JSON.stringify(body, null, 2)}\n` });
    expect(scope.isDone()).toBe(true);
    expect(output).toMatchObject({ status: 200, data: [{ id: '123', project_name: 'New name' }] });
  });

  it('sends a body given as an object (mapped from a code step) as its JSON', async () => {
    const scope = nock(API).patch(`/${SLUG}/v1/projects/123`, body).matchHeader('content-type', JSON_API).once().reply(200, projectAnswer);
    const output = await run({ method: 'PATCH', path: '/projects/123', body });
    expect(scope.isDone()).toBe(true);
    expect(output).toMatchObject({ status: 200, data: [{ id: '123', project_name: 'New name' }] });
  });

  it('deletes, and a 204 with no body comes back as an empty answer', async () => {
    const scope = nock(API)
      .delete(`/${SLUG}/v1/project-phases/602418`)
      .matchHeader('authorization', `Bearer ${ACCESS_TOKEN}`)
      .once()
      .reply(204);
    const output = await run({ method: 'DELETE', path: '/project-phases/602418', body: ' ' });
    expect(scope.isDone()).toBe(true);
    expect(output).toEqual({ status: 204, data: [], included: [], links: {}, meta: '{}', document: '' });
  });

  it("reports ScopeStack's own words when it rejects a write", async () => {
    nock(API)
      .patch(`/${SLUG}/v1/projects/123`)
      .once()
      .reply(422, {
        errors: [
          { title: "can't be blank", detail: "project-name - can't be blank", source: { pointer: '/data/attributes/project-name' } },
        ],
      });
    const error = await rejectionOf(run({ method: 'PATCH', path: '/projects/123', body: JSON.stringify(body) }));
    expect(errorBodyOf(error)).toMatchObject({
      code: 'ValidationError',
      message: expect.stringContaining("Project Name can't be blank") as unknown,
    });
  });
  it('names a rejected relationship as the project steps label it', async () => {
    nock(API)
      .patch(`/${SLUG}/v1/projects/123`)
      .once()
      .reply(422, { errors: [{ title: 'is invalid', detail: 'is invalid', source: { pointer: '/data/relationships/project-contacts' } }] });
    const error = await rejectionOf(run({ method: 'PATCH', path: '/projects/123', body: JSON.stringify(body) }));
    expect(errorBodyOf(error).message).toBe('ScopeStack says: Contacts is invalid. Correct the field and try again.');
  });

  it('names a rejected field by its pointer on a path no step covers', async () => {
    nock(API)
      .patch(`/${SLUG}/v1/project-phases/602418`)
      .once()
      .reply(422, {
        errors: [{ title: "can't be blank", detail: "can't be blank", source: { pointer: '/data/attributes/sow-language' } }],
      });
    const error = await rejectionOf(run({ method: 'PATCH', path: '/project-phases/602418', body: JSON.stringify(body) }));
    expect(errorBodyOf(error).message).toBe("ScopeStack says: SOW Language can't be blank. Correct the field and try again.");
  });
});

describe('creates.api_request: refused before any request', () => {
  it('has a watcher that sees every request, to the API or to any other host', async () => {
    // Without this, a refusal test could pass while a request went out.
    watchEveryRequest();
    await run({ method: 'GET', path: '/v1/me' });
    await new Promise<void>((resolve, reject) => {
      httpsRequest('https://evil.example/x', (response) => {
        response.resume();
        response.on('end', resolve);
      })
        .on('error', reject)
        .end();
    });
    expect(sent).toEqual([
      { method: 'GET', url: `${API}/v1/me`, authorization: `Bearer ${ACCESS_TOKEN}` },
      { method: 'GET', url: 'https://evil.example/x', authorization: null },
    ]);
  });

  const OTHER_HOST = `${ACCEPTED}: a URL on another host is never called with this connection.`;
  const NOT_AN_OBJECT = 'Body must be a JSON object, for example {"data": {...}}.';
  const NO_SUCH_METHOD = 'Method must be one of GET, POST, PATCH, DELETE.';
  const noBodyOn = (method: string) => `Body must be empty for ${method}: only POST and PATCH send one.`;

  it.each([
    ['another host', { path: 'https://evil.example/x' }, OTHER_HOST],
    ['another host, for a write', { method: 'POST', path: 'https://evil.example/x', body: '{"data":{}}' }, OTHER_HOST],
    ['http:// on the API host', { path: 'http://api.scopestack.test/v1/me' }, OTHER_HOST],
    ['the API host as user info before another host', { path: 'https://api.scopestack.test@evil.example/' }, OTHER_HOST],
    ['a host that starts like the API host', { path: 'https://api.scopestack.test.evil.example/v1/me' }, OTHER_HOST],
    ['a scheme-relative //host', { path: '//evil.example/x' }, `${ACCEPTED}: "//" would name another host.`],
    ['a .. segment', { path: '/../v1/me' }, `${ACCEPTED}, without "." or ".." segments.`],
    ['an encoded .. segment', { path: '/projects/%2e%2e/x' }, `${ACCEPTED}, without encoded slashes or dots.`],
    ['an encoded slash, upper case', { path: '/a%2Fb' }, `${ACCEPTED}, without encoded slashes or dots.`],
    ['an encoded slash, lower case', { path: '/a%2fb' }, `${ACCEPTED}, without encoded slashes or dots.`],
    ['backslashes', { path: '\\\\evil.example\\x' }, `${ACCEPTED}, without spaces or backslashes.`],
    ['a backslash inside a path', { path: '/projects\\..\\x' }, `${ACCEPTED}, without spaces or backslashes.`],
    ['a ? in the path', { path: '/projects?filter[active]=true' }, `${ACCEPTED}, without ? or #: put query parameters in Query.`],
    ['a ? in a full URL', { path: `${API}/v1/me?x=1` }, `${ACCEPTED}, without ? or #: put query parameters in Query.`],
    ['an empty path', { path: ' ' }, `${ACCEPTED}.`],
    ['a body on GET', { method: 'GET', path: EXAMPLE, body: '{"data":{}}' }, noBodyOn('GET')],
    ['a body on DELETE', { method: 'DELETE', path: '/projects/123', body: '{"data":{}}' }, noBodyOn('DELETE')],
    [
      'a body that is not JSON',
      { method: 'POST', path: '/projects', body: "{data: {type: 'projects'}}" },
      'Body must be JSON, for example {"data": {"type": "projects", "id": "123", "attributes": {"project-name": "New name"}}}.',
    ],
    ['a JSON list as the body', { method: 'PATCH', path: '/projects/123', body: '[{"data":{}}]' }, NOT_AN_OBJECT],
    ['a JSON text as the body', { method: 'POST', path: '/projects', body: '"data"' }, NOT_AN_OBJECT],
    ['JSON null as the body', { method: 'POST', path: '/projects', body: 'null' }, NOT_AN_OBJECT],
    ['the method PUT', { method: 'PUT', path: '/projects/123', body: '{"data":{}}' }, NO_SUCH_METHOD],
    ['the method HEAD', { method: 'HEAD', path: '/v1/me' }, NO_SUCH_METHOD],
    ['an unknown method to another host', { method: 'FETCH', path: 'https://evil.example/x' }, NO_SUCH_METHOD],
  ])('refuses %s', async (_case, input, problem) => {
    watchEveryRequest();
    const error = await rejectionOf(run({ method: 'GET', ...input }));
    expect(sent).toEqual([]);
    expect(errorBodyOf(error)).toEqual(nothingSent(problem));
    expect(error.message).not.toContain(ACCESS_TOKEN);
  });
});

describe('creates.api_request: its fields', () => {
  it('offers the four methods, GET by default, and says where a path may go', () => {
    const [method, path] = apiRequest.operation.inputFields as { key: string; helpText?: string; choices?: unknown; default?: string }[];
    expect(method).toMatchObject({
      key: 'method',
      default: 'GET',
      choices: { GET: 'GET (read)', POST: 'POST (create)', PATCH: 'PATCH (update)', DELETE: 'DELETE (delete)' },
    });
    expect(path?.helpText).toBe(
      `A path under your account, such as ${EXAMPLE}, or an absolute API path such as /v1/me. Only ScopeStack's API host is ever called.`,
    );
  });
});
