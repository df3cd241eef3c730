/**
 * Files handed to later steps (the hydrator and its download) and the wait for a job on the
 * service, with stub `z` objects and a clock the test holds, and the download through the app's
 * middleware against nock: the token goes only to the API host.
 */
import { jest } from '@jest/globals';
import nock from 'nock';
import zapier, { type Bundle, type ZObject } from 'zapier-platform-core';
import { projectDocuments } from '../../src/scopestack/catalog/index.js';
import App from '../../src/index.js';
import { clock } from 'connector-toolkit/clock.js';
import { fetchFile, fileHydrator, withFiles } from 'connector-toolkit/files.js';
import type { Document, Resource } from 'connector-toolkit/formats/json-api.js';
import type { ResourceSpec } from 'connector-toolkit/resource-spec.js';
import { WAIT_PAUSES_MS, waitForJob, withOutcome, type WaitSpec } from 'connector-toolkit/steps/wait-for-job.js';
import { ACCESS_TOKEN, API, bundleWith, SLUG, useTestHosts } from '../support/bundle.js';
import { useNock } from '../../packages/toolkit/test/support/nock.js';

const FILE_URL = 'https://files.example/example-it/sow/66001/cloud-migration.pdf';
const JSON_API = 'application/vnd.api+json';

const fileBundle = (url: string) => ({ inputData: { url } }) as unknown as Bundle<{ url?: string }>;

/** Every header of each request a scope answered, by lower-case name. */
const headersOf = (scope: nock.Scope): Record<string, string>[] => {
  const seen: Record<string, string>[] = [];
  scope.on('request', (request: Request) => {
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name.toLowerCase()] = value;
    });
    seen.push(headers);
  });
  return seen;
};

useNock();
beforeAll(useTestHosts);

describe('the file hydrator', () => {
  it('is the app hydrator that dehydrated pointers name (hydrators.downloadFile)', () => {
    expect(App.hydrators?.['downloadFile']).toBe(fileHydrator);
  });

  it('requests the URL with one raw GET and hands that request, unread, to stashFile', async () => {
    const download = Promise.resolve({ status: 200 });
    const request = jest.fn(() => download);
    const stashFile = jest.fn(() => Promise.resolve('https://zapier-files.example/stash/abc/cloud-migration.pdf'));
    const z = { request, stashFile } as unknown as ZObject;
    const stashed = await fileHydrator(z, fileBundle(FILE_URL));
    expect(request).toHaveBeenCalledTimes(1);
    expect(request).toHaveBeenCalledWith({ url: FILE_URL, method: 'GET', raw: true });
    expect(stashFile).toHaveBeenCalledTimes(1);
    // The very promise of the request: Zapier streams the file, the hydrator does not read it.
    expect(stashFile.mock.calls[0]).toEqual([download]);
    expect((stashFile.mock.calls[0] as unknown[])[0]).toBe(download);
    expect(stashed).toBe('https://zapier-files.example/stash/abc/cloud-migration.pdf');
  });

  it('fetchFile returns the raw request itself', () => {
    const download = Promise.resolve({ status: 200 });
    const request = jest.fn(() => download);
    const z = { request } as unknown as ZObject;
    expect(fetchFile(z, fileBundle(FILE_URL))).toBe(download);
    expect(request).toHaveBeenCalledWith({ url: FILE_URL, method: 'GET', raw: true });
  });
});

describe('the file download through the app middleware', () => {
  const appTester = zapier.createAppTester(App);
  /** The hydrator's request as the app sends it (stashFile needs Zapier's servers; the request is what matters). */
  const download = async (z: ZObject, bundle: Bundle) => {
    const response = await fetchFile(z, bundle);
    return { status: response.status, text: await response.text() };
  };

  it('sends no token and no JSON:API Accept to a file on another host', async () => {
    const scope = nock('https://files.example', { badheaders: ['authorization'] })
      .get('/example-it/sow/66001/cloud-migration.pdf')
      .once()
      .reply(200, '%PDF-1.7 a statement of work', { 'Content-Type': 'application/pdf' });
    const seen = headersOf(scope);
    const result = await appTester(download, bundleWith({ url: FILE_URL }));
    expect(scope.isDone()).toBe(true);
    expect(result).toEqual({ status: 200, text: '%PDF-1.7 a statement of work' });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.['authorization']).toBeUndefined();
    expect(seen[0]?.['accept']).not.toBe(JSON_API);
    expect(JSON.stringify(seen)).not.toContain(ACCESS_TOKEN);
  });

  it('sends the token, but no JSON:API Accept, to a file on the API host', async () => {
    const path = `/${SLUG}/v1/project-documents/66001/download`;
    const scope = nock(API)
      .get(path)
      .matchHeader('authorization', `Bearer ${ACCESS_TOKEN}`)
      .once()
      .reply(200, 'PK a word document', { 'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    const seen = headersOf(scope);
    const result = await appTester(download, bundleWith({ url: `${API}${path}` }));
    expect(scope.isDone()).toBe(true);
    expect(result).toEqual({ status: 200, text: 'PK a word document' });
    expect(seen[0]?.['accept']).not.toBe(JSON_API);
  });
});

describe('withFiles', () => {
  const dehydrateFile = jest.fn((_hydrator: unknown, inputData: { url: string }) => `pointer to ${inputData.url}`);
  const z = { dehydrateFile } as unknown as ZObject;
  beforeEach(() => {
    dehydrateFile.mockClear();
  });

  it('adds a pointer to the file, naming the hydrator and only the URL', () => {
    const record = withFiles(z, projectDocuments, { id: '66001', document_url: FILE_URL });
    expect(record).toEqual({ id: '66001', document_url: FILE_URL, document_file: `pointer to ${FILE_URL}` });
    expect(dehydrateFile).toHaveBeenCalledWith(fileHydrator, { url: FILE_URL });
  });

  it.each([[null], [''], [undefined]])('gives no file (null) when the URL is %p', (url) => {
    const record = withFiles(z, projectDocuments, { id: '66001', document_url: url });
    expect(record['document_file']).toBeNull();
    expect(dehydrateFile).not.toHaveBeenCalled();
  });

  it('leaves records of resources without files as they are', () => {
    const spec: ResourceSpec = { ...projectDocuments, files: undefined } as unknown as ResourceSpec;
    expect(withFiles(z, spec, { id: '1', document_url: FILE_URL })).toEqual({ id: '1', document_url: FILE_URL });
  });
});

describe('the wait for a job', () => {
  const wait: WaitSpec = {
    status: 'status',
    messages: { finished: 'Ready.', error: 'Failed: {error_text}', pending: 'Still running.' },
  };

  it('pauses 1, 2, 3, 5 and 8 seconds at most: 19 seconds, inside the 30 seconds Zapier gives a step', () => {
    expect(WAIT_PAUSES_MS).toEqual([1000, 2000, 3000, 5000, 8000]);
    expect(WAIT_PAUSES_MS.reduce((sum, pause) => sum + pause, 0)).toBe(19_000);
  });

  it.each([
    [{ status: 'finished' }, 'Ready.'],
    [{ status: 'error', error_text: 'Template merge failed.' }, 'Failed: Template merge failed.'],
    [{ status: 'error', error_text: null }, 'Failed: no reason given'],
    [{ status: 'created' }, 'Still running.'],
    [{ status: 'processing' }, 'Still running.'],
  ])('says what happened for %j', (fields, outcome) => {
    expect(withOutcome({ id: '1', ...fields }, wait)).toEqual({ id: '1', ...fields, outcome });
  });

  describe('reading the record back', () => {
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

    const documentWith = (status: string): Document<Resource> => ({
      data: { id: '66001', type: 'project-documents', attributes: { status, 'document-url': status === 'finished' ? FILE_URL : null } },
    });
    /** A stub z whose GETs answer the given statuses in turn. */
    const stubZ = (statuses: string[]) => {
      const answers = [...statuses];
      const request = jest.fn((options: { url: string; method: string }) =>
        Promise.resolve({ status: 200, data: documentWith(answers.shift() ?? 'created'), request: options }),
      );
      const dehydrateFile = jest.fn(() => 'pointer');
      return { z: { request, dehydrateFile } as unknown as ZObject, request };
    };
    const bundle = bundleWith() as unknown as Bundle;

    it('reads until the job ends, pausing longer each time', async () => {
      const { z, request } = stubZ(['created', 'created', 'finished']);
      const record = await waitForJob(z, bundle, projectDocuments, { id: '66001', status: 'created' }, wait);
      expect(pauses).toEqual([1000, 2000, 3000]);
      expect(request).toHaveBeenCalledTimes(3);
      expect(request).toHaveBeenCalledWith(
        expect.objectContaining({
          url: `https://api.scopestack.test/${SLUG}/v1/project-documents/66001`,
          method: 'GET',
          params: { include: 'project' },
        }),
      );
      expect(record).toMatchObject({ id: '66001', status: 'finished', document_file: 'pointer', outcome: 'Ready.' });
    });

    it('keeps reading while the job’s own status is "pending", which is no final status', async () => {
      const { z, request } = stubZ(['pending', 'finished']);
      const record = await waitForJob(z, bundle, projectDocuments, { id: '66001', status: 'pending' }, wait);
      expect(pauses).toEqual([1000, 2000]);
      expect(request).toHaveBeenCalledTimes(2);
      expect(record).toMatchObject({ status: 'finished', outcome: 'Ready.' });
    });

    it('does not read or pause when the job has already ended', async () => {
      const { z, request } = stubZ([]);
      const record = await waitForJob(z, bundle, projectDocuments, { id: '66001', status: 'error', error_text: 'No services.' }, wait);
      expect(pauses).toEqual([]);
      expect(request).not.toHaveBeenCalled();
      expect(record['outcome']).toBe('Failed: No services.');
    });

    it('stops after five reads and returns the record as it last read it', async () => {
      const { z, request } = stubZ(['created', 'created', 'created', 'created', 'created', 'finished']);
      const record = await waitForJob(z, bundle, projectDocuments, { id: '66001', status: 'created' }, wait);
      expect(request).toHaveBeenCalledTimes(5);
      expect(pauses).toEqual([1000, 2000, 3000, 5000, 8000]);
      expect(record).toMatchObject({ status: 'created', outcome: 'Still running.' });
    });
  });
});
