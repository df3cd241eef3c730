/**
 * Documents against nock: finding and listing document templates, generating a project document
 * and waiting for it (on a clock the test holds, so nothing really sleeps), and the trigger on
 * finished documents. Each test pins the exact requests and what the user gets back or reads.
 */
import nock from 'nock';
import generateProjectDocument from '../../creates/generate_project_document.js';
import findDocumentTemplate from '../../searches/find_document_template.js';
import { clock } from 'connector-toolkit/clock.js';
import listDocumentTemplates from '../../triggers/list_document_templates.js';
import newProjectDocument from '../../triggers/new_project_document.js';
import { API } from '../support/bundle.js';
import { listPage } from '../support/json-api-page.js';
import { dropdownOf, expectFindsById, nothingSent, readThrough, refusalOf, refused, searchRefusalOf } from '../support/app-expect.js';
import { writeThrough } from '../support/app-expect.js';
import { collection, FIRST_PAGE, newRecord, notFound, oneGet, onePost, SIGNED, toAccount, toProject } from '../support/app-requests.js';
import { fixture, type OneDocument, type Resource, useAppSuite } from '../support/app-suite.js';

/** A finished statement of work, as ScopeStack answers `GET /project-documents/{id}?include=project`. */
const finished = fixture('documents/finished.json');
const FILE_URL = 'https://files.example/example-it/sow/66001/cloud-migration.pdf';

const TEMPLATES = collection('document-templates');
const DOCUMENTS = collection('project-documents');
/** Every request of a document sideloads its project, for `project_name`. */
const WITH_PROJECT = { include: 'project' };

/** The same document in another state: `created` right after the POST, `error` when generation failed. */
const documentIn = (attributes: Record<string, unknown>, id = '66001'): OneDocument => ({
  ...finished,
  data: { ...finished.data, id, attributes: { ...finished.data.attributes, ...attributes } },
});
const created = (attributes: Record<string, unknown> = {}) =>
  documentIn({ status: 'created', 'document-url': null, 'template-name': null, 'updated-at': '2025-02-05T11:00:00Z', ...attributes });
const pricing = { 'document-type': 'pricing', 'template-id': 'pricing' };
const SOW = { 'template-id': '1820', 'document-type': 'sow' };
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
  relationships: { account: toAccount },
});

const list = (data: unknown[], included: unknown[] = []) => listPage(data, { included });

/** What a dehydrated file pointer says: the hydrator it names and what it hands that hydrator. */
const pointerOf = (value: unknown): { type: string; method: string; bundle: Record<string, unknown> } => {
  if (typeof value !== 'string') throw new Error(`expected a dehydrated pointer, got ${JSON.stringify(value)}`);
  const match = /^hydrate\|\|\|(.*)\|\|\|hydrate$/s.exec(value);
  if (!match?.[1]) throw new Error(`expected a dehydrated pointer, got ${value}`);
  return JSON.parse(match[1]) as { type: string; method: string; bundle: Record<string, unknown> };
};

/** Method and path of every request the scopes answered, in order. */
const requestsOf = (...scopes: nock.Scope[]): string[] => {
  const seen: string[] = [];
  for (const scope of scopes)
    scope.on('request', (request: Request) => {
      seen.push(`${request.method} ${new URL(request.url).pathname}`);
    });
  return seen;
};

/** nock answering the template check of a generate: one GET of template `id`. */
const templateCheck = (id: string, status: number, answer: nock.Body) => nock(API).get(`${TEMPLATES}/${id}`).once().reply(status, answer);
/** nock answering the POST of a document of the project with exactly `attributes`. */
const posted = (attributes: Record<string, string | boolean>, answer: nock.Body) =>
  onePost(DOCUMENTS, newRecord('project-documents', attributes, { project: toProject }), answer, WITH_PROJECT);
/** A read of the document generated (66001), with its project. */
const readOfTheDocument = () => nock(API).get(`${DOCUMENTS}/66001`).query(WITH_PROJECT);

useAppSuite();

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
    const scope = oneGet(TEMPLATES, { 'filter[name]': 'Standard SOW', ...FIRST_PAGE }, list([template('1820', 'Standard SOW')]));
    expect(await readThrough(scope, findDocumentTemplate, { name: 'Standard SOW' })).toEqual([findDocumentTemplate.operation.sample]);
  });

  /** The two reads of a search by name: with the name filter, then every template to compare ignoring case. */
  const searchReads = (name: string, byName: Resource[], all: Resource[]) => [
    oneGet(TEMPLATES, { 'filter[name]': name, ...FIRST_PAGE }, list(byName)),
    oneGet(TEMPLATES, FIRST_PAGE, list(all)),
  ];

  it('lists the templates without the name filter and matches ignoring case when the exact filter finds nothing: two requests', async () => {
    const all = [template('1821', 'Standard SOW v2'), template('1820', 'Standard SOW'), template('1822', 'Pricing Sheet')];
    const scopes = searchReads('standard sow', [], all);
    const seen = requestsOf(...scopes);
    const found = await readThrough(scopes, findDocumentTemplate, { name: ' standard sow ' });
    expect(seen).toEqual([`GET ${TEMPLATES}`, `GET ${TEMPLATES}`]);
    expect(found.map((record) => [record.id, record['name']])).toEqual([['1820', 'Standard SOW']]);
  });

  it('returns an empty list after both requests when no template has the name in any case', async () => {
    const scopes = searchReads('Master Services Agreement', [], [template('1820', 'Standard SOW')]);
    expect(await readThrough(scopes, findDocumentTemplate, { name: 'Master Services Agreement' })).toEqual([]);
  });

  it('finds by ID with one GET, and a 404 as none', async () => {
    const found = expect.objectContaining({ id: '1820', name: 'Standard SOW', active: true }) as unknown;
    await expectFindsById(findDocumentTemplate, {
      path: TEMPLATES,
      id: '1820',
      answer: { data: template('1820', 'Standard SOW') },
      found,
      unknownId: '1999',
    });
  });
});

describe('triggers.list_document_templates', () => {
  it('lists only active templates, by name', async () => {
    const page = list([template('1822', 'Pricing Sheet'), template('1820', 'Standard SOW')]);
    const scope = oneGet(TEMPLATES, { 'filter[active]': 'true', sort: 'name', ...FIRST_PAGE }, page);
    expect(await dropdownOf(scope, listDocumentTemplates)).toEqual([
      ['1822', 'Pricing Sheet'],
      ['1820', 'Standard SOW'],
    ]);
  });
});

describe('creates.generate_project_document: what is sent', () => {
  it('checks the template, then posts the statement of work for the project without an account, then reads it back', async () => {
    const scopes = [
      templateCheck('1820', 200, { data: template('1820', 'Standard SOW') }),
      posted({ ...SOW, 'generate-pdf': true, 'force-regeneration': false }, created()),
      readOfTheDocument().once().reply(200, finished),
    ];
    const seen = requestsOf(...scopes);
    const input = { project_id: '90425', template_id: '1820', document_type: 'sow', generate_pdf: 'yes', force_regeneration: 'false' };
    const record = await writeThrough(scopes, generateProjectDocument, input);
    expect(seen).toEqual([`GET ${TEMPLATES}/1820`, `POST ${DOCUMENTS}`, `GET ${DOCUMENTS}/66001`]);
    expect(record).toMatchObject({ id: '66001', status: 'finished', template_name: 'Standard SOW', project_name: 'Cloud Migration' });
  });

  it.each([
    ['makes a statement of work when no document type is chosen', { template_id: '1820', document_type: '' }],
    ['checks and sends a template ID typed with spaces around it as the ID alone', { template_id: ' 1820 ' }],
  ])('%s', async (_case, input) => {
    const scopes = [
      templateCheck('1820', 200, { data: template('1820', 'Standard SOW') }),
      posted({ ...SOW, ...FIELD_DEFAULTS }, finished),
    ];
    await writeThrough(scopes, generateProjectDocument, { project_id: '90425', ...input });
  });

  it('takes a template whose answer carries no attributes as usable', async () => {
    const check = templateCheck('1820', 200, { data: { id: '1820', type: 'document-templates' } });
    const post = nock(API).post(DOCUMENTS).query(WITH_PROJECT).once().reply(201, finished);
    const record = await writeThrough([check, post], generateProjectDocument, { project_id: '90425', template_id: '1820' });
    expect(record).toMatchObject({ id: '66001', status: 'finished' });
  });

  it.each([
    [
      'refuses an inactive template before the POST, naming it',
      '1820',
      () => templateCheck('1820', 200, { data: template('1820', 'Old SOW', false) }),
      'Document Template "Old SOW" is inactive: pick an active one, or activate it in ScopeStack.',
    ],
    [
      'refuses a template ScopeStack does not know (404) before the POST, naming it',
      '1999',
      () => templateCheck('1999', 404, notFound()),
      'Document Template 1999 does not exist in this ScopeStack account: pick one from the dropdown.',
    ],
  ])('%s', async (_case, templateId, checked, problem) => {
    const check = checked();
    const post = nock(API).post(DOCUMENTS).query(true).reply(201, created());
    const error = await refusalOf(generateProjectDocument, { project_id: '90425', template_id: templateId });
    expect([check.isDone(), post.isDone()]).toEqual([true, false]);
    expect(error).toEqual(nothingSent(problem));
  });

  it('asks for a template for a statement of work before any request', async () => {
    const any = nock(API).get(/.*/).reply(200, {}).post(/.*/).reply(201, {});
    for (const documentType of ['sow', '']) {
      const error = await refusalOf(generateProjectDocument, { project_id: '90425', document_type: documentType });
      expect(error).toEqual(nothingSent('Document Template is required.'));
    }
    expect(any.pendingMocks()).toHaveLength(2);
  });

  it('asks for the project before any request', async () => {
    expect(await refusalOf(generateProjectDocument, { template_id: '1820', document_type: 'sow' })).toEqual(
      nothingSent('Project is required.'),
    );
  });

  it('posts a pricing document with the built-in "pricing" template, without a template check', async () => {
    const scope = posted({ ...pricing, ...FIELD_DEFAULTS }, documentIn(pricing));
    const seen = requestsOf(scope);
    const record = await writeThrough(scope, generateProjectDocument, { project_id: '90425', document_type: 'pricing' });
    expect(seen).toEqual([`POST ${DOCUMENTS}`]);
    expect(record).toMatchObject({ id: '66001', document_type: 'pricing', template_id: 'pricing' });
  });

  it('ignores a template left in the field when a pricing document is chosen: no template check, template-id "pricing"', async () => {
    // The template is not used for a pricing document: an old or inactive one left mapped in the
    // field (a Zap switched from SOW to pricing) must not block it, nor cost a request.
    const check = nock(API)
      .get(`${TEMPLATES}/1820`)
      .reply(200, { data: template('1820', 'Old SOW', false) });
    const scope = posted({ ...pricing, ...FIELD_DEFAULTS }, documentIn(pricing));
    const seen = requestsOf(scope);
    const record = await writeThrough(scope, generateProjectDocument, {
      project_id: '90425',
      document_type: 'pricing',
      template_id: '1820',
    });
    expect(check.isDone()).toBe(false);
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
    const scope = posted({ ...attributes, ...FIELD_DEFAULTS }, documentIn(attributes));
    await writeThrough(scope, generateProjectDocument, { project_id: '90425', document_type: documentType });
  });
});

describe('creates.generate_project_document: the wait', () => {
  /** Generates a pricing document, answered `created` by its POST, then read by `reads`; expects every request made. */
  const generate = (reads: nock.Scope) => {
    const post = posted({ ...pricing, ...FIELD_DEFAULTS }, created(pricing));
    const seen = requestsOf(post, reads);
    return { seen, done: writeThrough([post, reads], generateProjectDocument, { project_id: '90425', document_type: 'pricing' }) };
  };
  const READY = 'The document is ready: Document File holds it for later steps.';

  it('returns the document with its file after one read when it is finished by then: 1 POST, 1 GET, one 1-second pause', async () => {
    const { seen, done } = generate(
      nock(API, { reqheaders: SIGNED }).get(`${DOCUMENTS}/66001`).query(WITH_PROJECT).once().reply(200, documentIn(pricing)),
    );
    const record = await done;
    expect(seen).toEqual([`POST ${DOCUMENTS}`, `GET ${DOCUMENTS}/66001`]);
    expect(pauses).toEqual([1000]);
    expect(record).toEqual({
      id: '66001',
      outcome: READY,
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
    const scope = nock(API).post(DOCUMENTS).query(WITH_PROJECT).once().reply(201, documentIn(pricing));
    const record = await writeThrough(scope, generateProjectDocument, { project_id: '90425', document_type: 'pricing' });
    expect(pauses).toEqual([]);
    expect(record['outcome']).toBe(READY);
  });

  it("quotes ScopeStack's reason when generation fails, with no file", async () => {
    const reason = 'The project has no services, so there is nothing to document.';
    const { done } = generate(
      readOfTheDocument()
        .once()
        .reply(200, created({ ...pricing, status: 'error', 'error-text': reason })),
    );
    const record = await done;
    expect(pauses).toEqual([1000]);
    expect(record).toMatchObject({
      id: '66001',
      status: 'error',
      error_text: reason,
      document_url: null,
      document_file: null,
      outcome: `ScopeStack could not generate the document: ${reason}`,
    });
  });

  it('gives up after five reads and 19 seconds of pauses, saying New Project Document will fire when it is ready', async () => {
    const { seen, done } = generate(readOfTheDocument().times(5).reply(200, created(pricing)));
    const record = await done;
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
    const { seen, done } = generate(
      readOfTheDocument()
        .once()
        .reply(500, { errors: [{ title: 'Internal Server Error', status: '500' }] }),
    );
    const record = await done;
    // No read after the failed one: the step ends at once and says why the status is unknown.
    expect(seen).toEqual([`POST ${DOCUMENTS}`, `GET ${DOCUMENTS}/66001`]);
    expect(record).toMatchObject({ id: '66001', status: 'created' });
    expect(record['outcome']).toBe(
      'ScopeStack is still generating the document. New Project Document will fire when it is ready. (Its status could not be read just now.)',
    );
  });

  it('keeps waiting when a read finds no document for a moment (404), and returns it once finished', async () => {
    const reads = readOfTheDocument()
      .once()
      .reply(404, notFound())
      .get(`${DOCUMENTS}/66001`)
      .query(WITH_PROJECT)
      .once()
      .reply(200, documentIn(pricing));
    const record = await generate(reads).done;
    expect(pauses).toEqual([1000, 2000]);
    expect(record).toMatchObject({ id: '66001', status: 'finished', outcome: READY });
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
  /** A poll of the documents whose status is one of `statuses`, most recently changed first. */
  const poll = (statuses: string) => ({ include: 'project', sort: '-updated-at', 'filter[status]': statuses, ...FIRST_PAGE });

  it('watches finished documents by default, most recently changed first, each versioned by its status', async () => {
    const scope = oneGet(DOCUMENTS, poll('finished'), list([finished.data], finished.included));
    const records = await readThrough(scope, newProjectDocument);
    expect(records).toHaveLength(1);
    const [record] = records;
    expect(record).toMatchObject({ id: '66001@finished', document_id: '66001', status: 'finished', document_url: FILE_URL });
    expect(pointerOf(record?.['document_file'])).toEqual({ type: 'file', method: 'hydrators.downloadFile', bundle: { url: FILE_URL } });
  });

  it.each([[''], [[]], [['']]])('watches finished documents when the status was cleared (%j), never every status', async (status) => {
    const scope = oneGet(DOCUMENTS, poll('finished'), list([finished.data], finished.included));
    const records = await readThrough(scope, newProjectDocument, { status });
    expect(records.map((record) => record.id)).toEqual(['66001@finished']);
  });

  it('watches finished and failed documents when both are chosen; a failed one has no file', async () => {
    const failed = documentIn({ status: 'error', 'error-text': 'Template merge failed.', 'document-url': null }, '66002').data;
    const scope = oneGet(DOCUMENTS, poll('finished,error'), list([failed, finished.data], finished.included));
    const records = await readThrough(scope, newProjectDocument, { status: ['finished', 'error'] });
    expect(records.map((record) => [record.id, record['document_id'], record['status']])).toEqual([
      ['66002@error', '66002', 'error'],
      ['66001@finished', '66001', 'finished'],
    ]);
    expect(records[0]?.['document_file']).toBeNull();
    expect(records[0]?.['error_text']).toBe('Template merge failed.');
    expect(pointerOf(records[1]?.['document_file']).bundle).toEqual({ url: FILE_URL });
  });

  it('refuses a status it does not watch before any request', async () => {
    const message = 'Document Status has a value that is not accepted: one or more of finished, error.';
    expect(await searchRefusalOf(newProjectDocument, { status: ['created'] })).toEqual(refused(message));
  });
});
