/**
 * Steps the toolkit generates for a made-up resource, run through the app against nock: what each
 * kind sends and returns, independent of any ScopeStack catalog entry.
 */
import nock from 'nock';
import zapier from 'zapier-platform-core';
import App from '../../src/index.js';
import type { ResourceSpec } from '../../src/toolkit/resource-spec.js';
import { searchStep } from '../../src/toolkit/steps/search.js';
import { updateStep, upsertStep } from '../../src/toolkit/steps/write-step.js';
import { API, bundleWith, SLUG, useTestHosts } from '../support/bundle.js';
import { errorBodyOf, rejectionOf } from '../support/errors.js';
import { useNock } from '../support/nock.js';
import { performOf } from '../support/steps.js';

const appTester = zapier.createAppTester(App);

const WIDGETS = `/${SLUG}/v1/widgets`;
const PAGE = { 'page[number]': '1', 'page[size]': '100' };

const widget: ResourceSpec = {
  type: 'widgets',
  path: 'widgets',
  noun: 'Widget',
  display: 'name',
  attributes: [
    { name: 'name', kind: 'string', writable: true },
    { name: 'code', kind: 'string', writable: true },
    { name: 'colour', kind: 'string', writable: true },
  ],
  relationships: [],
  filters: [{ key: 'code', param: 'filter[code]', match: 'exact' }],
  requester: {
    service: 'Acme',
    collectionsUrl: () => `${API}/${SLUG}/v1`,
    apiBaseUrl: () => API,
    recordId: { pattern: /^\d+$/, description: 'a whole number such as 12' },
  },
  sample: { id: '12', name: 'Sample Widget', code: 'W-12', colour: 'red' },
};

const resource = (id: string, attributes: Record<string, unknown>) => ({ id, type: 'widgets', attributes });
const W12 = resource('12', { name: 'Gear', code: 'W-12', colour: 'red' });

useNock();
beforeAll(useTestHosts);

describe('a generated search', () => {
  it('lists by the given value, trimmed, and returns the exact match ignoring case', async () => {
    const scope = nock(API)
      .get(WIDGETS)
      .query({ 'filter[code]': 'w-12', ...PAGE })
      .once()
      .reply(200, { data: [W12, resource('13', { name: 'Cog', code: 'W-123' })], links: {} });
    const found = await appTester(performOf(searchStep(widget, { key: 'find_widget' })), bundleWith({ code: ' w-12 ' }));
    expect(scope.isDone()).toBe(true);
    expect(found).toEqual([{ id: '12', name: 'Gear', code: 'W-12', colour: 'red' }]);
  });
});

describe('a generated update', () => {
  const update = performOf(updateStep(widget, { key: 'update_widget', dropdown: 'list_widgets' }));

  it('sends only the fields filled in, with the ID', async () => {
    const scope = nock(API)
      .patch(`${WIDGETS}/12`, { data: { type: 'widgets', id: '12', attributes: { colour: 'blue' } } })
      .once()
      .reply(200, { data: { ...W12, attributes: { ...W12.attributes, colour: 'blue' } } });
    const updated = await appTester(update, bundleWith({ id: '12', name: '', colour: 'blue', unrelated: 'x' }));
    expect(scope.isDone()).toBe(true);
    expect(updated).toMatchObject({ id: '12', colour: 'blue' });
  });

  it('refuses an update with nothing filled in, before any request', async () => {
    const error = errorBodyOf(await rejectionOf(appTester(update, bundleWith({ id: '12', name: '' }))));
    expect(error.message).toBe('Nothing was sent to Acme: Fill in at least one field to change on the widget.');
  });
});

describe('a generated create-or-update', () => {
  const upsert = performOf(upsertStep(widget, { key: 'upsert_widget', required: ['code'], match: widget.filters ?? [] }));

  it('updates the record with the same unique value', async () => {
    const scope = nock(API)
      .get(WIDGETS)
      .query({ 'filter[code]': 'W-12', ...PAGE })
      .once()
      .reply(200, { data: [W12], links: {} })
      .patch(`${WIDGETS}/12`, { data: { type: 'widgets', id: '12', attributes: { code: 'W-12', colour: 'blue' } } })
      .once()
      .reply(200, { data: { ...W12, attributes: { ...W12.attributes, colour: 'blue' } } });
    const result = await appTester(upsert, bundleWith({ code: 'W-12', colour: 'blue' }));
    expect(scope.isDone()).toBe(true);
    expect(result).toMatchObject({ id: '12', colour: 'blue', upsert_action: 'updated' });
  });
});
