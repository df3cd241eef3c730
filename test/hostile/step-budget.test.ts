/**
 * One time budget per step: however slowly the server answers, a step ends inside its budget
 * (well before Zapier's 30 s), says what happened and whether anything may have been written,
 * and never sends a write it no longer has time to see through. Every request has a timeout,
 * the connection's own included. The budget is shortened here (1.5 s) and the server's delays
 * with it; waits for a document advance a virtual clock that counts against the budget.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import zapier, { type Bundle, type ZObject } from 'zapier-platform-core';
import App from '../../src/index.js';
import { clock } from 'connector-toolkit/clock.js';
import { fetchFile } from 'connector-toolkit/files.js';
import { budgetTiming } from 'connector-toolkit/step-budget.js';
import { connectedAuthData, SLUG } from '../support/bundle.js';
import { errorBodyOf } from '../../packages/toolkit/test/support/errors.js';
import { performAsProduction } from '../support/production-input.js';
import { json, sleep, useLoopback } from './loopback.js';

const appTester = zapier.createAppTester(App);
type Run = (z: ZObject, bundle: Bundle) => Promise<unknown>;
/** The connection's exchange and test, as the app (guarded) runs them. */
const connection = App.authentication as unknown as { test: Run; sessionConfig: { perform: Run } };
const server = useLoopback();
const saved = { ...budgetTiming };
const real = { now: clock.now, sleep: clock.sleep };
/** Virtual time spent in the app's waits. */
let waited = 0;

beforeAll(() => {
  Object.assign(budgetTiming, { stepMs: 1500, requestMs: 1400, minRequestMs: 300 });
});
beforeEach(() => {
  process.env['SCOPESTACK_API_URL'] = server.url;
  process.env['SCOPESTACK_AUTH_URL'] = server.url;
  waited = 0;
  clock.now = () => Date.now() + waited;
  // A wait's pause costs virtual time only, scaled down as the budget is (1 s -> 100 ms).
  clock.sleep = (ms) => {
    waited += ms / 10;
    return Promise.resolve();
  };
});
afterEach(() => {
  Object.assign(clock, real);
});
afterAll(() => {
  Object.assign(budgetTiming, saved);
});

const bundle = (inputData: Record<string, unknown>) => ({ authData: connectedAuthData(), inputData, meta: { page: 0 } });
const document = (status: string) => ({
  data: { id: '501', type: 'project-documents', attributes: { status, 'document-type': 'pricing', 'template-id': 'pricing' } },
});

/** Runs a step and measures it as Zapier would: real time plus the virtual time of its waits. */
const timed = async <T>(run: () => Promise<T>): Promise<{ outcome: T | Error; ms: number }> => {
  const started = clock.now();
  const outcome = await run().catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
  return { outcome, ms: clock.now() - started };
};

describe('one budget per step', () => {
  it('ends a document wait early when every answer is late: still generating, one POST, inside the budget', async () => {
    server.answer(async (request, response) => {
      await sleep(250);
      json(response, request.method === 'POST' ? 201 : 200, document('created'));
    });
    const { outcome, ms } = await timed(() =>
      performAsProduction<Record<string, unknown>>(
        appTester,
        App.creates.generate_project_document,
        bundle({ project_id: '90425', document_type: 'pricing' }),
      ),
    );
    expect(outcome).toMatchObject({ status: 'created', outcome: expect.stringContaining('still generating') });
    expect(ms).toBeLessThanOrEqual(budgetTiming.stepMs);
    expect(server.received.filter((request) => request.method === 'POST')).toHaveLength(1);
  });

  it('does not send a write it has no time left for, and says nothing was written', async () => {
    // The lookup of a Create or Update uses up the budget; the POST is then never sent.
    server.answer(async (_request, response) => {
      await sleep(1300);
      json(response, 200, { data: [], meta: { 'page-count': 1 } });
    });
    const { outcome, ms } = await timed(() => performAsProduction(appTester, App.creates.upsert_vendor, bundle({ name: 'Acme Supplies' })));
    expect(outcome).toBeInstanceOf(Error);
    expect(errorBodyOf(outcome as Error).message).toBe(
      'ScopeStack answered too slowly: this step reached its time limit before it could create vendors, so that was not sent. Nothing was written to ScopeStack.',
    );
    expect(ms).toBeLessThanOrEqual(budgetTiming.stepMs + 100);
    expect(server.received.map((request) => request.method)).toEqual(['GET']);
  });

  it('returns a slow-to-create document as still generating when no time is left to wait for it', async () => {
    // The POST answers slowly; there is then no time left to wait for the document.
    server.answer(async (request, response) => {
      if (request.method === 'POST') {
        await sleep(1300);
        json(response, 201, document('created'));
      } else json(response, 200, document('created'));
    });
    const { outcome } = await timed(() =>
      performAsProduction(appTester, App.creates.generate_project_document, bundle({ project_id: '90425', document_type: 'pricing' })),
    );
    // The document exists: the step returns it as still generating rather than fail and invite a second one.
    expect(outcome).toMatchObject({ status: 'created' });
    expect(server.received.filter((request) => request.method === 'POST')).toHaveLength(1);
  });

  it.each([
    [
      'the token request',
      () => appTester(connection.sessionConfig.perform, { authData: { client_id: 'id', client_secret: 'secret' }, inputData: {} }),
    ],
    ['the connection test (/v1/me)', () => appTester(connection.test, bundle({}))],
    ['an API Request step', () => performAsProduction(appTester, App.creates.api_request, bundle({ method: 'GET', path: '/clients' }))],
  ])('gives up on %s that never answers, inside the budget', async (_what, run) => {
    server.answer(() => new Promise(() => undefined));
    const { outcome, ms } = await timed(run);
    expect(outcome).toBeInstanceOf(Error);
    // In words, with no URL: a person reads it in Zap history.
    expect((outcome as Error).message).toMatch(/\(no answer in time\)/);
    expect((outcome as Error).message).not.toContain('127.0.0.1');
    expect(ms).toBeLessThanOrEqual(budgetTiming.stepMs + 100);
  });

  it('gives up on a file download that never answers', async () => {
    server.answer(() => new Promise(() => undefined));
    const download: Run = async (z, given) => (await fetchFile(z, given)).buffer();
    const { outcome, ms } = await timed(() => appTester(download, bundle({ url: `${server.url}/${SLUG}/file.pdf` })));
    expect((outcome as Error).message).toMatch(/network timeout/);
    expect(ms).toBeLessThanOrEqual(budgetTiming.requestMs + 300);
  });
});
