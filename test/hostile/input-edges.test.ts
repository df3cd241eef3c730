/**
 * Input at the edges: each value reaches the server exactly as typed, or the step refuses it
 * before any request, naming the field by its label and the form it accepts.
 */
import { beforeEach, describe, expect, it } from '@jest/globals';
import zapier, { type Bundle, type ZObject } from 'zapier-platform-core';
import App from '../../src/index.js';
import { connectedAuthData } from '../support/bundle.js';
import { errorBodyOf, rejectionOf } from '../../packages/toolkit/test/support/errors.js';
import { performAsProduction } from '../support/production-input.js';
import { json, useLoopback } from './loopback.js';

const appTester = zapier.createAppTester(App);
const findVendor = (App.searches.find_vendor.operation as unknown as { perform: (z: ZObject, bundle: Bundle) => Promise<unknown> }).perform;
const server = useLoopback();

beforeEach(() => {
  process.env['SCOPESTACK_API_URL'] = server.url;
  process.env['SCOPESTACK_AUTH_URL'] = server.url;
  server.answer((request, response) => {
    const created = { data: { id: '1', type: 'vendors', attributes: { name: 'x' } } };
    json(response, request.method === 'POST' ? 201 : 200, request.method === 'POST' ? created : { data: [], meta: { 'page-count': 1 } });
  });
});

const bundle = (inputData: Record<string, unknown>) => ({ authData: connectedAuthData(), inputData, meta: { page: 0 } });
const TEMPLATE_LOOKALIKE = 'Acme {{bundle.authData.client_secret}} & {{ process.env.HOME }}';

describe('text that looks like Zapier template syntax', () => {
  it('is written exactly as typed', async () => {
    await performAsProduction(appTester, App.creates.create_vendor, bundle({ name: TEMPLATE_LOOKALIKE }));
    const [post] = server.received;
    expect((JSON.parse(post?.body ?? '{}') as { data: { attributes: { name: string } } }).data.attributes.name).toBe(TEMPLATE_LOOKALIKE);
  });

  it('is refused in a search before any request, since Zapier would remove it from the query', async () => {
    const error = await rejectionOf(appTester(findVendor, bundle({ name: TEMPLATE_LOOKALIKE })));
    expect(errorBodyOf(error).message).toBe(
      'Nothing was searched: Name cannot hold text in double curly braces ({{…}}): Zapier removes it from a search. Search by the rest of the value, or by another field.',
    );
    expect(server.received).toEqual([]);
  });
});

describe('an API Request', () => {
  it('sends a typed body as typed: a number past 2^53 keeps its digits', async () => {
    const body = '{"data": {"type": "vendors", "attributes": {"name": "Big", "external-number": 12345678901234567890}}}';
    await performAsProduction(appTester, App.creates.api_request, bundle({ method: 'POST', path: '/vendors', body }));
    expect(server.received[0]?.body).toBe(body);
  });

  it.each(['/projects/%E0%A4%A', '/projects/%E0%A4', '/projects/100%'])(
    'refuses a path with a broken escape (%s) before any request',
    async (path) => {
      const error = await rejectionOf(performAsProduction(appTester, App.creates.api_request, bundle({ method: 'GET', path })));
      expect(errorBodyOf(error).message).toBe(
        'Nothing was sent to ScopeStack: Path must be a path under the API, such as /projects/123/project-phases or /v1/me, with % only in whole escapes such as %20.',
      );
      expect(server.received).toEqual([]);
    },
  );
});

describe('line items given as JSON', () => {
  it.each(['5', '"text"', '{"user_defined_fields__name": "industry"}'])('refuses %s before any request', async (value) => {
    const error = await rejectionOf(
      performAsProduction(appTester, App.creates.create_client, bundle({ name: 'Acme', user_defined_fields: value })),
    );
    expect(errorBodyOf(error).message).toMatch(/must be a list of rows, such as \[\{"name": "…", "value": "…"\}\]/);
    expect(server.received).toEqual([]);
  });
});

describe('a custom number field', () => {
  it.each([
    ['11', 'Warranty (Years) must be a number from 0 to 10 (got "11").'],
    ['-1', 'Warranty (Years) must be a number from 0 to 10 (got "-1").'],
  ])('refuses %s outside the bounds its definition sets, before the write', async (value, problem) => {
    server.answer((_request, response) => {
      json(response, 200, {
        data: [
          {
            id: '3906',
            type: 'project-variables',
            attributes: {
              name: 'warranty_years',
              label: 'Warranty (Years)',
              'variable-type': 'number',
              minimum: 0,
              maximum: 10,
              required: false,
              active: true,
            },
          },
        ],
        meta: { 'page-count': 1 },
      });
    });
    const error = await rejectionOf(
      performAsProduction(appTester, App.creates.create_product, bundle({ name: 'FortiGate', custom_warranty_years: value })),
    );
    expect(errorBodyOf(error).message).toContain(problem);
    // Only the definitions were read (by the Zap editor's fields, then by the step): nothing was written.
    expect(new Set(server.received.map((request) => request.method))).toEqual(new Set(['GET']));
  });
});
