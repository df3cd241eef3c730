/**
 * Documents against nock: finding and listing document templates, generating a project document
 * and waiting for it (on a clock the test holds, so nothing really sleeps), and the trigger on
 * finished documents. Each test pins the exact requests and what the user gets back or reads.
 */
import nock from 'nock';
import { readFileSync } from 'node:fs';
import zapier from 'zapier-platform-core';
import generateProjectDocument from '../../creates/generate_project_document.js';
import findDocumentTemplate from '../../searches/find_document_template.js';
import App from '../../src/index.js';
import { clock } from '../../src/toolkit/clock.js';
import listDocumentTemplates from '../../triggers/list_document_templates.js';
import newProjectDocument from '../../triggers/new_project_document.js';
import { ACCESS_TOKEN, API, bundleWith, SLUG, useTestHosts } from '../support/bundle.js';
import { appErrorOf } from '../support/errors.js';
import { useNock } from '../support/nock.js';
import { performOf } from '../support/steps.js';
import { performAsProduction } from '../support/production-input.js';
import { listPage } from '../support/json-api-page.js';

const appTester = zapier.createAppTester(App);

type FlatRecord = { id: string } & Record<string, unknown>;
interface Resource {
  id: string;
  type: string;
  attributes: Record<string, unknown>;
  relationships?: Record<string, { data?: unknown }>;
}
interface OneDocument {
  data: Resource;
  included: Resource[];
}

/** A finished statement of work, as ScopeStack answers `GET /project-documents/{id}?include=project`. */
const finished = JSON.parse(readFileSync(new URL('../fixtures/documents/finished.json', import.meta.url), 'utf8')) as OneDocument;
const FILE_URL = 'https://files.example/example-it/sow/66001/cloud-migration.pdf';

const TEMPLATES = `/${SLUG}/v1/document-templates`;
const DOCUMENTS = `/${SLUG}/v1/project-documents`;
const JSON_API = 'application/vnd.api+json';
const toProject = { data: { type: 'projects', id: '90425' } };

/** The same document in another state: `created` right after the POST, `error` when generation failed. */
const documentIn = (attributes: Record<string, unknown>, id = '66001'): OneDocument => ({
  ...finished,
  data: { ...finished.data, id, attributes: { ...finished.data.attributes, ...attributes } },
});
const created = (attributes: Record<string, unknown> = {}) =>
  documentIn({ status: 'created', 'document-url': null, 'template-name': null, 'updated-at': '2025-02-05T11:00:00Z', ...attributes });
const pricing = { 'document-type': 'pricing', 'template-id': 'pricing' };
/** The As PDF and Force Regeneration fields start as Yes (every public client sends both), so a step sends them unless cleared. */
const FIELD_DEFAULTS = { 'generate-pdf': true, 'force-regeneration': true };

const template = (id: string, name: string, active = true): Resource => ({
  id,
  type: 'document-templates',
  attributes: {
    name,
    active,
    format: 'word_template',
    'template-format': 'v2',
    'created-at': '2024-06-01T12:00:00Z',
    'updated-at': '2025-01-10T16:45:00Z',
  },
  relationships: { account: { data: { type: 'accounts', id: '42' } } },
});

const list = (data: unknown[], included: unknown[] = []) => listPage(data, { included });

/** What a dehydrated file pointer says: the hydrator it names and what it hands that hydrator. */
const pointerOf = (value: unknown): { type: string; method: string; bundle: Record<string, unknown> } => {
  if (typeof value !== 'string') throw new Error(`expected a dehydrated pointer, got ${JSON.stringify(value)}`);
  const match = /^hydrate\|\|\|(.*)\|\|\|hydrate$/s.exec(value);
  if (!match?.[1]) throw new Error(`expected a dehydrated pointer, got ${value}`);
  return JSON.parse(match[1]) as { type: string; method: string; bundle: Record<string, unknown> };
};

/** Method and path of every request a scope answered, in order. */
const requestsOf = (scope: nock.Scope): string[] => {
  const seen: string[] = [];
  scope.on('request', (request: Request) => {
    seen.push(`${request.method} ${new URL(request.url).pathname}`);
  });
  return seen;
};

useNock();
beforeAll(useTestHosts);

/** The wait's pauses, recorded instead of slept. */
let pauses: number[] = [];
const realSleep = clock.sleep;
beforeEach(() => {
  pauses = [];
  clock.sleep = (ms: number) => {
    pauses.push(ms);
    return Promise.resolve();
  };
});
afterEach(() => {
  clock.sleep = realSleep;
});

describe('searches.find_document_template', () => {
  it('sends the name as ScopeStack compares it and keeps the exact match: one request', async () => {
    const scope = nock(API)
      .get(TEMPLATES)
      .query({ 'filter[name]': 'Standard SOW', 'page[number]': '1', 'page[size]': '100' })
      .matchHeader('accept', JSON_API)
      .matchHeader('authorization', `Bearer ${ACCESS_TOKEN}`)
      .once()
      .reply(200, list([template('1820', 'Standard SOW')]));
    const found = await appTester(performOf<FlatRecord[]>(findDocumentTemplate), bundleWith({ name: 'Standard SOW' }));
    expect(scope.isDone()).toBe(true);
    expect(found).toEqual([findDocumentTemplate.operation.sample]);
  });

  it('lists the templates without the name filter and matches ignoring case when the exact filter finds nothing: two requests', async () => {
    const scope = nock(API)
      .get(TEMPLATES)
      .query({ 'filter[name]': 'standard sow', 'page[number]': '1', 'page[size]': '100' })
      .once()
      .reply(200, list([]))
      .get(TEMPLATES)
      .query({ 'page[number]': '1', 'page[size]': '100' })
      .once()
      .reply(200, list([template('1821', 'Standard SOW v2'), template('1820', 'Standard SOW'), template('1822', 'Pricing Sheet')]));
    const seen = requestsOf(scope);
    const found = await appTester(performOf<FlatRecord[]>(findDocumentTemplate), bundleWith({ name: ' standard sow ' }));
    expect(scope.isDone()).toBe(true);
    expect(seen).toEqual([`GET ${TEMPLATES}`, `GET ${TEMPLATES}`]);
    expect(found.map((record) => [record.id, record['name']])).toEqual([['1820', 'Standard SOW']]);
  });

  it('returns an empty list after both requests when no template has the name in any case', async () => {
    const scope = nock(API)
      .get(TEMPLATES)
      .query({ 'filter[name]': 'Master Services Agreement', 'page[number]': '1', 'page[size]': '100' })
      .once()
      .reply(200, list([]))
      .get(TEMPLATES)
      .query({ 'page[number]': '1', 'page[size]': '100' })
      .once()
      .reply(200, list([template('1820', 'Standard SOW')]));
    await expect(appTester(performOf(findDocumentTemplate), bundleWith({ name: 'Master Services Agreement' }))).resolves.toEqual([]);
    expect(scope.isDone()).toBe(true);
  });

  it('finds by ID with one GET, and a 404 as none', async () => {
    const scope = nock(API)
      .get(`${TEMPLATES}/1820`)
      .once()
      .reply(200, { data: template('1820', 'Standard SOW') })
      .get(`${TEMPLATES}/1999`)
      .once()
      .reply(404, { errors: [{ title: 'Record not found', status: '404' }] });
    const found = await appTester(performOf<FlatRecord[]>(findDocumentTemplate), bundleWith({ id: '1820' }));
    expect(found).toEqual([expect.objectContaining({ id: '1820', name: 'Standard SOW', active: true })]);
    await expect(appTester(performOf(findDocumentTemplate), bundleWith({ id: '1999' }))).resolves.toEqual([]);
    expect(scope.isDone()).toBe(true);
  });
});

describe('triggers.list_document_templates', () => {
  it('lists only active templates, by name', async () => {
    const scope = nock(API)
      .get(TEMPLATES)
      .query({ 'filter[active]': 'true', sort: 'name', 'page[number]': '1', 'page[size]': '100' })
      .once()
      .reply(200, list([template('1822', 'Pricing Sheet'), template('1820', 'Standard SOW')]));
    const records = await appTester(performOf<FlatRecord[]>(listDocumentTemplates), bundleWith());
    expect(scope.isDone()).toBe(true);
    expect(records.map((record) => [record.id, record['label']])).toEqual([
      ['1822', 'Pricing Sheet'],
      ['1820', 'Standard SOW'],
    ]);
  });
});

describe('creates.generate_project_document: what is sent', () => {
  it('checks the template, then posts the statement of work for the project without an account, then reads it back', async () => {
    const scope = nock(API)
      .get(`${TEMPLATES}/1820`)
      .once()
      .reply(200, { data: template('1820', 'Standard SOW') })
      .post(DOCUMENTS, {
        data: {
          type: 'project-documents',
          attributes: { 'template-id': '1820', 'document-type': 'sow', 'generate-pdf': true, 'force-regeneration': false },
          relationships: { project: toProject },
        },
      })
      .query({ include: 'project' })
      .matchHeader('content-type', JSON_API)
      .matchHeader('accept', JSON_API)
      .matchHeader('authorization', `Bearer ${ACCESS_TOKEN}`)
      .once()
      .reply(201, created())
      .get(`${DOCUMENTS}/66001`)
      .query({ include: 'project' })
      .once()
      .reply(200, finished);
    const seen = requestsOf(scope);
    const record = await performAsProduction<FlatRecord>(
      appTester,
      generateProjectDocument,
      bundleWith({ project_id: '90425', template_id: '1820', document_type: 'sow', generate_pdf: 'yes', force_regeneration: 'false' }),
    );
    expect(scope.isDone()).toBe(true);
    expect(seen).toEqual([`GET ${TEMPLATES}/1820`, `POST ${DOCUMENTS}`, `GET ${DOCUMENTS}/66001`]);
    expect(record).toMatchObject({ id: '66001', status: 'finished', template_name: 'Standard SOW', project_name: 'Cloud Migration' });
  });

  it.each([
    ['makes a statement of work when no document type is chosen', { template_id: '1820', document_type: '' }],
    ['checks and sends a template ID typed with spaces around it as the ID alone', { template_id: ' 1820 ' }],
  ])('%s', async (_case, input) => {
    const scope = nock(API)
      .get(`${TEMPLATES}/1820`)
      .once()
      .reply(200, { data: template('1820', 'Standard SOW') })
      .post(DOCUMENTS, {
        data: {
          type: 'project-documents',
          attributes: { 'template-id': '1820', 'document-type': 'sow', ...FIELD_DEFAULTS },
          relationships: { project: toProject },
        },
      })
      .query({ include: 'project' })
      .once()
      .reply(201, finished);
    await performAsProduction(appTester, generateProjectDocument, bundleWith({ project_id: '90425', ...input }));
    expect(scope.isDone()).toBe(true);
  });

  it('takes a template whose answer carries no attributes as usable', async () => {
    const scope = nock(API)
      .get(`${TEMPLATES}/1820`)
      .once()
      .reply(200, { data: { id: '1820', type: 'document-templates' } })
      .post(DOCUMENTS)
      .query({ include: 'project' })
      .once()
      .reply(201, finished);
    const record = await performAsProduction<FlatRecord>(
      appTester,
      generateProjectDocument,
      bundleWith({ project_id: '90425', template_id: '1820' }),
    );
    expect(scope.isDone()).toBe(true);
    expect(record).toMatchObject({ id: '66001', status: 'finished' });
  });

  it('refuses an inactive template before the POST, naming it', async () => {
    const scope = nock(API)
      .get(`${TEMPLATES}/1820`)
      .once()
      .reply(200, { data: template('1820', 'Old SOW', false) });
    const post = nock(API).post(DOCUMENTS).query(true).reply(201, created());
    const error = await appErrorOf(
      performAsProduction(appTester, generateProjectDocument, bundleWith({ project_id: '90425', template_id: '1820' })),
    );
    expect(scope.isDone()).toBe(true);
    expect(post.isDone()).toBe(false);
    expect(error).toEqual({
      code: 'ValidationError',
      message: 'Nothing was sent to ScopeStack: Document Template "Old SOW" is inactive: pick an active one, or activate it in ScopeStack.',
    });
  });

  it('refuses a template ScopeStack does not know (404) before the POST, naming it', async () => {
    const scope = nock(API)
      .get(`${TEMPLATES}/1999`)
      .once()
      .reply(404, { errors: [{ title: 'Record not found', status: '404' }] });
    const post = nock(API).post(DOCUMENTS).query(true).reply(201, created());
    const error = await appErrorOf(
      performAsProduction(appTester, generateProjectDocument, bundleWith({ project_id: '90425', template_id: '1999' })),
    );
    expect(scope.isDone()).toBe(true);
    expect(post.isDone()).toBe(false);
    expect(error).toEqual({
      code: 'ValidationError',
      message:
        'Nothing was sent to ScopeStack: Document Template 1999 does not exist in this ScopeStack account: pick one from the dropdown.',
    });
  });

  it('asks for a template for a statement of work before any request', async () => {
    const any = nock(API).get(/.*/).reply(200, {}).post(/.*/).reply(201, {});
    for (const documentType of ['sow', '']) {
      expect(
        await appErrorOf(
          performAsProduction(appTester, generateProjectDocument, bundleWith({ project_id: '90425', document_type: documentType })),
        ),
      ).toEqual({ code: 'ValidationError', message: 'Nothing was sent to ScopeStack: Document Template is required.' });
    }
    expect(any.pendingMocks()).toHaveLength(2);
  });

  it('asks for the project before any request', async () => {
    expect(
      await appErrorOf(performAsProduction(appTester, generateProjectDocument, bundleWith({ template_id: '1820', document_type: 'sow' }))),
    ).toEqual({ code: 'ValidationError', message: 'Nothing was sent to ScopeStack: Project is required.' });
  });

  it('posts a pricing document with the built-in "pricing" template, without a template check', async () => {
    const scope = nock(API)
      .post(DOCUMENTS, {
        data: { type: 'project-documents', attributes: { ...pricing, ...FIELD_DEFAULTS }, relationships: { project: toProject } },
      })
      .query({ include: 'project' })
      .once()
      .reply(201, documentIn(pricing));
    const seen = requestsOf(scope);
    const record = await performAsProduction<FlatRecord>(
      appTester,
      generateProjectDocument,
      bundleWith({ project_id: '90425', document_type: 'pricing' }),
    );
    expect(scope.isDone()).toBe(true);
    expect(seen).toEqual([`POST ${DOCUMENTS}`]);
    expect(record).toMatchObject({ id: '66001', document_type: 'pricing', template_id: 'pricing' });
  });

  it('ignores a template left in the field when a pricing document is chosen: no template check, template-id "pricing"', async () => {
    // The template is not used for a pricing document: an old or inactive one left mapped in the
    // field (a Zap switched from SOW to pricing) must not block it, nor cost a request.
    const templateCheck = nock(API)
      .get(`${TEMPLATES}/1820`)
      .reply(200, { data: template('1820', 'Old SOW', false) });
    const scope = nock(API)
      .post(DOCUMENTS, {
        data: { type: 'project-documents', attributes: { ...pricing, ...FIELD_DEFAULTS }, relationships: { project: toProject } },
      })
      .query({ include: 'project' })
      .once()
      .reply(201, documentIn(pricing));
    const seen = requestsOf(scope);
    const record = await performAsProduction<FlatRecord>(
      appTester,
      generateProjectDocument,
      bundleWith({ project_id: '90425', document_type: 'pricing', template_id: '1820' }),
    );
    expect(templateCheck.isDone()).toBe(false);
    expect(scope.isDone()).toBe(true);
    expect(seen).toEqual([`POST ${DOCUMENTS}`]);
    expect(record).toMatchObject({ template_id: 'pricing', status: 'finished' });
  });

  it.each([
    ['reads a document type mapped with spaces around it as that type', ' pricing ', pricing],
    [
      'posts a work breakdown with the built-in "breakdown" template',
      'breakdown',
      { 'document-type': 'breakdown', 'template-id': 'breakdown' },
    ],
  ])('%s', async (_case, documentType, attributes) => {
    const scope = nock(API)
      .post(DOCUMENTS, {
        data: { type: 'project-documents', attributes: { ...attributes, ...FIELD_DEFAULTS }, relationships: { project: toProject } },
      })
      .query({ include: 'project' })
      .once()
      .reply(201, documentIn(attributes));
    await performAsProduction(appTester, generateProjectDocument, bundleWith({ project_id: '90425', document_type: documentType }));
    expect(scope.isDone()).toBe(true);
  });
});

describe('creates.generate_project_document: the wait', () => {
  const postPricing = () =>
    nock(API)
      .post(DOCUMENTS, {
        data: { type: 'project-documents', attributes: { ...pricing, ...FIELD_DEFAULTS }, relationships: { project: toProject } },
      })
      .query({ include: 'project' })
      .once()
      .reply(201, created(pricing));
  const run = () =>
    performAsProduction<FlatRecord>(appTester, generateProjectDocument, bundleWith({ project_id: '90425', document_type: 'pricing' }));

  it('returns the document with its file after one read when it is finished by then: 1 POST, 1 GET, one 1-second pause', async () => {
    const scope = postPricing()
      .get(`${DOCUMENTS}/66001`)
      .query({ include: 'project' })
      .matchHeader('authorization', `Bearer ${ACCESS_TOKEN}`)
      .once()
      .reply(200, documentIn(pricing));
    const seen = requestsOf(scope);
    const record = await run();
    expect(scope.isDone()).toBe(true);
    expect(seen).toEqual([`POST ${DOCUMENTS}`, `GET ${DOCUMENTS}/66001`]);
    expect(pauses).toEqual([1000]);
    expect(record).toEqual({
      id: '66001',
      outcome: 'The document is ready: Document File holds it for later steps.',
      document_type: 'pricing',
      template_id: 'pricing',
      generate_pdf: true,
      force_regeneration: true,
      status: 'finished',
      error_text: null,
      document_url: FILE_URL,
      document_file: expect.stringMatching(/^hydrate\|\|\|/) as unknown,
      template_name: 'Standard SOW',
      created_at: '2025-02-05T11:00:00Z',
      updated_at: '2025-02-05T11:00:20Z',
      project_id: '90425',
      project_name: 'Cloud Migration',
    });
    expect(pointerOf(record['document_file'])).toEqual({ type: 'file', method: 'hydrators.downloadFile', bundle: { url: FILE_URL } });
  });

  it('does not wait at all when the POST already answers finished', async () => {
    const scope = nock(API).post(DOCUMENTS).query({ include: 'project' }).once().reply(201, documentIn(pricing));
    const record = await run();
    expect(scope.isDone()).toBe(true);
    expect(pauses).toEqual([]);
    expect(record['outcome']).toBe('The document is ready: Document File holds it for later steps.');
  });

  it("quotes ScopeStack's reason when generation fails, with no file", async () => {
    const scope = postPricing()
      .get(`${DOCUMENTS}/66001`)
      .query({ include: 'project' })
      .once()
      .reply(200, created({ ...pricing, status: 'error', 'error-text': 'The project has no services, so there is nothing to document.' }));
    const record = await run();
    expect(scope.isDone()).toBe(true);
    expect(pauses).toEqual([1000]);
    expect(record).toMatchObject({
      id: '66001',
      status: 'error',
      error_text: 'The project has no services, so there is nothing to document.',
      document_url: null,
      document_file: null,
      outcome: 'ScopeStack could not generate the document: The project has no services, so there is nothing to document.',
    });
  });

  it('gives up after five reads and 19 seconds of pauses, saying New Project Document will fire when it is ready', async () => {
    const scope = postPricing().get(`${DOCUMENTS}/66001`).query({ include: 'project' }).times(5).reply(200, created(pricing));
    const seen = requestsOf(scope);
    const record = await run();
    expect(scope.isDone()).toBe(true);
    expect(seen.filter((request) => request.startsWith('GET'))).toHaveLength(5);
    expect(seen).toHaveLength(6);
    expect(pauses).toEqual([1000, 2000, 3000, 5000, 8000]);
    expect(pauses.reduce((sum, pause) => sum + pause, 0)).toBe(19_000);
    expect(record).toMatchObject({ id: '66001', status: 'created', document_url: null, document_file: null });
    expect(record['outcome']).toBe('ScopeStack is still generating the document. New Project Document will fire when it is ready.');
    expect(record['outcome']).toContain('New Project Document will fire');
  });

  it('still returns the created document when a read during the wait fails, instead of an error that invites a second POST', async () => {
    // The document exists once the POST succeeded: failing the step now ("try again") makes the
    // user, or Zapier's replay, generate it a second time.
    const scope = postPricing()
      .get(`${DOCUMENTS}/66001`)
      .query({ include: 'project' })
      .once()
      .reply(500, { errors: [{ title: 'Internal Server Error', status: '500' }] });
    const seen = requestsOf(scope);
    const record = await run();
    expect(scope.isDone()).toBe(true);
    // No read after the failed one: the step ends at once and says why the status is unknown.
    expect(seen).toEqual([`POST ${DOCUMENTS}`, `GET ${DOCUMENTS}/66001`]);
    expect(record).toMatchObject({ id: '66001', status: 'created' });
    expect(record['outcome']).toBe(
      'ScopeStack is still generating the document. New Project Document will fire when it is ready. (Its status could not be read just now.)',
    );
  });

  it('keeps waiting when a read finds no document for a moment (404), and returns it once finished', async () => {
    const scope = postPricing()
      .get(`${DOCUMENTS}/66001`)
      .query({ include: 'project' })
      .once()
      .reply(404, { errors: [{ title: 'Record not found', status: '404' }] })
      .get(`${DOCUMENTS}/66001`)
      .query({ include: 'project' })
      .once()
      .reply(200, documentIn(pricing));
    const record = await run();
    expect(scope.isDone()).toBe(true);
    expect(pauses).toEqual([1000, 2000]);
    expect(record).toMatchObject({
      id: '66001',
      status: 'finished',
      outcome: 'The document is ready: Document File holds it for later steps.',
    });
  });

  it('lists What Happened and Document File among the outputs', () => {
    expect(generateProjectDocument.operation.outputFields).toEqual(
      expect.arrayContaining([
        { key: 'outcome', label: 'What Happened' },
        { key: 'document_file', label: 'Document File', type: 'file' },
      ]),
    );
  });
});

describe('triggers.new_project_document', () => {
  it('watches finished documents by default, most recently changed first, each versioned by its status', async () => {
    const scope = nock(API)
      .get(DOCUMENTS)
      .query({ include: 'project', sort: '-updated-at', 'filter[status]': 'finished', 'page[number]': '1', 'page[size]': '100' })
      .matchHeader('accept', JSON_API)
      .once()
      .reply(200, list([finished.data], finished.included));
    const records = await appTester(performOf<FlatRecord[]>(newProjectDocument), bundleWith());
    expect(scope.isDone()).toBe(true);
    expect(records).toHaveLength(1);
    const [record] = records;
    expect(record).toMatchObject({ id: '66001@finished', document_id: '66001', status: 'finished', document_url: FILE_URL });
    expect(pointerOf(record?.['document_file'])).toEqual({ type: 'file', method: 'hydrators.downloadFile', bundle: { url: FILE_URL } });
  });

  it.each([[''], [[]], [['']]])('watches finished documents when the status was cleared (%j), never every status', async (status) => {
    const scope = nock(API)
      .get(DOCUMENTS)
      .query({ include: 'project', sort: '-updated-at', 'filter[status]': 'finished', 'page[number]': '1', 'page[size]': '100' })
      .once()
      .reply(200, list([finished.data], finished.included));
    const records = await appTester(performOf<FlatRecord[]>(newProjectDocument), bundleWith({ status }));
    expect(scope.isDone()).toBe(true);
    expect(records.map((record) => record.id)).toEqual(['66001@finished']);
  });

  it('watches finished and failed documents when both are chosen; a failed one has no file', async () => {
    const failed = documentIn({ status: 'error', 'error-text': 'Template merge failed.', 'document-url': null }, '66002').data;
    const scope = nock(API)
      .get(DOCUMENTS)
      .query({ include: 'project', sort: '-updated-at', 'filter[status]': 'finished,error', 'page[number]': '1', 'page[size]': '100' })
      .once()
      .reply(200, list([failed, finished.data], finished.included));
    const records = await appTester(performOf<FlatRecord[]>(newProjectDocument), bundleWith({ status: ['finished', 'error'] }));
    expect(scope.isDone()).toBe(true);
    expect(records.map((record) => [record.id, record['document_id'], record['status']])).toEqual([
      ['66002@error', '66002', 'error'],
      ['66001@finished', '66001', 'finished'],
    ]);
    expect(records[0]?.['document_file']).toBeNull();
    expect(records[0]?.['error_text']).toBe('Template merge failed.');
    expect(pointerOf(records[1]?.['document_file']).bundle).toEqual({ url: FILE_URL });
  });

  it('refuses a status it does not watch before any request', async () => {
    expect(await appErrorOf(appTester(performOf(newProjectDocument), bundleWith({ status: ['created'] })))).toEqual({
      code: 'ValidationError',
      message: 'Document Status has a value that is not accepted: one or more of finished, error.',
    });
  });
});
