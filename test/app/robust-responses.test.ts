/**
 * Answers that are not what a JSON:API client expects: never a stack trace, `undefined` or
 * `[object Object]` in front of a user, and nothing a retry could duplicate.
 */
import nock from 'nock';
import zapier from 'zapier-platform-core';
import apiRequest from '../../creates/api_request.js';
import createClient from '../../creates/create_client.js';
import findClient from '../../searches/find_client.js';
import App from '../../src/index.js';
import { retryTiming } from 'connector-toolkit/retry-policy.js';
import { budgetTiming } from 'connector-toolkit/step-budget.js';
import newClient from '../../triggers/new_client.js';
import { API, bundleWith, SLUG, useTestHosts } from '../support/bundle.js';
import { useNock } from '../../packages/toolkit/test/support/nock.js';
import { performOf } from '../../packages/toolkit/test/support/steps.js';
import { performAsProduction } from '../support/production-input.js';

const appTester = zapier.createAppTester(App);
const CLIENTS = `/${SLUG}/v1/clients`;

useNock();
const saved = { retry: { ...retryTiming }, budget: { ...budgetTiming } };
beforeAll(() => {
  useTestHosts();
  Object.assign(retryTiming, { minTimeout: 1, maxRetryTime: 50 });
});
afterAll(() => {
  Object.assign(retryTiming, saved.retry);
  Object.assign(budgetTiming, saved.budget);
});

const failureOf = async (promise: Promise<unknown>): Promise<string> => {
  const error = await promise.then(
    () => new Error('expected a failure'),
    (caught: unknown) => (caught instanceof Error ? caught : new Error(String(caught))),
  );
  const { message } = JSON.parse(error.message) as { message: string };
  return message;
};

const expectReadable = (message: string) => {
  expect(message).not.toMatch(/undefined|\[object Object\]|\n\s+at |https?:\/\//);
};

describe('answers that are not JSON:API', () => {
  it.each([
    ['an HTML page from a proxy', '<html><body>Bad gateway</body></html>', { 'Content-Type': 'text/html' }],
    ['an empty body', '', { 'Content-Type': 'application/vnd.api+json' }],
    ['a document without data', '{"meta":{"record-count":0}}', { 'Content-Type': 'application/vnd.api+json' }],
    ['data that is not a list', '{"data":{"id":"1","type":"clients"}}', { 'Content-Type': 'application/vnd.api+json' }],
    ['truncated JSON', '{"data":[{"id":"1","ty', { 'Content-Type': 'application/vnd.api+json' }],
  ])('reads %s on a poll as a clear message', async (_case, body, headers) => {
    nock(API).get(CLIENTS).query(true).reply(200, body, headers);
    const message = await failureOf(appTester(performOf(newClient), bundleWith()));
    expect(message).toMatch(
      /^ScopeStack answered the request to read clients \(HTTP 200\) with data that could not be read\. Try again in a few minutes\.$/,
    );
    expectReadable(message);
  });

  it('reads a create answered with something other than the record as a create that may have happened', async () => {
    nock(API)
      .post(CLIENTS)
      .query(true)
      .once()
      .reply(201, { meta: { created: true } });
    const message = await failureOf(performAsProduction(appTester, createClient, bundleWith({ name: 'Acme' })));
    expect(message).toBe(
      'ScopeStack answered the request to create clients (HTTP 201) with data that could not be read. The record may or may not have been created: ' +
        'check ScopeStack before running this step again, so that nothing is created twice.',
    );
  });

  it('reports a success whose body is not JSON on the API Request step, instead of handing on the page', async () => {
    nock(API)
      .get(`/${SLUG}/v1/projects/123/project-phases`)
      .reply(200, '<html><body>Maintenance</body></html>', { 'Content-Type': 'text/html' });
    const message = await failureOf(appTester(performOf(apiRequest), bundleWith({ method: 'GET', path: '/projects/123/project-phases' })));
    expect(message).toBe(
      'ScopeStack answered the request to read project phases (HTTP 200) with data that could not be read. Try again in a few minutes.',
    );
  });

  it('hands on a success with an empty body on the API Request step as an empty answer', async () => {
    nock(API).delete(`/${SLUG}/v1/projects/123/project-phases/7`).reply(200, '');
    const output = await appTester(performOf(apiRequest), bundleWith({ method: 'DELETE', path: '/projects/123/project-phases/7' }));
    expect(output).toEqual({ status: 200, data: [], included: [], links: {}, meta: '{}', document: '' });
  });
});

describe('documents that are JSON:API but unusual', () => {
  it('ignores an included record of a type it does not know, and a record without attributes', async () => {
    nock(API)
      .get(CLIENTS)
      .query(true)
      .reply(200, {
        data: [
          { id: '7', type: 'clients', relationships: { 'rate-table': { data: { type: 'rate-tables', id: '1' } } } },
          { id: 8, type: 'clients', attributes: { name: 'Numeric Id' } },
        ],
        included: [{ id: '99', type: 'holograms', attributes: { name: 'x' } }],
      });
    const records = await appTester(performOf<{ id: string }[]>(newClient), bundleWith());
    expect(records).toEqual([
      { id: '7', rate_table_id: '1' },
      { id: '8', name: 'Numeric Id' },
    ]);
  });

  it('maps a huge page (5,000 records) in one go', async () => {
    const data = Array.from({ length: 5000 }, (_, index) => ({
      id: String(index + 1),
      type: 'clients',
      attributes: { name: `Client ${index + 1}` },
    }));
    nock(API)
      .get(CLIENTS)
      .query(true)
      .reply(200, { data, meta: { 'page-count': 1 } });
    const records = await appTester(performOf<{ id: string }[]>(newClient), bundleWith());
    expect(records).toHaveLength(5000);
    expect(records.at(-1)).toEqual({ id: '5000', name: 'Client 5000' });
  });

  it('names the fields of a 422 whose errors lack pointers or details, without inventing any', async () => {
    nock(API)
      .get(CLIENTS)
      .query(true)
      .reply(422, { errors: [{}, { title: 'is invalid' }] });
    const message = await failureOf(appTester(performOf(findClient), bundleWith({ name: 'Acme' })));
    expect(message).toBe('ScopeStack says: was rejected. is invalid. Correct the field and try again.');
    expectReadable(message);
  });
});

describe('answers that come too late', () => {
  beforeAll(() => {
    budgetTiming.requestMs = 100;
  });

  it('gives up on a slow read and says so plainly; the wait used up the retry budget, so it is not repeated', async () => {
    const scope = nock(API).get(CLIENTS).query(true).once().delay(300).reply(200, { data: [] });
    const message = await failureOf(appTester(performOf(newClient), bundleWith()));
    expect(message).toBe(
      'The connection to ScopeStack failed while trying to read clients (no answer in time). Try again in a few minutes.',
    );
    expect(scope.isDone()).toBe(true);
  });

  it('never sends a slow create twice, and says it may have been created and how to check', async () => {
    const scope = nock(API).post(CLIENTS).query(true).once().delay(300).reply(201, {});
    const message = await failureOf(performAsProduction(appTester, createClient, bundleWith({ name: 'Acme' })));
    expect(message).toBe(
      'The connection to ScopeStack failed while trying to create clients (no answer in time). The client may or may not have been created: ' +
        'check with the Find Client step (or in ScopeStack) before running this step again, so that nothing is created twice.',
    );
    expect(scope.isDone()).toBe(true);
  });
});
